"""Pure render functions: part of the course model in, Markdown or HTML out.

No file access, no globals, no MkDocs objects: a unit test needs only a small model.
Every value from the data passes through `escape` on its way into HTML.
"""
