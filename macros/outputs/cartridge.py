"""A thin IMS Common Cartridge: the course as modules of web links to the published site.

Learning platforms (Canvas, Moodle, Blackboard, Brightspace, Sakai) import it as a list of
modules an instructor can reorder, hide and date, while the content stays live on our site.
CC 1.1 is the version most platforms import; 1.3 is offered as a "Thin" cartridge too.

Layout of the zip: imsmanifest.xml at the root and one web link file per link in weblinks/.
The CC 1.1 cartridge also carries the quizzes as QTI assessments (macros/outputs/qti.py): each
module's self-check inside its module, the final after the modules, and an object bank (a
question bank, outside the organisation) holding the whole item bank. The 1.3 one stays thin.
"""

import html
import io
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

XSI = "http://www.w3.org/2001/XMLSchema-instance"


@dataclass(frozen=True)
class Version:
    name: str  # "1.1" or "1.3"
    schema: str
    schema_version: str
    manifest_ns: str
    lom_ns: str
    weblink_ns: str
    weblink_type: str
    manifest_xsd: str
    lom_xsd: str
    weblink_xsd: str


CC_1_1 = Version(
    "1.1", "IMS Common Cartridge", "1.1.0",
    "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1", "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest",
    "http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1", "imswl_xmlv1p1",
    "http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd",
    "http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd",
    "http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imswl_v1p1.xsd",
)
CC_1_3 = Version(
    "1.3", "IMS Thin Common Cartridge", "1.3.0",
    "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1", "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest",
    "http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3", "imswl_xmlv1p3",
    "http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd",
    "http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lommanifest_v1p0.xsd",
    "http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imswl_v1p3.xsd",
)


@dataclass(frozen=True)
class Link:
    title: str
    url: str  # absolute


@dataclass(frozen=True)
class CartridgeModule:
    title: str
    links: list[Link]


@dataclass(frozen=True)
class Assessment:
    """A QTI assessment to file in the cartridge: in a module (by its index), or after the modules."""

    identifier: str
    title: str
    xml: bytes
    module_index: int | None = None


QTI_ASSESSMENT_TYPE = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"
QTI_QUESTION_BANK_TYPE = "imsqti_xmlv1p2/imscc_xmlv1p1/question-bank"
QUESTION_BANK_PATH = "question-bank/question-bank.xml"


def assessment_path(assessment_id: str) -> str:
    return f"{assessment_id}/assessment_qti.xml"


def identifier(*parts: str) -> str:
    """An XML ID (letters, digits, '-', '_', '.', starting with a letter) from readable parts."""
    return "-".join(re.sub(r"[^A-Za-z0-9_.-]+", "-", part).strip("-") for part in parts)


