"""`make build` never loses the last good site, and two builds of one tree are identical."""

import hashlib
import shutil
import subprocess

from tests.project import BUILD_TIMEOUT, MKDOCS, ROOT, copy_project, mkdocs_build, mkdocs_env

GLOSSARY = "docs/data/glossary.yml"


def build_script(project):
    return subprocess.run(
        ["bash", "scripts/build.sh"], cwd=project, env=mkdocs_env(MKDOCS=str(MKDOCS)),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=BUILD_TIMEOUT)


def tree(folder) -> dict[str, str]:
    """relative path -> sha256 of every file under folder"""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_a_failed_build_leaves_the_last_good_site_in_place(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "scripts", project / "scripts")

    first = build_script(project)
    assert first.returncode == 0, first.stdout
    good = tree(project / "site")
    assert "index.html" in good

    glossary = project / GLOSSARY
    original = glossary.read_text(encoding="utf-8")
    glossary.write_text(original.replace("terms:", "terms: [", 1), encoding="utf-8")
    broken = build_script(project)
    assert broken.returncode != 0
    assert "docs/data/glossary.yml:" in broken.stdout
    assert tree(project / "site") == good, "a failed build changed site/"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith("site")) == ["site"], \
        "a failed build left a temporary folder behind"

    glossary.write_text(original.replace("term: Management", "term: Management studies", 1), encoding="utf-8")
    fixed = build_script(project)
    assert fixed.returncode == 0, fixed.stdout
    assert "Management studies" in (project / "site" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert (project / "site").stat().st_mode & 0o755 == 0o755


def test_two_builds_of_the_same_tree_are_byte_identical(tmp_path):
    """Built from two folders at different times, as two clones of one commit would be, and with the
    offline zip, the PDFs and the EPUB that `make build` adds (OFFLINE_ZIP, BOOK_FILES), so the archives'
    and the documents' dates are checked too."""
    trees = []
    for name in ("first", "second"):
        project = copy_project(tmp_path / name)
        result = mkdocs_build(project, "--site-dir", "site", SOURCE_DATE_EPOCH="1700000000", OFFLINE_ZIP="true",
                              BOOK_FILES="true")
        assert result.returncode == 0, result.stdout
        trees.append(tree(project / "site"))
    first, second = trees
    assert first.keys() == second.keys()
    assert any(path.endswith(".zip") for path in first), "the offline zip was not built"
    assert {"downloads/leading-and-managing-a4.pdf", "downloads/leading-and-managing.epub"} <= first.keys()
    assert [path for path in first if first[path] != second[path]] == []
