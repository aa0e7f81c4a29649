"""schema.org metadata for every page: a LearningResource that is part of the course.

Search engines and learning-object repositories (OER Commons, for one) read it to list the
course with its licence, language and, for a module, what it teaches and how long it takes.
"""

import json

from ..model import Module
from .embeds import LICENCE_URL


def learning_resource(title: str, url: str, description: str, site_name: str, site_url: str,
                      author: str, module: Module | None = None, minutes: int | None = None) -> dict:
    resource = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "name": title,
        "url": url,
        "description": description,
        "inLanguage": "en-GB",
        "license": LICENCE_URL,
        "isAccessibleForFree": True,
        "author": {"@type": "Organization", "name": author},
        "isPartOf": {"@type": "Course", "name": site_name, "url": site_url},
    }
    if module is not None:
        resource["learningResourceType"] = "module"
        resource["teaches"] = [objective.text for objective in module.objectives]
        resource["description"] = module.summary
    if minutes:
        resource["timeRequired"] = f"PT{minutes}M"
    return resource


def json_for_script(data: dict) -> str:
    """JSON that is safe inside <script>: no '</' can close the element early."""
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
