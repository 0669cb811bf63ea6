"""Validate parsed YAML against a schema model and explain the first problem in plain words."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import SourceError, quoted_list, shortened, suggestion
from .sourcetext import INVISIBLE_CHARACTERS, character_name
from .sourcefiles import line_for

ModelT = TypeVar("ModelT", bound=BaseModel)
_QUOTED = re.compile(r"'([^']*)'|\"([^\"]*)\"")


def _field_name(loc: tuple) -> str:
    names = [step for step in loc if isinstance(step, str)]
    return names[-1] if names else "this entry"


def _item_label(data: Any, loc: tuple) -> str:
    """' in 'CA-03'' or ' in entry 2' for a problem inside a list item."""
    node, label = data, ""
    for step in loc:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(step, int) and isinstance(node, dict):
            name = node.get("id") or node.get("version") or node.get("characteristic")
            if name is None:
                label = f" in entry {step + 1}"
            elif name != node.get(loc[-1]):  # not when the name is the wrong value itself
                label = f" in '{shortened(name, 40)}'"
    return label


def _nested_models(info: Any) -> list[type[BaseModel]]:
    """The models inside a field's type: Rule in list[Rule], Clause in Clause | None."""
    args = getattr(info.annotation, "__args__", ()) or (info.annotation,)
    return [arg for arg in args if isinstance(arg, type) and issubclass(arg, BaseModel)]


def _description(model: type[BaseModel], loc: tuple) -> str:
    """The schema description of the field at `loc`, searched through nested models."""
    name = _field_name(loc)
    pending = [model]
    while pending:
        current = pending.pop()
        for field_name, info in current.model_fields.items():
            if name in (field_name, info.alias) and info.description:
                return info.description
            pending.extend(_nested_models(info))
    return ""


def _allowed_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names allowed beside the unknown one at `loc`."""
    current: type[BaseModel] = model
    for step in loc[:-1]:
        if not isinstance(step, str):
            continue
        info = next(
            (f for n, f in current.model_fields.items() if step in (n, f.alias)), None
        )
        if info is None:
            break
        nested = _nested_models(info)
        if nested:
            current = nested[0]
    return [info.alias or name for name, info in current.model_fields.items()]


def _missing(err: dict, field: str, where: str, help_text: str, **_: Any) -> tuple[str, str]:
    return (f"'{field}' is missing{where}.",
            f"Add a line '{field}: ...' with {help_text or 'a value'}.")


def _unknown(err: dict, field: str, where: str, allowed: list[str], **_: Any) -> tuple[str, str]:
    return (f"'{field}' is not a detail this file knows about{where}.{suggestion(field, allowed)}",
            f"Check the spelling, or remove the line. Known details here: {quoted_list(allowed)}.")


def _not_allowed(err: dict, field: str, where: str, **_: Any) -> tuple[str, str]:
    expected = err.get("ctx", {}).get("expected", "")
    choices = [single or double for single, double in _QUOTED.findall(expected)]
    return (f"'{field}' is '{shortened(err['input'])}'{where}, which is not one of the allowed "
            f"values.{suggestion(str(err['input']), choices)}",
            f"Use one of: {quoted_list(choices)}.")


def _bad_date(err: dict, field: str, where: str, **_: Any) -> tuple[str, str]:
    return (f"'{field}' is '{shortened(err['input'])}'{where}, which is not a real date written "
            "YYYY-MM-DD.",
            "Write the date as year-month-day with hyphens, for example 2018-11-23.")


def _bad_pattern(err: dict, field: str, where: str, help_text: str, **_: Any) -> tuple[str, str]:
    hidden = next((c for c in str(err["input"]) if c in INVISIBLE_CHARACTERS), None)
    if hidden:
        return (f"'{field}'{where} holds a character nobody can see ({character_name(hidden)}),"
                " so it only looks like the value it should be.",
                f"Delete the value and type it again: {help_text}.")
    return (f"'{field}' is '{shortened(err['input'])}'{where}, which is not in the right form.",
            f"Write {help_text}.")


def _empty(err: dict, field: str, where: str, help_text: str, **_: Any) -> tuple[str, str]:
    return (f"'{field}' is empty{where}.",
            f"Fill it in with {help_text or 'a value'}.")


def _wrong_shape(err: dict, field: str, where: str, **_: Any) -> tuple[str, str]:
    return (f"'{field}'{where} has the wrong form: {err['msg'].lower()}.",
            "Compare the indentation and layout with the same file in another policy folder.")


def _custom(err: dict, field: str, where: str, **_: Any) -> tuple[str, str]:
    message = err["msg"].removeprefix("Value error, ")
    if isinstance(err["input"], (dict, list)):  # a rule about several details together
        return (f"The details under '{field}'{where} do not fit together.",
                message[0].upper() + message[1:] + ".")
    return (f"'{field}'{where} is '{shortened(err['input'])}'.",
            message[0].upper() + message[1:] + ".")


_EXPLAIN: dict[str, Callable[..., tuple[str, str]]] = {
    "missing": _missing,
    "extra_forbidden": _unknown,
    "literal_error": _not_allowed,
    "date_parsing": _bad_date,
    "date_from_datetime_parsing": _bad_date,
    "date_from_datetime_inexact": _bad_date,
    "date_type": _bad_date,
    "string_pattern_mismatch": _bad_pattern,
    "string_too_short": _empty,
    "too_short": _empty,
    "value_error": _custom,
}


def validate(model: type[ModelT], data: Any, path: Path) -> ModelT:
    """`model` built from `data`, or a SourceError explaining the first problem at its line."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        # A misspelt name shows up as both unknown and missing: explain the misspelling.
        err = min(error.errors(), key=lambda e: e["type"] != "extra_forbidden")
        loc = tuple(err["loc"])
        field = shortened(_field_name(loc), 40)
        explain = _EXPLAIN.get(err["type"], _wrong_shape)
        problem, fix = explain(
            err,
            field=field,
            where=_item_label(data, loc),
            help_text=_description(model, loc),
            allowed=_allowed_fields(model, loc),
        )
        raise SourceError(path, problem, fix, line_for(data, loc)) from None
