"""A cmi5 course: the same launch page as the SCORM packages, described by a cmi5.xml course structure.

One assignable unit (AU) with moveOn "CompletedAndPassed" and the mastery score from course.yml
(as a scaled value). The LMS launches index.html with the cmi5 launch parameters; the page's
adapter (docs/assets/javascripts/lms-adapter.js, using the vendored @xapi/cmi5 client) reads them,
gets its auth token from the fetch URL and sends the cmi5 statements.
"""

from lxml import etree

from macros.outputs import zips
from macros.outputs.scorm import LAUNCH, CoursePackage

NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"


def au_iri(course_iri: str) -> str:
    """The assignable unit's id; the adapter names objectives and questions below it."""
    return course_iri.rstrip("/") + "/cmi5/au"


def _langstring(parent, tag: str, text: str, language: str):
    element = etree.SubElement(parent, f"{{{NS}}}{tag}")
    etree.SubElement(element, f"{{{NS}}}langstring", lang=language).text = text
    return element


def course_structure_xml(package: CoursePackage, course_iri: str, description: str, language: str = "en") -> bytes:
    """cmi5.xml. course_iri is the course's published address: a stable IRI that a fork changes with SITE_URL."""
    root = etree.Element(f"{{{NS}}}courseStructure", nsmap={None: NS})
    course = etree.SubElement(root, f"{{{NS}}}course", id=course_iri)
    _langstring(course, "title", package.title, language)
    _langstring(course, "description", description, language)
    au = etree.SubElement(root, f"{{{NS}}}au", id=au_iri(course_iri), moveOn="CompletedAndPassed",
                          masteryScore=f"{package.mastery_score / 100:g}", launchMethod="AnyWindow")
    _langstring(au, "title", package.title, language)
    _langstring(au, "description", description, language)
    etree.SubElement(au, f"{{{NS}}}url").text = LAUNCH
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def build(package: CoursePackage, course_iri: str, description: str, epoch: int | None = None) -> bytes:
    files = {**package.files, "cmi5.xml": course_structure_xml(package, course_iri, description)}
    return zips.build(files, epoch)
