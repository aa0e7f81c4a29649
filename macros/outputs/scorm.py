"""SCORM 1.2 and SCORM 2004 4th Edition packages of the whole course: one SCO with a bookmark.

The course is one launch page (macros/outputs/course_package.py) holding every module and the
final assessment; docs/assets/javascripts/lms-adapter.js reports from it to the LMS. We chose one
SCO rather than one per module because only then is the score and the completion of the course
one record in every LMS: SCORM 1.2 defines no roll-up across SCOs (each LMS does its own), and a
learner moving between modules would otherwise start and end an LMS session each time. The
bookmark (`lesson_location` / `location`) brings the learner back to the part they left.

The mastery score from course.yml (`assessment.pass_mark`) is written into the manifest too:
`adlcp:masteryscore` in 1.2, a primary objective satisfied by a `minNormalizedMeasure` in 2004.
"""

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from macros.outputs import zips

SCHEMAS = Path(__file__).resolve().parent / "schemas"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
LAUNCH = "index.html"

CP12 = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP12 = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
ADLCP = "http://www.adlnet.org/xsd/adlcp_v1p3"
ADLSEQ = "http://www.adlnet.org/xsd/adlseq_v1p3"
ADLNAV = "http://www.adlnet.org/xsd/adlnav_v1p3"
IMSSS = "http://www.imsglobal.org/xsd/imsss"


@dataclass(frozen=True)
class CoursePackage:
    identifier: str  # stable, e.g. "leading-and-managing"
    title: str
    mastery_score: int  # percent, 0-100
    files: dict[str, bytes]  # the launch page and every file it uses, by path inside the package


def _el(parent, namespace: str, tag: str, text: str | None = None, **attributes):
    element = etree.SubElement(parent, f"{{{namespace}}}{tag}", **attributes)
    element.text = text
    return element


def _resource_files(resource, namespace: str, package: CoursePackage) -> None:
    for path in sorted(package.files):
        _el(resource, namespace, "file", href=path)


def manifest_12(package: CoursePackage) -> bytes:
    manifest = etree.Element(f"{{{CP12}}}manifest", identifier=f"{package.identifier}-scorm12", version="1.2",
                             nsmap={None: CP12, "adlcp": ADLCP12, "xsi": XSI})
    manifest.set(f"{{{XSI}}}schemaLocation",
                 f"{CP12} imscp_rootv1p1p2.xsd {ADLCP12} adlcp_rootv1p2.xsd")
    metadata = _el(manifest, CP12, "metadata")
    _el(metadata, CP12, "schema", "ADL SCORM")
    _el(metadata, CP12, "schemaversion", "1.2")
    organization = _el(_el(manifest, CP12, "organizations", default="course"), CP12, "organization",
                       identifier="course")
    _el(organization, CP12, "title", package.title)
    item = _el(organization, CP12, "item", identifier="course-item", identifierref="course-sco", isvisible="true")
    _el(item, CP12, "title", package.title)
    _el(item, ADLCP12, "masteryscore", str(package.mastery_score))
    resource = _el(_el(manifest, CP12, "resources"), CP12, "resource", identifier="course-sco", type="webcontent",
                   href=LAUNCH)
    resource.set(f"{{{ADLCP12}}}scormtype", "sco")
    _resource_files(resource, CP12, package)
    return etree.tostring(manifest, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def manifest_2004(package: CoursePackage) -> bytes:
    manifest = etree.Element(f"{{{CP}}}manifest", identifier=f"{package.identifier}-scorm2004", version="1",
                             nsmap={None: CP, "adlcp": ADLCP, "adlseq": ADLSEQ, "adlnav": ADLNAV, "imsss": IMSSS,
                                    "xsi": XSI})
    manifest.set(f"{{{XSI}}}schemaLocation",
                 f"{CP} imscp_v1p1.xsd {ADLCP} adlcp_v1p3.xsd {ADLSEQ} adlseq_v1p3.xsd "
                 f"{ADLNAV} adlnav_v1p3.xsd {IMSSS} imsss_v1p0.xsd")
    metadata = _el(manifest, CP, "metadata")
    _el(metadata, CP, "schema", "ADL SCORM")
    _el(metadata, CP, "schemaversion", "2004 4th Edition")
    organization = _el(_el(manifest, CP, "organizations", default="course"), CP, "organization",
                       identifier="course")
    _el(organization, CP, "title", package.title)
    item = _el(organization, CP, "item", identifier="course-item", identifierref="course-sco")
    _el(item, CP, "title", package.title)
    sequencing = _el(item, IMSSS, "sequencing")
    objectives = _el(sequencing, IMSSS, "objectives")
    primary = _el(objectives, IMSSS, "primaryObjective", objectiveID="final-assessment", satisfiedByMeasure="true")
    _el(primary, IMSSS, "minNormalizedMeasure", f"{package.mastery_score / 100:g}")
    _el(sequencing, IMSSS, "deliveryControls", completionSetByContent="true", objectiveSetByContent="true")
    _el(_el(organization, IMSSS, "sequencing"), IMSSS, "controlMode", choice="true", flow="true")
    resource = _el(_el(manifest, CP, "resources"), CP, "resource", identifier="course-sco", type="webcontent",
                   href=LAUNCH)
    resource.set(f"{{{ADLCP}}}scormType", "sco")
    _resource_files(resource, CP, package)
    return etree.tostring(manifest, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _schema_files(folder: str) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((SCHEMAS / folder).iterdir()) if path.is_file()}


def build_12(package: CoursePackage, epoch: int | None = None) -> bytes:
    files = {**package.files, **_schema_files("scorm12"), "imsmanifest.xml": manifest_12(package)}
    return zips.build(files, epoch)


def build_2004(package: CoursePackage, epoch: int | None = None) -> bytes:
    files = {**package.files, **_schema_files("scorm2004"), "imsmanifest.xml": manifest_2004(package)}
    return zips.build(files, epoch)
