"""The document-control facts at the top of a council's Word policy: a table (or lines of
"Label: value") giving its version, who approved it and when, its owner, its review date and
what it replaces. Labels vary from council to council, so each fact is known by several.
A fact is taken only where its label is recognised and its value reads as one; anything else
is left for the owner, and the import report says which."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..domain.models import CONTACT_DETAILS
from ..domain.versions import VERSION

#: Each fact and the labels it goes by (compared in lower case, without punctuation).
LABELS: dict[str, tuple[str, ...]] = {
    "version": ("version", "version number", "version no", "document version", "issue"),
    "approved_by": ("approved by", "approving body", "approval body", "approved at",
                    "agreed by", "ratified by", "decision by", "approved"),
    "approved_on": ("date approved", "approval date", "approved on", "date of approval",
                    "date agreed", "agreed on", "date ratified"),
    "effective_from": ("effective date", "date effective", "effective from", "in force from",
                       "implementation date", "date of implementation", "start date"),
    "owner": ("owner", "policy owner", "document owner", "owned by", "owning role",
              "lead role"),
    "contact": ("contact", "enquiries", "contact for enquiries", "further information"),
    "last_reviewed": ("last reviewed", "date of last review", "last review", "reviewed on"),
    "next_review": ("review date", "next review", "next review date", "date of next review",
                    "due for review", "review due"),
    "replaces": ("replaces", "supersedes", "this policy replaces", "replaced policy"),
}
#: What each fact is called in the report.
NAMES = {"version": "version number", "approved_by": "who approved it",
         "approved_on": "the date it was approved", "effective_from": "the date it took effect",
         "owner": "its owner", "contact": "who staff should ask",
         "last_reviewed": "when it was last reviewed", "next_review": "its next review date",
         "replaces": "what it replaces"}
_LABEL_OF = {label: fact for fact, labels in LABELS.items() for label in labels}
_MONTHS = {name: index for index, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
     ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
     ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")], start=1) for name in names}
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_YEAR = re.compile(r"\b([A-Za-z]{3,9})\s+(\d{4})\b")
_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z /&'-]{1,40}?)\s*[:\u2013\u2014-]\s+(\S.*)$")


def label_fact(label: str) -> str | None:
    """The fact a document-control label names: 'Date approved:' -> approved_on."""
    key = re.sub(r"[^a-z ]+", " ", label.lower())
    key = re.sub(r"\s+", " ", key).strip()
    return _LABEL_OF.get(key)


@dataclass(frozen=True)
class FoundDate:
    date: dt.date
    day_given: bool  # "March 2024" gives no day: the 1st is taken, and the report says so


def read_date(text: str) -> FoundDate | None:
    """The first date written in `text`, in the ways UK documents write dates (day first)."""
    for pattern, order in ((_ISO, "ymd"), (_DAY_MONTH_YEAR, "dMy"), (_MONTH_DAY_YEAR, "Mdy"),
                           (_NUMERIC, "dmy")):
        for match in pattern.finditer(text):
            parts = dict(zip(order, match.groups()))
            month = parts.get("m") or _MONTHS.get((parts.get("M") or "").lower())
            try:
                return FoundDate(dt.date(int(parts["y"]), int(month), int(parts["d"])), True)
            except (TypeError, ValueError):
                continue
    for match in _MONTH_YEAR.finditer(text):
        month = _MONTHS.get(match.group(1).lower())
        if month:
            return FoundDate(dt.date(int(match.group(2)), month, 1), False)
    return None


@dataclass
class Facts:
    """The facts found, each with the Word paragraph (or table) it came from."""

    values: dict[str, str] = field(default_factory=dict)
    dates: dict[str, FoundDate] = field(default_factory=dict)
    where: dict[str, str] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (where, what)

    def add(self, label: str, value: str, where: str) -> bool:
        """Take `value` for the fact `label` names; False if the label names none."""
        fact = label_fact(label)
        value = " ".join(value.split())
        if fact is None:
            return False
        if not value or fact in self.values:
            return True
        if fact in ("approved_on", "effective_from", "last_reviewed", "next_review"):
            found = read_date(value)
            if found is None:
                self.problems.append((where, f"'{label.strip()}' says \"{value}\", which is not "
                                             "a date the import can read"))
                return True
            self.dates[fact] = found
        elif fact == "approved_by":
            found = read_date(value)  # "Personnel Committee, 23 November 2018"
            if found and "approved_on" not in self.dates:
                self.dates["approved_on"] = found
                self.where["approved_on"] = where
            value = _without_date(value) if found else value
            if not value:
                return True
        elif fact == "version":
            number = re.search(r"\d+(?:\.\d+)*", value)
            if not number or not VERSION.fullmatch(number.group()):
                self.problems.append((where, f"'{label.strip()}' says \"{value}\", which is not "
                                             "a version number such as 2.1"))
                return True
            value = number.group() if "." in number.group() else number.group() + ".0"
        elif fact in ("owner", "contact") and CONTACT_DETAILS.search(value):
            self.problems.append((where, f"'{label.strip()}' gives a person's email address or "
                                         "phone number; the guide names roles, so it was not "
                                         "taken"))
            return True
        self.values[fact] = value
        self.where[fact] = where
        return True

    def add_line(self, text: str, where: str) -> bool:
        """A 'Label: value' line; True if it gave (or was meant to give) a fact."""
        match = _LINE.match(text)
        return bool(match) and self.add(match.group(1), match.group(2), where)

    def missing(self) -> list[str]:
        return [fact for fact in NAMES if fact not in self.values and fact not in self.dates]


def _without_date(value: str) -> str:
    for pattern in (_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _NUMERIC, _MONTH_YEAR):
        value = pattern.sub("", value)
    return re.sub(r"\s*(,|\bon\b|\bin\b)\s*$", "", value.strip(" ,;-")).strip(" ,;-")
