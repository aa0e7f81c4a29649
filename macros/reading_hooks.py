"""MkDocs hooks: count each module page's reading and activity times from its rendered HTML.

The counting rules are in macros/render/reading.py. on_page_content counts a module page once its
macros and Markdown have run; on_env, when every page is rendered, writes the times into the slots the
macros left (the module's own overview and the home page's learning path). This file is listed before
macros/hooks.py in mkdocs.yml, so the embed views and the page metadata see the filled-in times.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.load import course_of_build  # noqa: E402
from macros.render import reading  # noqa: E402


def on_page_content(html, page, config, files):
    course = course_of_build(config)
    module = next((m for m in course.modules if m.page == page.file.src_uri), None)
    if module is not None:
        course.reading_minutes[module.id] = reading.page_times(html)
    return html


def on_env(env, config, files):
    times = course_of_build(config).reading_minutes
    for file in files.documentation_pages():
        if file.page is not None and file.page.content:
            file.page.content = reading.fill(file.page.content, times)
    return env
