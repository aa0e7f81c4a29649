"""Pure builders for the build outputs that are not Markdown pages.

Each module turns data (the course model, rendered page HTML, the site address) into the
bytes or text of one kind of output. macros/hooks.py calls them during the MkDocs build;
the unit tests call them directly, without a build.
"""
