"""When the PDF cannot be printed, `make build` says why in one line and leaves no traceback."""

from macros.outputs import book
from tests.corpus.cases import BROKEN
from tests.project import ROOT, copy_project, mkdocs_build


def test_a_missing_browser_is_one_clear_line(tmp_path):
    result = mkdocs_build(ROOT, "--site-dir", str(tmp_path / "site"), BOOK_FILES="true",
                          CHROMIUM=str(tmp_path / "no-chromium-here"))
    assert result.returncode != 0
    assert "Traceback" not in result.stdout
    errors = [line for line in result.stdout.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, result.stdout
    assert "The PDF could not be made" in errors[0] and "no-chromium-here" in errors[0]


def test_a_build_that_has_failed_prints_no_pdf_and_writes_no_epub(tmp_path):
    """MkDocs calls on_post_build before strict mode fails the build: printing then cost seconds per broken edit."""
    project = copy_project(tmp_path / "project")
    case = next(case for case in BROKEN if case.name == "broken-link")
    case.edit.apply(project)
    result = mkdocs_build(project, "--site-dir", "site", BOOK_FILES="true")
    assert result.returncode != 0
    assert (project / "site" / "index.html").exists(), "the pages were not written, so this tests nothing"
    assert [name for name in [*book.PDF_FILES, book.EPUB_FILE] if (project / "site" / name).exists()] == []
