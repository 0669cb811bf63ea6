"""JSON Schema files for editors, made from the same models the build validates with.

An editor with a YAML language server (VS Code's YAML extension, for one) reads these to
complete field names and underline mistakes while a policy owner types. They are written to
policy_source/schemas/ by `make schemas`; a test fails if they no longer match the models.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .models import (EiaMeta, FaqMeta, GlossaryEntry, HistoryEntry, LibrarySettings,
                     PolicyFrontMatter, RuleBook, StaffWordsEntry)

SCHEMA_FOLDER = "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: file name -> (what it describes, the type a file must have)
SCHEMAS: dict[str, tuple[str, Any]] = {
    "library.schema.json": ("policy_source/library.yml: settings for every policy",
                            LibrarySettings),
    "glossary.schema.json": ("policy_source/glossary.yml: the abbreviations the guide explains",
                             list[GlossaryEntry]),
    "staff-words.schema.json": ("policy_source/staff-words.yml: the words staff search with, "
                                "and the policies' words for them", list[StaffWordsEntry]),
    "rules.schema.json": ("rules.yml: a policy's do and don't rules", RuleBook),
    "history.schema.json": ("history.yml: a policy's versions, oldest first",
                            list[HistoryEntry]),
    "policy.schema.json": ("policy.md: the front matter between the --- lines at the top",
                           PolicyFrontMatter),
    "eia.schema.json": ("eia.md: the front matter of the Equality Impact Assessment summary",
                        EiaMeta),
    "faqs.schema.json": ("faqs.md: the front matter of the questions and answers", FaqMeta),
}


def schema_for(title: str, shape: Any) -> dict[str, Any]:
    schema = TypeAdapter(shape).json_schema(by_alias=True, mode="validation")
    return {"$schema": DIALECT, "title": title, **schema}


def schema_texts() -> dict[str, str]:
    """Each schema file's exact text, as `make schemas` writes it."""
    return {name: json.dumps(schema_for(title, shape), indent=2, ensure_ascii=False) + "\n"
            for name, (title, shape) in SCHEMAS.items()}


def stale(folder: Path) -> list[str]:
    """Names of the schema files in `folder` (policy_source/schemas/) that are missing or
    differ from the models."""
    return [name for name, text in schema_texts().items()
            if not (folder / name).is_file()
            or (folder / name).read_text(encoding="utf-8") != text]


def write_schemas(folder: Path) -> list[str]:
    """Write every schema into `folder`, removing any the models no longer have; their
    names."""
    folder.mkdir(exist_ok=True)
    texts = schema_texts()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    for extra in folder.glob("*.schema.json"):
        if extra.name not in texts:
            extra.unlink()
    return sorted(texts)
