"""MkDocs hooks: the question banks and course packages an instructor imports into an LMS.

From the one parsed item bank (and, for the course packages, the pages MkDocs has just rendered),
each function hands the work to a pure builder in macros/outputs/:

    downloads/leading-and-managing-canvas-qti.zip   Canvas "QTI .zip file" import      canvas.py
    downloads/leading-and-managing-moodle.xml       Moodle XML question bank           moodle.py
    downloads/leading-and-managing-gift.txt         GIFT question bank                 gift.py
    downloads/leading-and-managing-scorm12.zip      SCORM 1.2 course package           scorm.py
    downloads/leading-and-managing-scorm2004.zip    SCORM 2004 4th Edition package     scorm.py
    downloads/leading-and-managing-cmi5.zip         cmi5 course                        cmi5.py

(The Common Cartridge with its QTI assessments is made by macros/hooks.py with the thin one.)
Every build makes them: they take well under a second, and the tests and `mkdocs serve` then
see the same files as `make build`. Zips are reproducible: SOURCE_DATE_EPOCH dates every entry.
"""

import os
import sys
from pathlib import Path

from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.load import course_of_build  # noqa: E402
from macros.outputs import bank, canvas, cmi5, course_package, gift, moodle, scorm  # noqa: E402
from macros.render.links import page_url  # noqa: E402

CANVAS_ZIP = "downloads/leading-and-managing-canvas-qti.zip"
MOODLE_XML = "downloads/leading-and-managing-moodle.xml"
GIFT_TXT = "downloads/leading-and-managing-gift.txt"
SCORM12_ZIP = "downloads/leading-and-managing-scorm12.zip"
SCORM2004_ZIP = "downloads/leading-and-managing-scorm2004.zip"
CMI5_ZIP = "downloads/leading-and-managing-cmi5.zip"
PACKAGE_ID = "leading-and-managing"
# The assessment pages the course packages carry too, where the site has them: the pre-test before
# the modules, the final after them.
PAGES_BEFORE_MODULES = (("pretest", "assessment/pretest.md"),)
PAGES_AFTER_MODULES = (("final", "assessment/final.md"),)


def _epoch() -> int | None:
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None


def on_files(files, config):
    """Listed now, filled in on_env, so that pages may link to them and links are checked."""
    for name in (CANVAS_ZIP, MOODLE_XML, GIFT_TXT, SCORM12_ZIP, SCORM2004_ZIP, CMI5_ZIP):
        files.append(File.generated(config, name, content=b""))
    return files


def on_env(env, config, files):
    course = course_of_build(config)
    _question_banks(course, config, files)
    _course_packages(course, config, files)
    return env


def _question_banks(course, config, files):
    credit = bank.credit(config.site_name, config.site_url)
    files.get_file_from_path(CANVAS_ZIP).content_bytes = canvas.build_zip(bank.quizzes(course), _epoch(), credit)
    categories = bank.categories(course)
    files.get_file_from_path(MOODLE_XML).content_bytes = moodle.questions_xml(config.site_name, categories, credit)
    files.get_file_from_path(GIFT_TXT).content_string = gift.questions_gift(config.site_name, categories, credit)


def _parts(course, files) -> list[course_package.Part]:
    """The pre-test, the rendered module pages, then the final, as parts of the one launch page."""
    def present(pages):
        return [(part_id, src, None) for part_id, src in pages if files.get_file_from_path(src)]
    pages = present(PAGES_BEFORE_MODULES) + [(module.id, module.page, module.id) for module in course.modules]
    pages += present(PAGES_AFTER_MODULES)
    parts = []
    for part_id, src, module in pages:
        page = files.get_file_from_path(src).page
        parts.append(course_package.Part(part_id, page.title, page_url(src, directory_urls=True), page.content, module))
    return parts


def _read_asset(files):
    def read(path: str) -> bytes | None:
        file = files.get_file_from_path(path)
        return file.content_bytes if file is not None else None
    return read


def _course_packages(course, config, files):
    mastery = course.assessment.pass_mark
    by_standard = course_package.package_files(
        config.site_name, _parts(course, files), config.site_url, ("scorm12", "scorm2004", "cmi5"), mastery,
        _read_asset(files), config.theme["language"])

    def package(lms: str) -> scorm.CoursePackage:
        return scorm.CoursePackage(PACKAGE_ID, config.site_name, mastery, by_standard[lms])

    files.get_file_from_path(SCORM12_ZIP).content_bytes = scorm.build_12(package("scorm12"), _epoch())
    files.get_file_from_path(SCORM2004_ZIP).content_bytes = scorm.build_2004(package("scorm2004"), _epoch())
    files.get_file_from_path(CMI5_ZIP).content_bytes = cmi5.build(
        package("cmi5"), config.site_url, config.site_description, _epoch())
