from macros.render.edit import data_edit_url, data_note


def test_edit_url_joins_repository_and_edit_uri_like_mkdocs():
    expected = "https://github.com/o/r/edit/main/docs/data/quiz.yml"
    assert data_edit_url("https://github.com/o/r", "edit/main/docs/", "quiz.yml") == expected
    assert data_edit_url("https://github.com/o/r/", "/edit/main/docs", "quiz.yml") == expected


def test_without_a_repository_the_note_names_the_file_without_a_link():
    assert data_edit_url(None, "edit/main/docs/", "quiz.yml") is None
    note = data_note("quiz.yml", None)
    assert "<a " not in note and "docs/data/quiz.yml" in note.replace("&#95;", "_")


def test_the_link_is_escaped():
    note = data_note("glossary.yml", 'https://example.org/"><script>')
    assert "<script>" not in note and "&quot;&gt;&lt;script&gt;" in note


def test_strip_data_notes_leaves_out_every_note_and_nothing_else():
    from macros.render.edit import strip_data_notes

    html = (f"<table><tr><td>Row</td></tr></table>{data_note('comparison.yml', 'https://e.org/edit/x')}"
            f"<p>Our text.</p>{data_note('quiz.yml', None)}")
    assert strip_data_notes(html) == "<table><tr><td>Row</td></tr></table><p>Our text.</p>"
