"""The one way a data value enters HTML."""

# Characters that HTML, Markdown, pymdown-extensions or Jinja would read as markup.
# Writing them as numeric entities makes the browser show them as typed, and leaves
# nothing for a Markdown or template pass to interpret.
_ENTITIES = {char: f"&#{ord(char)};" for char in "&<>\"'|*_`[]{}#\\~^=+:!"}


def escape(value: object) -> str:
    """Text from the data, safe to place in HTML content, an attribute or a Markdown line."""
    return "".join(_ENTITIES.get(char, char) for char in str(value)).replace("\n", " ")


def attribute(value: object) -> str:
    """A URL or id for an attribute: quotes and angle brackets escaped, the rest kept readable."""
    return str(value).replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
