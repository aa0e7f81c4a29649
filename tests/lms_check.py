"""Checking the LMS exports with lxml, no network: QTI (XSD + Schematron), SCORM 1.2/2004, cmi5, packages."""

import io
import shutil
import tempfile
import zipfile
from functools import cache
from pathlib import Path

from lxml import etree, isoschematron

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCORM_SCHEMAS = Path(__file__).resolve().parent.parent / "macros" / "outputs" / "schemas"
QTI_XSD = FIXTURES / "qti" / "ccv1p1_qtiasiv1p2p1_v1p0.xsd"

# A manifest mixes namespaces that no single schema file imports: a small wrapper imports each one
# (the scorm schemas' README). In 1.2, the xml namespace comes from the 2004 folder's xml.xsd, since
# libxml2 refuses 1.2's ims_xml.xsd.
WRAPPERS = {
    "scorm12": ("scorm12", [("http://www.w3.org/XML/1998/namespace", "xml.xsd"),
                            ("http://www.imsproject.org/xsd/imscp_rootv1p1p2", "imscp_rootv1p1p2.xsd"),
                            ("http://www.adlnet.org/xsd/adlcp_rootv1p2", "adlcp_rootv1p2.xsd")]),
    "scorm2004": ("scorm2004", [("http://www.imsglobal.org/xsd/imscp_v1p1", "imscp_v1p1.xsd"),
                                ("http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp_v1p3.xsd"),
                                ("http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"),
                                ("http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"),
                                ("http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd")]),
}


@cache
def scorm_schema(version: str) -> etree.XMLSchema:
    folder, imports = WRAPPERS[version]
    with tempfile.TemporaryDirectory() as temporary:
        here = Path(temporary)
        for path in (SCORM_SCHEMAS / folder).iterdir():
            shutil.copy(path, here / path.name)
        if version == "scorm12":
            shutil.copy(SCORM_SCHEMAS / "scorm2004" / "xml.xsd", here / "xml.xsd")
        lines = "".join(f'<xsd:import namespace="{ns}" schemaLocation="{file}"/>' for ns, file in imports)
        wrapper = here / "wrapper.xsd"
        wrapper.write_text(f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{lines}</xsd:schema>')
        return etree.XMLSchema(etree.parse(str(wrapper)))


@cache
def qti_schema() -> etree.XMLSchema:
    return etree.XMLSchema(file=str(QTI_XSD))


@cache
def qti_schematron() -> isoschematron.Schematron:
    # The rules use the pre-ISO `name` attribute on sch:pattern: lxml accepts them only unvalidated.
    return isoschematron.Schematron(etree.parse(str(QTI_XSD)), validate_schema=False)


@cache
def cmi5_schema() -> etree.XMLSchema:
    return etree.XMLSchema(file=str(FIXTURES / "cmi5" / "CourseStructure.xsd"))


def _errors(checker, xml: bytes) -> list[str]:
    return [] if checker.validate(etree.fromstring(xml)) else [str(e) for e in checker.error_log]


def qti_errors(xml: bytes) -> list[str]:
    """The XSD, then the Schematron rules the XSD carries (lxml's XMLSchema ignores them)."""
    return _errors(qti_schema(), xml) + _errors(qti_schematron(), xml)


def scorm_errors(xml: bytes, version: str) -> list[str]:
    return _errors(scorm_schema(version), xml)


def cmi5_errors(xml: bytes) -> list[str]:
    return _errors(cmi5_schema(), xml)


def package_problems(data: bytes, manifest_name: str = "imsmanifest.xml") -> list[str]:
    """What a schema cannot see: every item names a resource, every listed file is in the zip and back."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    manifest = etree.fromstring(archive.read(manifest_name))
    ns = {"cp": manifest.nsmap[None]}
    resources = {r.get("identifier"): r for r in manifest.iterfind(".//cp:resource", ns)}
    problems = [f"item {item.get('identifier')} names no resource"
                for item in manifest.iterfind(".//cp:item[@identifierref]", ns)
                if item.get("identifierref") not in resources]
    listed = {f.get("href") for f in manifest.iterfind(".//cp:file", ns)}
    problems += [f"listed but not in the zip: {href}" for href in sorted(listed - names)]
    launches = {r.get("href") for r in resources.values() if r.get("href")}
    problems += [f"launch file not in the zip: {href}" for href in sorted(launches - names)]
    return problems
