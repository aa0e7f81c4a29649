"""What keeps pages fast on a slow phone (Lighthouse, make bench): no script file holds up the first paint."""

from tests.helpers import BuiltSite


def blocking_scripts(site: BuiltSite) -> list[str]:
    return [f"{page.url}: {attributes['src']}" for page in site.pages.values()
            for tag, attributes in page.parser.tags
            if tag == "script" and attributes.get("src")
            and "defer" not in attributes and "async" not in attributes and attributes.get("type") != "module"]


def test_every_script_file_is_deferred(site):
    assert any(tag == "script" and "defer" in attributes
               for page in site.pages.values() for tag, attributes in page.parser.tags)
    assert blocking_scripts(site) == []


def test_the_check_sees_a_blocking_script(tmp_path):
    (tmp_path / "index.html").write_text('<script src="a.js"></script><script defer src="b.js"></script>',
                                         encoding="utf-8")
    assert blocking_scripts(BuiltSite(tmp_path, None)) == ["index.html: a.js"]
