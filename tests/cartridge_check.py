"""Checking a Common Cartridge: the IMS schemas (with lxml, no network) and what they cannot check.

QTI assessments and the question bank inside a cartridge are checked against the QTI profile too."""

import io
import os
import zipfile
from functools import cache
from pathlib import Path

from lxml import etree

from tests.lms_check import qti_errors

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "imscc"
# The CC 1.3 manifest schema cannot be vendored (tests/fixtures/imscc/README.md): use the team's copy.
SHARED_1_3 = Path(__file__).resolve().parent.parent.parent / "shared" / "vendor" / "imscc" / "1.3"


class LocalByBasename(etree.Resolver):
    """The 1.3 schema imports its parts by http:// address: read the file of the same name instead."""

    def __init__(self, folder: Path):
        super().__init__()
        self.folder = folder

    def resolve(self, url, pubid, context):
        path = self.folder / url.rsplit("/", 1)[-1]
        return self.resolve_filename(str(path), context) if path.is_file() else None


@cache
def schema(name: str) -> etree.XMLSchema:
    if name == "1.3/manifest":
        parser = etree.XMLParser(no_network=True)
        parser.resolvers.add(LocalByBasename(SHARED_1_3))
        return etree.XMLSchema(etree.parse(str(SHARED_1_3 / "ccv1p3_imscp_v1p2_v1p0.xsd"), parser))
    files = {"1.1/manifest": "1.1/ccv1p1_imscp_v1p2_v1p0.xsd", "1.1/weblink": "1.1/ccv1p1_imswl_v1p1.xsd",
             "1.3/weblink": "1.3/ccv1p3_imswl_v1p3.xsd"}
    return etree.XMLSchema(file=os.fspath(FIXTURES / files[name]))


def schema_errors(xml: bytes, name: str) -> list[str]:
    checker = schema(name)
    return [] if checker.validate(etree.fromstring(xml)) else [str(e) for e in checker.error_log]


def cartridge_problems(data: bytes, version: str, check_manifest_schema: bool = True) -> list[str]:
    """Everything wrong with a cartridge: schema errors, dangling references, missing or unlisted files."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    if "imsmanifest.xml" not in names:
        return ["no imsmanifest.xml at the root of the zip"]
    manifest_bytes = archive.read("imsmanifest.xml")
    problems = schema_errors(manifest_bytes, f"{version}/manifest") if check_manifest_schema else []
    manifest = etree.fromstring(manifest_bytes)
    ns = {"cp": manifest.nsmap[None]}
    resources = {r.get("identifier"): r for r in manifest.iterfind(".//cp:resource", ns)}
    for item in manifest.iterfind(".//cp:item[@identifierref]", ns):
        if item.get("identifierref") not in resources:
            problems.append(f"item {item.get('identifier')} points at no resource: {item.get('identifierref')}")
    listed = {f.get("href") for f in manifest.iterfind(".//cp:file", ns)}
    problems += [f"listed but not in the zip: {href}" for href in sorted(listed - names)]
    problems += [f"in the zip but not listed: {name}" for name in sorted(names - listed - {"imsmanifest.xml"})]
    types = {f.get("href"): f.getparent().get("type") for f in manifest.iterfind(".//cp:file", ns)}
    for href in sorted(listed & names):
        if types[href].startswith("imsqti_xmlv1p2/"):
            errors = qti_errors(archive.read(href))
        else:
            errors = schema_errors(archive.read(href), f"{version}/weblink")
        problems += [f"{href}: {error}" for error in errors]
    return problems


def weblinks(data: bytes) -> list[tuple[str, str]]:
    """(title, url) of every web link file in the cartridge, in file name order."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    links = []
    for name in sorted(n for n in archive.namelist() if n.startswith("weblinks/")):
        root = etree.fromstring(archive.read(name))
        ns = {"wl": root.nsmap[None]}
        links.append((root.findtext("wl:title", namespaces=ns), root.find("wl:url", ns).get("href")))
    return links
