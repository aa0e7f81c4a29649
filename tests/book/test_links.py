"""After `make build`, the home and instructors' pages link the PDFs and the EPUB with their real sizes."""

import re

from macros.outputs import book
from macros.outputs.book import human_size


def test_home_and_instructors_link_each_file_with_its_size(made_site):
    for page, prefix in (("index.html", ""), ("instructors/index.html", "../")):
        html = (made_site / page).read_text(encoding="utf-8")
        for path in book.DOWNLOAD_LABELS:
            size = human_size((made_site / path).stat().st_size)
            assert f'href="{prefix}{path}"' in html, (page, path)
            assert re.search(rf'data-book-file="{re.escape(path)}">{re.escape(size)}</span>', html), (page, path, size)


def test_sizes_read_as_people_say_them():
    assert human_size(65_400) == "65 KB"
    assert human_size(1_409_512) == "1.4 MB"
    assert human_size(200) == "1 KB"
