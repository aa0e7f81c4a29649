"""Shared fixtures: the site is built once per test session, in process, into a temporary folder."""

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.helpers import BuiltSite

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp("site")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    build(config)
    return BuiltSite(site_dir, config)


@pytest.fixture(scope="session")
def course():
    from macros.load import load_course

    return load_course(ROOT / "docs")
