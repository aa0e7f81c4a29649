#!/usr/bin/env bash
# `make build`: build the site into a fresh folder beside site/ and put it in place only when
# the strict build succeeded, so a broken edit never leaves site/ half-built or empty.
set -euo pipefail
cd "$(dirname "$0")/.."
MKDOCS="${MKDOCS:-.venv/bin/mkdocs}"

next="$(mktemp -d site.next.XXXXXX)"
trap 'rm -rf "$next" site.previous' EXIT
"$MKDOCS" build --strict --site-dir "$next"
chmod 755 "$next"  # mktemp makes the folder private; a web server needs to read it.

# Two renames: site/ is missing only for the instant between them, never half-written.
if [ -d site ]; then mv site site.previous; fi
mv "$next" site
echo "The site is in site/"
