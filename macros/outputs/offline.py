"""The offline copy: the whole site built for the file system and packed in a zip.

Material's offline plugin turns off directory URLs for the whole build, so the copy is a
second build of its own (in a temporary folder), with the plugin switched on by OFFLINE=true.
"""

import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from ..post_build import StepFailed

OFFLINE_ENV = "OFFLINE"
TOP_FOLDER = "leading-and-managing"
# MkDocs' own log lines: "ERROR    -  docs/page.md:3: ..." and "WARNING  -  ...".
PROBLEM_LINE = re.compile(r"^(?:ERROR|WARNING)\s+-\s+(.*)$", re.MULTILINE)


def build_offline_site(config_file: Path, site_dir: Path) -> None:
    """A strict build with the offline plugin on: a subprocess, so the running build's config is untouched.

    Its output is kept, not printed: the main build has already said everything about the pages, so
    only a problem of the offline build's own is worth a line, and it comes back in StepFailed.
    """
    environment = {**os.environ, OFFLINE_ENV: "true"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file),
                             "--site-dir", str(site_dir)], env=environment, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        problems = PROBLEM_LINE.findall(result.stdout) or result.stdout.strip().splitlines()[-1:]
        raise StepFailed("the offline build failed: " + " | ".join(problems))


def zip_folder(folder: Path, zip_path: Path) -> None:
    """Every file under folder, in name order with a fixed date, inside one top folder.

    Source maps are left out: they serve developers' tools only, and are a third of the size.
    """
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".map"):
            name = f"{TOP_FOLDER}/{path.relative_to(folder).as_posix()}"
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), path.read_bytes(),
                             compress_type=zipfile.ZIP_DEFLATED)


def build_offline_zip(config_file: Path, zip_path: Path) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        build_offline_site(config_file, Path(temporary))
        zip_path.parent.mkdir(parents=True, exist_ok=True)
        zip_folder(Path(temporary), zip_path)
