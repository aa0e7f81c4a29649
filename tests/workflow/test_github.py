"""The files in .github/ are ones GitHub would accept, checked offline against SchemaStore's schemas."""

import json
import re

import jsonschema
import pytest
import yaml

from tests.project import ROOT, npm_projects

GITHUB = ROOT / ".github"
SCHEMAS = ROOT / "tests" / "fixtures" / "schemas"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ISSUE_FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")


class GitHubLoader(yaml.SafeLoader):
    """YAML as GitHub reads it (1.2): `on:` is a key named "on", not the boolean true."""


GitHubLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
GitHubLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def load(path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=GitHubLoader)


def schema_errors(document, schema_name: str) -> list[str]:
    schema = json.loads((SCHEMAS / schema_name).read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(document)]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_valid(path):
    assert schema_errors(load(path), "github-workflow.json") == []


@pytest.mark.parametrize("path", ISSUE_FORMS, ids=lambda p: p.name)
def test_issue_form_is_valid(path):
    assert schema_errors(load(path), "github-issue-forms.json") == []


def test_dependabot_is_valid_and_watches_pip_npm_and_actions():
    config = load(GITHUB / "dependabot.yml")
    assert schema_errors(config, "dependabot-2.0.json") == []
    assert {update["package-ecosystem"] for update in config["updates"]} == {"pip", "npm", "github-actions"}
    npm = next(update for update in config["updates"] if update["package-ecosystem"] == "npm")
    assert {ROOT / folder.strip("/") for folder in npm["directories"]} == npm_projects()


def test_the_schemas_catch_a_broken_workflow():
    """The check has teeth: a misspelt key, an unknown event and a step that both runs and uses are refused."""
    workflow = load(GITHUB / "workflows" / "ci.yml")
    workflow["jobs"]["test"]["runs_on"] = workflow["jobs"]["test"].pop("runs-on")
    assert schema_errors(workflow, "github-workflow.json")
    job = {"runs-on": "ubuntu-latest", "steps": [{"run": "make test"}]}
    assert schema_errors({"on": "pushed", "jobs": {"test": job}}, "github-workflow.json")
    job["steps"][0]["uses"] = "actions/checkout@v4"
    assert schema_errors({"on": "push", "jobs": {"test": job}}, "github-workflow.json")


def uses(workflow) -> list[str]:
    return [step["uses"] for job in workflow["jobs"].values() for step in job.get("steps", []) if "uses" in step]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_a_major_version(path):
    assert [action for action in uses(load(path)) if not re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", action)] == []


def test_ci_runs_make_test_on_every_push_and_pull_request():
    ci = load(GITHUB / "workflows" / "ci.yml")
    assert {"push", "pull_request"} <= set(ci["on"])
    runs = [step.get("run", "") for job in ci["jobs"].values() for step in job["steps"]]
    assert any("make test" in run for run in runs)
    assert any("apt-get install" in run and "chromium" in run for run in runs)


def test_pages_builds_main_and_deploys_the_site_folder():
    pages = load(GITHUB / "workflows" / "pages.yml")
    assert pages["on"]["push"]["branches"] == ["main"]
    actions = [action.split("@")[0] for action in uses(pages)]
    assert "actions/upload-pages-artifact" in actions and "actions/deploy-pages" in actions
    upload = next(step for step in pages["jobs"]["build"]["steps"]
                  if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    assert any("make build" in step.get("run", "") for step in pages["jobs"]["build"]["steps"])


def test_pull_request_template_has_a_checklist():
    template = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    assert template.count("- [ ] ") >= 4
    assert "make test" in template