def weblink_xml(link: Link, version: Version) -> bytes:
    root = etree.Element(f"{{{version.weblink_ns}}}webLink", nsmap={None: version.weblink_ns, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{version.weblink_ns} {version.weblink_xsd}")
    etree.SubElement(root, f"{{{version.weblink_ns}}}title").text = link.title
    # Pages open in a new window: a learner reading in the platform keeps their place there.
    etree.SubElement(root, f"{{{version.weblink_ns}}}url", href=link.url, target="_blank")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def manifest_xml(title: str, description: str, licence: str, modules: list[CartridgeModule],
                 version: Version, assessments: tuple[Assessment, ...] = (), question_bank: bool = False) -> bytes:
    """imsmanifest.xml: metadata, one rooted organisation of modules, one resource per link."""
    ns, lom = version.manifest_ns, version.lom_ns

    def el(parent, tag, text=None, namespace=ns, **attributes):
        element = etree.SubElement(parent, f"{{{namespace}}}{tag}", **attributes)
        element.text = text
        return element

    def lom_string(parent, tag, text):
        el(el(parent, tag, namespace=lom), "string", text, namespace=lom, language="en")

    manifest = etree.Element(f"{{{ns}}}manifest", identifier="leading-and-managing",
                             nsmap={None: ns, "lomimscc": lom, "xsi": XSI})
    manifest.set(f"{{{XSI}}}schemaLocation", f"{ns} {version.manifest_xsd} {lom} {version.lom_xsd}")
    metadata = el(manifest, "metadata")
    el(metadata, "schema", version.schema)
    el(metadata, "schemaversion", version.schema_version)
    record = el(metadata, "lom", namespace=lom)
    general = el(record, "general", namespace=lom)
    lom_string(general, "title", title)
    lom_string(general, "description", description)
    rights = el(record, "rights", namespace=lom)
    el(el(rights, "copyrightAndOtherRestrictions", namespace=lom), "value", "yes", namespace=lom)
    lom_string(rights, "description", licence)

    organization = el(el(manifest, "organizations"), "organization", identifier="organisation",
                      structure="rooted-hierarchy")
    root_item = el(organization, "item", identifier="root")
    resources = el(manifest, "resources")
    for module_number, module in enumerate(modules, start=1):
        module_item = el(root_item, "item", identifier=identifier(f"module{module_number}"))
        el(module_item, "title", module.title)
        for link_number, link in enumerate(module.links, start=1):
            resource_id = identifier(f"link{module_number}", str(link_number))
            link_item = el(module_item, "item", identifier=f"item-{resource_id}", identifierref=resource_id)
            el(link_item, "title", link.title)
            resource = el(resources, "resource", identifier=resource_id, type=version.weblink_type)
            el(resource, "file", href=weblink_path(resource_id))
        for assessment in assessments:
            if assessment.module_index == module_number - 1:
                _add_assessment(el, module_item, resources, assessment)
    for assessment in assessments:
        if assessment.module_index is None:
            _add_assessment(el, root_item, resources, assessment)
    if question_bank:
        bank = el(resources, "resource", identifier="question-bank", type=QTI_QUESTION_BANK_TYPE)
        el(bank, "file", href=QUESTION_BANK_PATH)
    return etree.tostring(manifest, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _add_assessment(el, parent_item, resources, assessment: Assessment) -> None:
    resource_id = identifier("assessment", assessment.identifier)
    item = el(parent_item, "item", identifier=f"item-{resource_id}", identifierref=resource_id)
    el(item, "title", assessment.title)
    resource = el(resources, "resource", identifier=resource_id, type=QTI_ASSESSMENT_TYPE)
    el(resource, "file", href=assessment_path(assessment.identifier))


def weblink_path(resource_id: str) -> str:
    return f"weblinks/{resource_id}.xml"


def build_cartridge(title: str, description: str, licence: str, modules: list[CartridgeModule],
                    version: Version = CC_1_1, assessments: tuple[Assessment, ...] = (),
                    question_bank: bytes | None = None) -> bytes:
    """The .imscc file (a zip) as bytes; the same input always gives the same bytes.

    assessments and question_bank (QTI XML from macros/outputs/qti.py) go into CC 1.1 cartridges only.
    """
    files = {"imsmanifest.xml": manifest_xml(title, description, licence, modules, version, assessments,
                                             question_bank is not None)}
    for assessment in assessments:
        files[assessment_path(assessment.identifier)] = assessment.xml
    if question_bank is not None:
        files[QUESTION_BANK_PATH] = question_bank
    for module_number, module in enumerate(modules, start=1):
        for link_number, link in enumerate(module.links, start=1):
            files[weblink_path(identifier(f"link{module_number}", str(link_number)))] = weblink_xml(link, version)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            # A fixed date keeps the file identical from one build to the next.
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), content,
                             compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def links_page(title: str, modules: list[CartridgeModule], favicon: str) -> str:
    """The cartridge's links as a plain web page, for platforms that take links only (Google Classroom)."""
    sections = "".join(
        f"<h2>{html.escape(module.title)}</h2><ul>"
        + "".join(f'<li>{html.escape(link.title)}: <a href="{html.escape(link.url)}">{html.escape(link.url)}</a></li>'
                  for link in module.links)
        + "</ul>"
        for module in modules)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>Links: {html.escape(title)}</title><link rel="icon" href="{html.escape(favicon)}">'
        f'<style>body{{font-family:system-ui,sans-serif;line-height:1.5;max-width:48rem;margin:1rem auto;padding:0 1rem}}'
        f"a{{overflow-wrap:anywhere}}</style></head><body><main><h1>Links to every page and section of {html.escape(title)}</h1>"
        f"<p>Copy an address into your platform, for example as a Google Classroom link.</p>{sections}</main></body></html>\n"
    )
