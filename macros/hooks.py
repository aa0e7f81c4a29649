"""MkDocs hooks: the build outputs that are not Markdown pages.

Embed views, data downloads, the Common Cartridge, page metadata and the offline copy. Each
function below does one job for one build event and hands the work to a pure builder in
macros/outputs/, which the unit tests check without a build.

Generated files are added to MkDocs' own file list (File.generated), so MkDocs writes them,
`mkdocs serve` serves them, and Markdown links to the downloads are checked like any other.
"""

import os
import sys
from pathlib import Path

from mkdocs.structure.files import File

# MkDocs loads this file by its path, not as part of the macros package: make the package importable.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.load import course_of_build  # noqa: E402
from macros import post_build  # noqa: E402
from macros.outputs import bank, cartridge, downloads, embeds, metadata, offline, qti  # noqa: E402
from macros.render.links import page_url  # noqa: E402

COMPARISON_YAML = "data/comparison.yml"
DOWNLOADS = {
    "downloads/comparison.json": downloads.comparison_json,
    "downloads/comparison.csv": downloads.comparison_csv,
    "downloads/comparison.yml": lambda text: text,
}
CARTRIDGES = {
    "downloads/leading-and-managing.imscc": cartridge.CC_1_1,
    "downloads/leading-and-managing-thin-cc13.imscc": cartridge.CC_1_3,
}
LINKS_PAGE = "downloads/links.html"
OFFLINE_ZIP = "downloads/leading-and-managing-offline.zip"
# `make build` sets this: the offline copy is a second full build, too slow for every test run.
OFFLINE_ZIP_ENV = "OFFLINE_ZIP"

_build: dict = {}  # what one build computes once: the course model, whether it is the offline copy, views


def on_config(config):
    _build.clear()
    _build["course"] = course_of_build(config)
    offline_plugin = config.plugins.get("material/offline")
    _build["offline"] = bool(offline_plugin and offline_plugin.config.enabled)
    _build["views"] = {}
    return config


def on_files(files, config):
    """Downloads, cartridges and the links page are listed now, so that pages may link to them.

    The cartridges and the links page need every page's sections: on_env fills them in.
    """
    yaml_text = (Path(config["docs_dir"]) / COMPARISON_YAML).read_text(encoding="utf-8")
    for name, builder in DOWNLOADS.items():
        files.append(File.generated(config, name, content=builder(yaml_text)))
    for name in (*CARTRIDGES, LINKS_PAGE):
        files.append(File.generated(config, name, content=b""))
    return files


def on_env(env, config, files):
    """Every page is rendered by now: cut the module pages into embed views, then build the cartridges."""
    course = _build["course"]
    for module in course.modules:
        page = files.get_file_from_path(module.page).page
        _build["views"][module.page] = embeds.split_views(page.content, module.id, page.title, page.url)
    if not _build["offline"]:
        _add_embed_views(env, config, files)
    _fill_cartridges(config, files)
    return env


def _add_embed_views(env, config, files):
    template = env.get_template("embed.html")
    for views in _build["views"].values():
        for view in views:
            html = embeds.render_view(template, view, config.site_url, config.site_name, config.theme["language"])
            files.append(File.generated(config, view.path + "index.html", content=html))


def _fill_cartridges(config, files):
    """One cartridge module per course module: a link to its page, then one to each of its sections.

    The same links, as a plain page, serve platforms that take links only.
    """
    modules = []
    for module in _build["course"].modules:
        address = config.site_url + page_url(module.page, directory_urls=True)
        views = _build["views"][module.page]
        links = [cartridge.Link(views[0].title, address)]
        links += [cartridge.Link(view.title, f"{address}#{view.anchor}") for view in views if view.kind == "section"]
        modules.append(cartridge.CartridgeModule(module.title, links))
    course = _build["course"]
    # The CC 1.1 cartridge also holds the quizzes (QTI) and the whole item bank; the 1.3 one stays thin.
    assessments = qti.cartridge_assessments(bank.quizzes(course), [module.id for module in course.modules])
    question_bank = qti.object_bank_xml("question-bank", course.quiz)
    for name, version in CARTRIDGES.items():
        with_quizzes = version is cartridge.CC_1_1
        files.get_file_from_path(name).content_bytes = cartridge.build_cartridge(
            config.site_name, config.site_description, f"{embeds.LICENCE_NAME}: {embeds.LICENCE_URL}",
            modules, version, assessments if with_quizzes else (), question_bank if with_quizzes else None)
    files.get_file_from_path(LINKS_PAGE).content_string = cartridge.links_page(
        config.site_name, modules, embeds.relative_url("downloads/", embeds.FAVICON))


def on_page_context(context, page, config, nav):
    """What overrides/main.html adds to a page: its schema.org metadata and, on module pages, its embed codes."""
    course = _build["course"]
    module = next((m for m in course.modules if m.page == page.file.src_uri), None)
    resource = metadata.learning_resource(
        page.title, config.site_url + page_url(page.file.src_uri, directory_urls=True), config.site_description,
        config.site_name, config.site_url, config.site_author, module,
        course.reading_minutes[module.id][0] if module else None)
    context["learning_resource"] = metadata.json_for_script(resource)
    views = _build["views"].get(page.file.src_uri)
    if views and not _build["offline"]:
        context["embed_targets"] = metadata.json_for_script({"targets": embeds.embed_targets(views, config.site_url)})
    return context


def on_post_build(config):
    """Each output made after the pages is one post_build step: skipped when the build failed, one line if it fails."""
    if os.environ.get(OFFLINE_ZIP_ENV) == "true" and not _build["offline"]:
        post_build.run_step(OFFLINE_ZIP, offline.build_offline_zip, Path(config.config_file_path),
                            Path(config.site_dir) / OFFLINE_ZIP)
