"""What the build gives instructors for their LMS: the question banks and the course packages,
made by macros/lms_hooks.py from the one item bank and the rendered pages, valid and linked."""

import io
import zipfile

import lxml.html
import pytest
from lxml import etree

from macros import lms_hooks
from tests.lms_check import cmi5_errors, package_problems, qti_errors, scorm_errors

PACKAGES = {lms_hooks.SCORM12_ZIP: "scorm12", lms_hooks.SCORM2004_ZIP: "scorm2004", lms_hooks.CMI5_ZIP: "cmi5"}
ALL = (lms_hooks.CANVAS_ZIP, lms_hooks.MOODLE_XML, lms_hooks.GIFT_TXT, *PACKAGES)


def archive(site, name) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO((site.root / name).read_bytes()))


@pytest.mark.parametrize("page", ["instructors/index.md", "instructors/embedding.md"])
def test_every_lms_download_is_linked_from_the_instructors_pages(site, page):
    links = [link for _, link in site.page(page).parser.links]
    for name in ALL:
        assert any(link.endswith(name) for link in links), name


@pytest.mark.parametrize("name", PACKAGES)
def test_course_packages_are_valid_complete_and_self_contained(site, course, name):
    package = archive(site, name)
    names = set(package.namelist())
    if PACKAGES[name] == "cmi5":
        assert cmi5_errors(package.read("cmi5.xml")) == []
    else:
        assert scorm_errors(package.read("imsmanifest.xml"), PACKAGES[name]) == []
        assert package_problems((site.root / name).read_bytes()) == []
    page = lxml.html.fromstring(package.read("index.html"))
    modules = page.xpath("//section[@class='lms-part']/@data-module")
    assert modules == [module.id for module in course.modules]
    assert page.xpath("//body/@data-mastery-score") == [str(course.assessment.pass_mark)]
    used = page.xpath("//script/@src | //link/@href | //img/@src | //*[@srcset]/@srcset")
    for path in used:
        assert path.startswith("data:") or path in names, f"{name}: index.html uses {path}, not in the package"
    # Every check of every module travels with the package: the item ids the LMS will see.
    items = set(page.xpath("//*[@data-item]/@data-item"))
    for module in course.modules:
        assert {item.id for item in course.self_check(module.id)} <= items, module.id


def test_the_cartridge_and_canvas_quizzes_validate_as_qti(site):
    with archive(site, "downloads/leading-and-managing.imscc") as cartridge:
        qti_files = [n for n in cartridge.namelist() if n.endswith("assessment_qti.xml") or n.startswith("question-bank/")]
        assert qti_files and all(qti_errors(cartridge.read(n)) == [] for n in qti_files)
    with archive(site, lms_hooks.CANVAS_ZIP) as canvas:
        assert "final/final.xml" in canvas.namelist()


def test_moodle_and_gift_banks_hold_every_item(site, course):
    root = etree.fromstring((site.root / lms_hooks.MOODLE_XML).read_bytes())
    assert sorted(root.xpath("//question/idnumber/text()")) == sorted(item.id for item in course.quiz)
    gift = (site.root / lms_hooks.GIFT_TXT).read_text(encoding="utf-8")
    assert all(f"::{item.id}::" in gift for item in course.quiz)


def test_the_question_files_carry_the_credit(site):
    credit = "licensed under CC BY 4.0"
    assert credit in (site.root / lms_hooks.MOODLE_XML).read_text(encoding="utf-8")
    assert credit in (site.root / lms_hooks.GIFT_TXT).read_text(encoding="utf-8").splitlines()[1]
    with archive(site, lms_hooks.CANVAS_ZIP) as canvas:
        assert credit in canvas.read("final/assessment_meta.xml").decode("utf-8")
