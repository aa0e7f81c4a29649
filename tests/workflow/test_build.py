"""`make build` never loses the last good site, and two builds of one tree are identical."""

import hashlib
import shutil
import subprocess
import zipfile

from tests.project import BUILD_TIMEOUT, EPOCH, MKDOCS, ROOT, copy_project, mkdocs_build, mkdocs_env
from tests.site.test_published import copied_runs, essay_runs, unintended_files

GLOSSARY = "docs/data/glossary.yml"
OFFLINE_ZIP = "downloads/leading-and-managing-offline.zip"


def build_script(project):
    return subprocess.run(
        ["bash", "scripts/build.sh"], cwd=project, env=mkdocs_env(MKDOCS=str(MKDOCS)),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=BUILD_TIMEOUT)


# What another output made after the pages (a PDF, a package) looks like when it fails: the pattern of
# macros/post_build.py, which every such output follows.
FAILING_STEP_HOOK = '''
from macros import post_build


def on_post_build(config):
    post_build.run_step("downloads/course.pdf", fail)


def fail():
    raise post_build.StepFailed("the PDF engine is missing; install it and build again")
'''


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


def test_two_builds_of_the_same_tree_are_byte_identical_and_the_zip_publishes_no_data(made_site, tmp_path):
    """The session's `make build` site and a second build of the same tree from another folder, later, as two
    clones of one commit would be, with the offline zip, the PDFs and the EPUB that `make build` adds
    (OFFLINE_ZIP, BOOK_FILES), so the archives' and the documents' dates are checked too. The zip holds no data
    file and no sentence of the essay, like the site."""
    project = copy_project(tmp_path / "second")
    result = mkdocs_build(project, "--site-dir", "site", SOURCE_DATE_EPOCH=str(EPOCH), OFFLINE_ZIP="true",
                          BOOK_FILES="true")
    assert result.returncode == 0, result.stdout
    first, second = tree(made_site), tree(project / "site")
    assert first.keys() == second.keys()
    assert OFFLINE_ZIP in first, "the offline zip was not built"
    assert {"downloads/leading-and-managing-a4.pdf", "downloads/leading-and-managing.epub"} <= first.keys()
    assert [path for path in first if first[path] != second[path]] == []

    site = tmp_path / "second" / "site"
    with zipfile.ZipFile(site / OFFLINE_ZIP) as archive:
        names = [name.split("/", 1)[1] for name in archive.namelist()]
    assert "index.html" in names
    assert [name for name in names if name.startswith("data/")] == []
    assert unintended_files(site) == []
    assert copied_runs(site, essay_runs()) == {}


def test_a_failed_post_build_step_is_one_line_and_keeps_the_last_good_site(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "scripts", project / "scripts")
    assert build_script(project).returncode == 0
    good = tree(project / "site")

    (project / "macros" / "failing_step.py").write_text(FAILING_STEP_HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - macros/link_hooks.py\n", "  - macros/link_hooks.py\n  - macros/failing_step.py\n", 1), encoding="utf-8")
    failed = build_script(project)
    assert failed.returncode != 0
    assert "Traceback" not in failed.stdout, failed.stdout
    problems = [line for line in failed.stdout.splitlines() if line.startswith(("ERROR", "WARNING"))]
    assert problems == ["ERROR   -  downloads/course.pdf: the PDF engine is missing; install it and build again"]
    assert tree(project / "site") == good, "a build whose post-build step failed replaced site/"
