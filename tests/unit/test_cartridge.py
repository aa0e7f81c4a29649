"""The Common Cartridge builder, checked against the IMS schemas and for what they miss."""

import io
import zipfile

import pytest
from lxml import etree

from macros.outputs import cartridge
from tests.cartridge_check import SHARED_1_3, cartridge_problems

MODULES = [
    cartridge.CartridgeModule("Management", [
        cartridge.Link("Management", "https://example.org/course/management/"),
        cartridge.Link("Plans & budgets", "https://example.org/course/management/#plans"),
    ]),
    cartridge.CartridgeModule("Leadership", [cartridge.Link("Leadership", "https://example.org/course/leadership/")]),
]


def build(version):
    return cartridge.build_cartridge("Leading & Managing", "An open course.", "CC BY 4.0", MODULES, version)


def test_cc_1_1_cartridge_is_valid_and_complete():
    assert cartridge_problems(build(cartridge.CC_1_1), "1.1") == []


@pytest.mark.skipif(not SHARED_1_3.is_dir(), reason="the CC 1.3 manifest schema is in ../shared only")
def test_cc_1_3_cartridge_is_valid_and_complete():
    assert cartridge_problems(build(cartridge.CC_1_3), "1.3") == []


def test_cc_1_3_web_links_are_valid_without_the_manifest_schema():
    assert cartridge_problems(build(cartridge.CC_1_3), "1.3", check_manifest_schema=False) == []


def test_one_organisation_item_per_module_holding_its_links_in_order():
    manifest = etree.fromstring(zipfile.ZipFile(io.BytesIO(build(cartridge.CC_1_1))).read("imsmanifest.xml"))
    ns = {"cp": cartridge.CC_1_1.manifest_ns}
    modules = manifest.findall("cp:organizations/cp:organization/cp:item/cp:item", ns)
    assert [m.findtext("cp:title", namespaces=ns) for m in modules] == ["Management", "Leadership"]
    assert [i.findtext("cp:title", namespaces=ns) for i in modules[0].findall("cp:item", ns)] == [
        "Management", "Plans & budgets"]


def test_the_checks_catch_a_broken_cartridge():
    """A dangling identifierref, a missing file and a schema error must each be reported."""
    source = zipfile.ZipFile(io.BytesIO(build(cartridge.CC_1_1)))
    manifest = source.read("imsmanifest.xml").replace(b'identifierref="link1-2"', b'identifierref="nowhere"')
    manifest = manifest.replace(b"<schemaversion>1.1.0</schemaversion>", b"<schemaversion>9</schemaversion>")
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as target:
        target.writestr("imsmanifest.xml", manifest)
        for name in source.namelist():
            if name not in ("imsmanifest.xml", "weblinks/link2-1.xml"):
                target.writestr(name, source.read(name))
    problems = "\n".join(cartridge_problems(broken.getvalue(), "1.1"))
    assert "points at no resource: nowhere" in problems
    assert "listed but not in the zip: weblinks/link2-1.xml" in problems
    assert "schemaversion" in problems


def test_same_input_same_bytes():
    assert build(cartridge.CC_1_1) == build(cartridge.CC_1_1)
