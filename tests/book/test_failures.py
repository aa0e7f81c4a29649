"""When the PDF cannot be printed, `make build` says why in one line and leaves no traceback."""

from tests.project import ROOT, mkdocs_build


def test_a_missing_browser_is_one_clear_line(tmp_path):
    result = mkdocs_build(ROOT, "--site-dir", str(tmp_path / "site"), BOOK_FILES="true",
                          CHROMIUM=str(tmp_path / "no-chromium-here"))
    assert result.returncode != 0
    assert "Traceback" not in result.stdout
    errors = [line for line in result.stdout.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, result.stdout
    assert "The PDF could not be made" in errors[0] and "no-chromium-here" in errors[0]
