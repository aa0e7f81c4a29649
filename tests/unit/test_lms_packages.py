"""The course packages (SCORM 1.2, SCORM 2004 4th Edition, cmi5) and the one launch page they carry,
built without a site build and checked against the official schemas."""

import io
import zipfile

import lxml.html
from lxml import etree

from macros.outputs import cmi5, course_package, scorm
from tests.lms_check import cmi5_errors, package_problems, scorm_errors

SITE = "https://example.org/course/"
MANAGEMENT = ('<h1 id="management">Management</h1><p>See <a href="../leadership/#vision">vision</a>, the '
              '<a href="../glossary/#plan">glossary</a>, <a href="#key-points">below</a> and '
              '<a href="https://example.com/x">elsewhere</a>.</p><img src="../assets/images/figure.svg" alt="A figure">'
              '<h2 id="key-points">Key points</h2><label for="key-points">x</label>'
              '<p class="data-note">Generated from course.yml: to change it, edit that file rather than this page.</p>')
LEADERSHIP = '<h1 id="leadership">Leadership</h1><h2 id="vision">Vision</h2><h2 id="key-points">Key points</h2>'
PARTS = [course_package.Part("management", "Management", "management/", MANAGEMENT, "management"),
         course_package.Part("leadership", "Leadership", "leadership/", LEADERSHIP, "leadership"),
         course_package.Part("final", "Final assessment", "assessment/final/", "<h1>Final</h1>", None)]
ASSETS = {"assets/stylesheets/embed.css": b"e", "assets/stylesheets/course.css": b"c",
          "assets/javascripts/quiz.js": b"q", "assets/javascripts/lms-adapter.js": b"a",
          "assets/javascripts/vendor/xapi-cmi5/cmi5.umd.min.js": b"x", "assets/javascripts/vendor/xapi-cmi5/LICENSE": b"l",
          "assets/images/figure.svg": b"<svg/>"}


def package(lms="scorm12") -> scorm.CoursePackage:
    files = course_package.package_files("Leading & Managing", PARTS, SITE, (lms,), 80, ASSETS.get)[lms]
    return scorm.CoursePackage("leading-and-managing", "Leading & Managing", 80, files)


def launch_page(lms="scorm12"):
    return lxml.html.fromstring(package(lms).files["index.html"])


def test_launch_page_holds_every_part_in_order_with_its_module():
    page = launch_page()
    sections = page.xpath("//section[@class='lms-part']")
    assert [s.get("id") for s in sections] == ["part-management", "part-leadership", "part-final"]
    assert [s.get("data-module") for s in sections] == ["management", "leadership", None]
    assert page.xpath("//body/@data-lms") == ["scorm12"] and page.xpath("//body/@data-mastery-score") == ["80"]
    assert page.xpath("//nav//a/@href") == ["#part-management", "#part-leadership", "#part-final"]


def test_contributors_notes_stay_on_the_website():
    launch = package().files["index.html"].decode()
    assert "Key points" in launch
    assert "data-note" not in launch and "Generated from" not in launch


def test_ids_two_parts_share_are_prefixed_and_links_follow_them():
    page = launch_page()
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))
    assert "management--key-points" in ids and "leadership--key-points" in ids and "vision" in ids
    links = page.xpath("//section[@id='part-management']//a")
    assert [a.get("href") for a in links] == ["#vision", f"{SITE}glossary/#plan", "#management--key-points",
                                              "https://example.com/x"]
    assert [a.get("target") for a in links] == [None, "_blank", None, "_blank"]
    assert page.xpath("//label/@for") == ["management--key-points"]


def test_every_file_the_page_uses_is_in_the_package_and_nothing_is_fetched_from_elsewhere():
    files = package().files
    page = lxml.html.fromstring(files["index.html"])
    used = [path for path in page.xpath("//script/@src | //link/@href | //img/@src") if not path.startswith("data:")]
    assert used and all(path in files for path in used)
    # The adapter restores the LMS's copy of the progress before the questions read it.
    assert page.xpath("//script/@src") == [course_package.ADAPTER, "assets/javascripts/quiz.js"]
    assert course_package.CMI5_CLIENT not in files
    assert {course_package.CMI5_CLIENT, course_package.CMI5_LICENCE} <= set(package("cmi5").files)


def test_a_file_the_site_lacks_is_one_clear_error():
    missing = dict(ASSETS)
    del missing["assets/images/figure.svg"]
    try:
        course_package.package_files("T", PARTS, SITE, ("scorm12",), 80, missing.get)
    except ValueError as error:
        assert "assets/images/figure.svg" in str(error)
    else:
        raise AssertionError("a missing image was not reported")


def test_scorm_1_2_manifest_is_valid_and_carries_the_mastery_score():
    manifest = scorm.manifest_12(package())
    assert scorm_errors(manifest, "scorm12") == []
    root = etree.fromstring(manifest)
    assert root.findtext(f".//{{{scorm.ADLCP12}}}masteryscore") == "80"
    resource = root.find(f".//{{{scorm.CP12}}}resource")
    assert resource.get(f"{{{scorm.ADLCP12}}}scormtype") == "sco" and resource.get("href") == "index.html"


def test_scorm_1_2_schema_rejects_a_bad_manifest():
    manifest = scorm.manifest_12(package()).replace(b'scormtype="sco"', b'scormtype="lesson"')
    assert scorm_errors(manifest, "scorm12")


def test_scorm_2004_manifest_is_valid_with_a_primary_objective_satisfied_by_measure():
    manifest = scorm.manifest_2004(package())
    assert scorm_errors(manifest, "scorm2004") == []
    root = etree.fromstring(manifest)
    primary = root.find(f".//{{{scorm.IMSSS}}}primaryObjective")
    assert primary.get("satisfiedByMeasure") == "true"
    assert primary.findtext(f"{{{scorm.IMSSS}}}minNormalizedMeasure") == "0.8"
    assert root.findtext(f".//{{{scorm.CP}}}schemaversion") == "2004 4th Edition"
    broken = manifest.replace(b"<imsss:minNormalizedMeasure>0.8", b"<imsss:minNormalizedMeasure>1.8")
    assert scorm_errors(broken, "scorm2004")


def test_scorm_packages_list_every_file_and_carry_their_schemas():
    for build, schema in ((scorm.build_12, "adlcp_rootv1p2.xsd"), (scorm.build_2004, "imsss_v1p0.xsd")):
        data = build(package(), 1_700_000_000)
        assert package_problems(data) == []
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        assert schema in names and "index.html" in names and names == sorted(names)
        assert data == build(package(), 1_700_000_000)


def test_cmi5_course_structure_is_valid_with_the_mastery_score_and_launch_url():
    xml = cmi5.course_structure_xml(package("cmi5"), SITE, "An open course.")
    assert cmi5_errors(xml) == []
    au = etree.fromstring(xml).find(f"{{{cmi5.NS}}}au")
    assert au.get("masteryScore") == "0.8" and au.get("moveOn") == "CompletedAndPassed"
    assert au.get("id") == cmi5.au_iri(SITE) and au.findtext(f"{{{cmi5.NS}}}url") == "index.html"
    assert cmi5_errors(xml.replace(b'moveOn="CompletedAndPassed"', b'moveOn="Whenever"'))
    names = zipfile.ZipFile(io.BytesIO(cmi5.build(package("cmi5"), SITE, "d"))).namelist()
    assert "cmi5.xml" in names and "index.html" in names
