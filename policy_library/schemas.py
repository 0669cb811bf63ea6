"""JSON Schema files for editors, made from the same models the build validates with.

An editor with a YAML language server (VS Code's YAML extension, for one) reads these to
complete field names and underline mistakes while a policy owner types. They are written to
policy_source/schemas/ by `make schemas`; a test fails if they no longer match the models.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from .models import (EiaMeta, FaqMeta, GlossaryEntry, HistoryEntry, LibrarySettings, PolicyFrontMatter,
                     RuleBook)

SCHEMA_FOLDER = "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: file name -> (what it describes, the type a file must have)
SCHEMAS: dict[str, tuple[str, Any]] = {
    "library.schema.json": ("policy_source/library.yml: settings for every policy",
                            LibrarySettings),
    "glossary.schema.json": ("policy_source/glossary.yml: the abbreviations the guide explains",
                             list[GlossaryEntry]),
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
