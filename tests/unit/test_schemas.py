"""The JSON Schema files editors use: made from the models, and true to the real sources."""

import json

import jsonschema
import pytest
import yaml

from conftest import ROOT
from policy_guide.domain.schemas import SCHEMA_FOLDER, SCHEMAS, schema_texts, stale

SOURCE = ROOT / "policy_source"
FOLDER = SOURCE / SCHEMA_FOLDER


class EditorLoader(yaml.SafeLoader):
    """Reads YAML as an editor's YAML 1.2 language server does: dates stay text."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def front_matter(text):
    return yaml.load(text.split("---\n")[1], Loader=EditorLoader)


def sources():
    """(schema file, a real source's data) for every source file the schemas describe."""
    pairs = [("library.schema.json", SOURCE / "library.yml"),
             ("glossary.schema.json", SOURCE / "glossary.yml"),
             ("staff-words.schema.json", SOURCE / "staff-words.yml")]
    for folder in sorted(path.parent for path in SOURCE.glob("*/policy.md")):
        pairs += [("rules.schema.json", folder / "rules.yml"),
                  ("history.schema.json", folder / "history.yml"),
                  ("policy.schema.json", folder / "policy.md"),
                  ("eia.schema.json", folder / "eia.md"),
                  ("faqs.schema.json", folder / "faqs.md")]
    return pairs


def load(path):
    text = path.read_text(encoding="utf-8")
    return front_matter(text) if path.suffix == ".md" else yaml.load(text, Loader=EditorLoader)


def validator(name):
    schema = json.loads((FOLDER / name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_the_schema_files_match_the_models():
    assert stale(FOLDER) == [], "run `make schemas` and commit the result"


def test_a_model_change_makes_the_schemas_stale(tmp_path):
    for name, text in schema_texts().items():
        (tmp_path / name).write_text(text.replace('"minLength": 1', '"minLength": 2'),
                                     encoding="utf-8")
    assert "rules.schema.json" in stale(tmp_path)


@pytest.mark.parametrize("name, path", sources(), ids=lambda value: str(value).split("/")[-1])
def test_every_real_source_passes_its_schema(name, path):
    errors = [error.message for error in validator(name).iter_errors(load(path))]
    assert errors == [], f"{path.relative_to(ROOT)}: {errors}"


@pytest.mark.parametrize("name, path, change, complaint", [
    ("rules.schema.json", "social-media/rules.yml", ("kind: do", "kind: maybe"), "maybe"),
    ("history.schema.json", "social-media/history.yml", ("date: 2018-11-23", "date: 23/11/2018"),
     "23/11/2018"),
    ("policy.schema.json", "social-media/policy.md", ("owner:", "owners:"), "owners"),
])
def test_the_schemas_catch_what_an_editor_should_underline(name, path, change, complaint):
    text = (SOURCE / path).read_text(encoding="utf-8").replace(*change, 1)
    data = front_matter(text) if path.endswith(".md") else yaml.load(text, EditorLoader)
    assert any(complaint in error.message for error in validator(name).iter_errors(data))


def test_the_editor_settings_point_each_yaml_source_at_its_schema():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = {pattern: schema for schema, pattern in settings["yaml.schemas"].items()}
    yaml_schemas = {name for name, path in sources() if path.suffix == ".yml"}
    assert set(mapped.values()) == {f"policy_source/schemas/{name}" for name in yaml_schemas}
    for name, path in sources():
        if path.suffix == ".yml":
            matching = [schema for pattern, schema in mapped.items()
                        if path.relative_to(ROOT).match(pattern)]
            assert matching == [f"policy_source/schemas/{name}"], path
    assert set(SCHEMAS) == {name for name, _ in sources()}
