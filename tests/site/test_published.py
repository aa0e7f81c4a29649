"""What the site publishes: pages, assets and the intended downloads, every word of it in our own words.

The check reads every published file, not only the HTML pages: text files (HTML, JS, CSS, JSON,
CSV, YAML, XML, SVG, txt...), gzip files, and the members of every zip archive (the cartridges,
the offline copy, and any package or EPUB added later). A file of a kind it cannot read fails the
test, so a new download (a PDF, say) is either taught to `published_texts` or not published.
"""

import gzip
import html
import io
import json
import re
import shutil
import zipfile
from pathlib import Path, PurePosixPath

import pypdfium2
import pytest

from tests.conftest import ROOT

SHINGLE = 8
# Files that hold no words: images and fonts.
NO_TEXT = {".png", ".jpg", ".jpeg", ".gif", ".ico", ".webp", ".avif", ".woff", ".woff2", ".ttf", ".otf", ".eot"}
# What may be published: pages (and embed views, redirects), the theme's and our assets, the search
# index, the sitemap, and the downloads. Nothing else, and never the data files themselves.
PUBLISHED = re.compile(r"^(?:.*\.html|assets/.+|search/search_index\.json|sitemap\.xml(?:\.gz)?|downloads/.+)$")
MARKUP = {".html", ".htm", ".xml", ".xhtml", ".svg", ".imsmanifest", ".opf", ".ncx", ".qti"}
ATTRIBUTE_VALUE = re.compile(r"""=\s*(?:"([^"]*)"|'([^']*)')""")


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


def shingles(text: str) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


def essay_runs() -> set[tuple[str, ...]]:
    return shingles((ROOT / "tests/fixtures/essay.md").read_text(encoding="utf-8"))


def _json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _json_strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _json_strings(item)]
    return []


def pdf_page_texts(data: bytes) -> list[str]:
    """The text of each page of a PDF, lines ending in "\n". PDFium (pypdfium2) reads our book in a quarter of a
    second; pypdf took four."""
    document = pypdfium2.PdfDocument(data)
    try:
        return [page.get_textpage().get_text_bounded().replace("\r\n", "\n") for page in document]
    finally:
        document.close()


def texts_of(name: str, data: bytes) -> list[tuple[str, str]]:
    """(where, text) for each run of words a reader could meet in one file, archive members by
    'archive!member': separate pieces, so that no run spans two of them.

    Raises ValueError for a file of a kind this cannot read.
    """
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in NO_TEXT:
        return []
    if suffix == ".gz":
        return texts_of(name.removesuffix(".gz"), gzip.decompress(data))
    if zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [piece for member in archive.namelist() if not member.endswith("/")
                    for piece in texts_of(f"{name}!{member}", archive.read(member))]
    if suffix == ".pdf":
        return [(name, "\n".join(pdf_page_texts(data)))]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{name}: cannot read the words of this kind of file; teach texts_of() to") from None
    if suffix in (".json", ".map"):
        try:
            return [(name, piece) for piece in _json_strings(json.loads(text))]
        except ValueError:
            return [(name, text)]
    if suffix in MARKUP or text.lstrip().startswith("<"):
        values = [html.unescape(next(v for v in match.groups() if v is not None))
                  for match in ATTRIBUTE_VALUE.finditer(text)]
        return [(name, html.unescape(piece)) for piece in re.split(r"<[^>]*>", text) + values]
    return [(name, text)]


def published_files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def copied_runs(root: Path, runs: set[tuple[str, ...]]) -> dict[str, list[str]]:
    """file (or archive!member) -> the essay's runs of eight words found in it"""
    found: dict[str, set[str]] = {}
    for name, data in published_files(root).items():
        for where, piece in texts_of(name, data):
            for run in shingles(piece) & runs:
                found.setdefault(where, set()).add(" ".join(run))
    return {name: sorted(runs) for name, runs in found.items()}


def unintended_files(root: Path) -> list[str]:
    return [name for name in published_files(root) if not PUBLISHED.match(name)]


def test_no_published_file_copies_the_essay(site):
    assert copied_runs(site.root, essay_runs()) == {}


def test_the_site_publishes_only_pages_assets_and_downloads(site):
    assert unintended_files(site.root) == []
    assert not (site.root / "data").exists(), "docs/data/ is published"


def test_the_checks_read_data_files_archives_and_every_text_kind(site, tmp_path):
    """The faults they exist for: the raw data published, and a copied sentence in a non-HTML file."""
    copy = tmp_path / "site"
    shutil.copytree(site.root, copy)
    (copy / "data").mkdir()
    shutil.copy(ROOT / "docs/data/claims.yml", copy / "data/claims.yml")
    essay = (ROOT / "tests/fixtures/essay.md").read_text(encoding="utf-8")
    sentence = " ".join(essay.split()[40:60])
    (copy / "downloads/notes.txt").write_text(sentence, encoding="utf-8")
    with zipfile.ZipFile(copy / "downloads/package.zip", "w") as archive:
        archive.writestr("lesson/page.html", f"<p title='{sentence}'>Our own words.</p>")
    (copy / "assets/javascripts/quiz.js").write_text(json.dumps({"prompt": sentence}), encoding="utf-8")

    assert unintended_files(copy) == ["data/claims.yml"]
    found = copied_runs(copy, essay_runs())
    assert {"data/claims.yml", "downloads/notes.txt", "downloads/package.zip!lesson/page.html",
            "assets/javascripts/quiz.js"} <= found.keys()

    (copy / "downloads/course.mobi").write_bytes(b"BOOKMOBI\xff\xfe\x00 binary")
    with pytest.raises(ValueError, match="downloads/course.mobi: cannot read"):
        copied_runs(copy, essay_runs())
