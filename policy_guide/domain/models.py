"""The shapes of the policy sources, as schema models.

Pydantic models validate what people write in YAML (rules, history, front matter); plain
dataclasses hold what the Markdown parser finds (sections, clauses, FAQs). Each field's
description is what an error message or an editor tooltip tells a policy owner.
Rules that span several fields or files live in `checks.py`, where line numbers are known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
import datetime as dt
from typing import Annotated, Literal

from pydantic import (AfterValidator, BaseModel, ConfigDict, Field, StringConstraints,
                      model_validator)

from .references import Reference
from .unfinished import Unfinished
from .versions import VERSION_PATTERN

# ---------------------------------------------------------------------------------------------
# Field types
# ---------------------------------------------------------------------------------------------

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Version = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=rf"^{VERSION_PATTERN}$"),
    Field(description='a version number in quotes, such as "1.0" or "2.3"'),
]
Anchor = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$"),
    Field(description="an anchor: lower-case letters, numbers and hyphens, such as 'personal-use'"),
]
RuleId = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[A-Z]{2,4}-\d{2,3}$"),
    Field(description="a rule code: 2 to 4 capital letters, a hyphen and a number, such as CA-01"),
]

#: What a policy's folder name may be: its address in the library, and part of every one of
#: its pages (attributes, feeds, links), so plain lower-case words joined by hyphens.
POLICY_NAME = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")

#: Names at the top of the published library that a policy's folder name cannot take: the
#: library's own pages and files.
RESERVED_NAMES = frozenset({
    "assets", "search", "glossary", "owners", "on-a-date", "includes", "overrides", "schemas",
    "current", "all", "home", "library", "404", "sitemap", "pagefind", "accessibility",
})


def name_for(text: str) -> str:
    """A folder name made from any text: 'Flexible Working' -> 'flexible-working'."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    name = "-".join(words).lstrip("0123456789-")
    return name or "new-policy"


#: An email address or a phone number: a person, where the guide names roles.
CONTACT_DETAILS = re.compile(r"@|\b\d[\d ]{7,}\d\b")


def _no_contact_details(value: str) -> str:
    if CONTACT_DETAILS.search(value):
        raise ValueError(
            "name a role or team here, not a person: no email addresses or phone numbers"
        )
    return value


Role = Annotated[Text, AfterValidator(_no_contact_details)]

Status = Literal["draft", "consultation", "approved", "in force", "superseded", "withdrawn"]
#: Statuses of a version nobody has approved yet: approval and in-force dates are left out.
UNAPPROVED: tuple[str, ...] = ("draft", "consultation")
#: "not assessed" is for a new policy's draft assessment; an approved policy needs findings.
Impact = Literal["positive", "neutral", "negative", "not assessed"]

#: The nine protected characteristics of the Equality Act 2010, in the Act's order.
PROTECTED_CHARACTERISTICS: tuple[str, ...] = (
    "Age",
    "Disability",
    "Gender reassignment",
    "Marriage and civil partnership",
    "Pregnancy and maternity",
    "Race",
    "Religion or belief",
    "Sex",
    "Sexual orientation",
)
Characteristic = Literal[PROTECTED_CHARACTERISTICS]  # type: ignore[valid-type]


class _Source(BaseModel):
    """Base for everything read from YAML: unknown fields are mistakes, not extras."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


# ---------------------------------------------------------------------------------------------
# Library settings (policy_source/library.yml)
# ---------------------------------------------------------------------------------------------


GitHubTeam = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^@[A-Za-z0-9-]+/[A-Za-z0-9._-]+$"),
    Field(description="a GitHub team, written @organisation/team-name, such as "
          "@derby-city-council/hr-policy"),
]


class ReviewSettings(_Source):
    warning_days: int = Field(
        90, ge=0, description="how many days before a policy's next review date the build "
        "warns that the review is due")
    allow_overdue: dict[str, Text] = Field(
        default_factory=dict,
        description="policies whose review may be overdue without failing the checks, by "
        "folder name, each with the reason (shown in every report)")


class PlainEnglishSettings(_Source):
    min_reading_ease: float = Field(
        ge=0, le=100, description="the lowest Flesch reading ease score a page may have "
        "(0 to 100; higher is easier; 60 is plain English)")
    long_sentence_words: int = Field(
        ge=5, description="sentences with more words than this are listed as long")
    max_long_sentences: int = Field(
        0, ge=0, description="how many long sentences a page may have before it fails")
    hardest_sentences_shown: int = Field(
        3, ge=1, le=20, description="how many of each page's hardest sentences the report "
        "lists")


class LimitSettings(_Source):
    """How much work any one source may make a build do, so that no file, by mistake or on
    purpose, can hold up every change to the guide."""

    source_file_kb: int = Field(
        1024, ge=16, le=10240, description="the largest a source file may be, in kilobytes "
        "(1024 is one megabyte, several times the longest policy)")
    page_seconds: int = Field(
        60, ge=5, le=600, description="the longest one page may take to build, in seconds; a "
        "page that takes longer stops the build, naming its source")


Compliance = Literal["fully compliant", "partially compliant", "not compliant"]


class KnownIssue(_Source):
    problem: Text = Field(description="what does not work for some readers, in plain words")
    criterion: Text = Field(
        description="the WCAG success criterion it fails, such as 1.4.3 Contrast (Minimum)")
    plan: Text = Field(description="what will be done about it, and by when")


class AccessibilitySettings(_Source):
    """The facts of the guide's accessibility statement that people decide. How and when it
    was last tested is not here: the test suite records that (policy_guide/site/accessibility.py)."""

    standard: Text = Field(
        "WCAG 2.2 level AA", description="the standard the guide is measured against")
    compliance: Compliance = Field(
        description="'fully compliant', 'partially compliant' (list each known issue) or "
        "'not compliant'")
    contact: Role = Field(
        description="the team or role readers ask for another format or tell about a problem")
    reply_within_working_days: int = Field(
        ge=1, le=60, description="how many working days the contact takes to reply")
    known_issues: list[KnownIssue] = Field(
        default_factory=list, description="each part of the guide that is not yet accessible")
    prepared: dt.date = Field(description="the day the statement was first written, YYYY-MM-DD")
    reviewed: dt.date = Field(description="the day the statement was last reviewed, YYYY-MM-DD")

    @model_validator(mode="after")
    def _issues_match_compliance(self) -> "AccessibilitySettings":
        if self.compliance == "fully compliant" and self.known_issues:
            raise ValueError("a guide with known issues is not 'fully compliant': say "
                             "'partially compliant', or remove the issues that are fixed")
        if self.compliance != "fully compliant" and not self.known_issues:
            raise ValueError(f"a guide that is '{self.compliance}' must list its known "
                             "issues under 'known_issues'")
        if self.reviewed < self.prepared:
            raise ValueError("'reviewed' is before 'prepared': a statement is reviewed after "
                             "it is written")
        return self


class LibrarySettings(_Source):
    categories: list[Text] = Field(
        min_length=1, description="the categories a policy's 'category' may name, in the "
        "order the library home lists them")
    required_sections: list[Anchor] = Field(
        min_length=1, description="anchors of the sections every policy must have"
    )
    policy_required_sections: dict[str, list[Anchor]] = Field(
        default_factory=dict,
        description="extra required section anchors for a particular policy, by folder name",
    )
    default_team: GitHubTeam = Field(
        description="the GitHub team that reviews changes to a policy without its own "
        "'owning_team'")
    review: ReviewSettings = Field(
        default_factory=ReviewSettings, description="review date warnings and exceptions")
    plain_english: PlainEnglishSettings = Field(
        description="the readability every page of the guide must meet")
    accessibility: AccessibilitySettings = Field(
        description="the facts of the guide's accessibility statement")
    limits: LimitSettings = Field(
        default_factory=LimitSettings,
        description="how much work any one source may make a build do")

    def required_for(self, slug: str) -> list[str]:
        return [*self.required_sections, *self.policy_required_sections.get(slug, [])]


# ---------------------------------------------------------------------------------------------
# policy.md front matter
# ---------------------------------------------------------------------------------------------


class PolicyFrontMatter(_Source):
    """What policy.md's front matter says. The version, its status and its decision dates are
    not here: they are written once, in history.yml, and PolicyMeta brings the two together."""

    title: Text = Field(description="the policy's name, such as Social Media Policy")
    category: Text = Field(
        description="the policy's category, one of the 'categories' in library.yml")
    owner: Role = Field(description="the role that owns the policy (a job title, not a name)")
    contact: Role = Field(description="the team or role staff should ask about the policy")
    owning_team: GitHubTeam | None = Field(
        None, description="the GitHub team that must review changes to this policy, if not "
        "the library's default team")
    last_reviewed: dt.date = Field(description="the date of the last review, YYYY-MM-DD")
    next_review: dt.date = Field(description="the date the next review is due, YYYY-MM-DD")
    supersedes: Text | None = Field(None, description="the policy this one replaces, if any")
    audience: list[Text] = Field(min_length=1, description="who the policy applies to")
    summary: Text = Field(description="one or two sentences saying what the policy is for")


class PolicyMeta(PolicyFrontMatter):
    """The front matter together with the facts history.yml gives the newest version."""

    version: Version
    status: Status
    approved_by: Text | None = None
    approved_on: dt.date | None = None
    ratified_by: Text | None = None
    ratified_on: dt.date | None = None
    effective_from: dt.date | None = None

    @property
    def is_approved(self) -> bool:
        """Whether this version has been decided on (anything but a draft or consultation)."""
        return self.status not in UNAPPROVED

    def takes_effect_later(self, today: dt.date) -> bool:
        """Whether this version is in force but only from a day after `today`."""
        return self.effective_from is not None and self.effective_from > today


# ---------------------------------------------------------------------------------------------
# rules.yml
# ---------------------------------------------------------------------------------------------


class RuleContext(_Source):
    key: Anchor = Field(alias="id", description="the context's short name, such as personal-use")
    title: Text = Field(description="the heading shown above its rules")
    audience: Literal["staff", "residents"] = Field(description="who the rules are for")
    intro: Text = Field(description="one sentence saying who the rules are for")


#: The two kinds of rule, and the words the guide shows for each.
RULE_KINDS = {"do": "Do", "don't": "Don't"}


class Rule(_Source):
    key: RuleId = Field(alias="id")
    context: Anchor = Field(description="the id of one of the contexts at the top of the file")
    kind: Literal["do", "don't"] = Field(description="do or don't")
    text: Text = Field(description="the rule in one plain sentence")
    clause: Anchor = Field(description="the anchor of the policy clause the rule comes from")


class RuleBook(_Source):
    contexts: list[RuleContext] = Field(min_length=1)
    rules: list[Rule] = Field(min_length=1)

    def context(self, key: str) -> RuleContext:
        return next(context for context in self.contexts if context.key == key)

    def rules_in(self, context_key: str) -> list[Rule]:
        return [rule for rule in self.rules if rule.context == context_key]


# ---------------------------------------------------------------------------------------------
# history.yml
# ---------------------------------------------------------------------------------------------


class HistoryEntry(_Source):
    version: Version
    date: dt.date = Field(description="the date of the decision, written YYYY-MM-DD")
    status: Status = Field(description="the status this decision gave the policy")
    decided_by: Text = Field(description="the body or role that made the decision")
    changes: Text = Field(description="what changed, in a sentence or two")
    effective_from: dt.date | None = Field(
        None, description="for a version that came into force: the day it took effect, "
        "if later than the date of the decision (YYYY-MM-DD)")
    closes: dt.date | None = Field(
        None, description="for a draft sent out for consultation: the last day to comment "
        "(YYYY-MM-DD)")

    @property
    def in_force_from(self) -> dt.date | None:
        """The day this version took effect, for an entry that put a version in force."""
        if self.status != "in force":
            return None
        return self.effective_from or self.date


class History(_Source):
    entries: list[HistoryEntry] = Field(min_length=1)

    @property
    def current(self) -> HistoryEntry:
        return self.entries[-1]

    def newest_first(self) -> list[HistoryEntry]:
        return list(reversed(self.entries))

    def version_facts(self) -> dict[str, object]:
        """The newest version's number, status and decisions, as PolicyMeta holds them.

        The decisions that led to the newest version are the entries after the last version
        that came into force (or was withdrawn) before it: the newest 'approved' entry among
        them is its approval; a later 'in force' decision by another body is a ratification.
        """
        current = self.entries[-1]
        chain = [current]
        for entry in reversed(self.entries[:-1]):
            if entry.status in ("in force", "superseded", "withdrawn"):
                break
            chain.insert(0, entry)
        facts: dict[str, object] = {"version": current.version, "status": current.status}
        approvals = [entry for entry in chain if entry.status == "approved"]
        if approvals:
            facts.update(approved_by=approvals[-1].decided_by, approved_on=approvals[-1].date)
            if current.status == "in force":
                facts.update(ratified_by=current.decided_by, ratified_on=current.date)
        elif current.status in ("in force", "withdrawn"):
            facts.update(approved_by=current.decided_by, approved_on=current.date)
        facts["effective_from"] = current.in_force_from
        return facts


# ---------------------------------------------------------------------------------------------
# eia.md front matter
# ---------------------------------------------------------------------------------------------


class CharacteristicAssessment(_Source):
    characteristic: Characteristic = Field(description="a protected characteristic")
    impact: Impact = Field(description="positive, neutral or negative")
    evidence: Text = Field(description="what the impact judgement is based on")
    mitigation: Text = Field(description="what reduces any harm or builds on the benefit")


class Consultee(_Source):
    group: Text = Field(description="who was consulted")
    how: Text = Field(description="how and when they were consulted")


class EiaMeta(_Source):
    title: Text
    supported_by: Role = Field(description="the role that supported the assessment")
    outcome: Literal["positive", "neutral", "negative", "mixed", "not assessed"] = Field(
        description="the overall outcome of the assessment ('not assessed' only for a draft)"
    )
    outcome_summary: Text = Field(description="the outcome in a sentence or two")
    consulted: list[Consultee] = Field(min_length=1)
    characteristics: list[CharacteristicAssessment] = Field(min_length=1)


# ---------------------------------------------------------------------------------------------
# faqs.md front matter
# ---------------------------------------------------------------------------------------------


class FaqMeta(_Source):
    title: Text
    intro: Text = Field(description="a sentence or two shown above the questions")


# ---------------------------------------------------------------------------------------------
# glossary.yml
# ---------------------------------------------------------------------------------------------


class GlossaryEntry(_Source):
    abbreviation: Annotated[str, StringConstraints(
        strip_whitespace=True, pattern=r"^[A-Z][A-Za-z0-9&]*[A-Z0-9]$")] = Field(
        description="the abbreviation as it is written, such as EIA")
    meaning: Text = Field(description="what it stands for, such as Equality Impact Assessment")
    explanation: Text | None = Field(
        None, description="a sentence saying what it is, for the glossary page")


class Glossary(_Source):
    entries: list[GlossaryEntry] = Field(min_length=1)

    def meanings(self) -> dict[str, str]:
        return {entry.abbreviation: entry.meaning for entry in self.entries}


# ---------------------------------------------------------------------------------------------
# staff-words.yml
# ---------------------------------------------------------------------------------------------


class StaffWordsEntry(_Source):
    staff: list[Text] = Field(
        min_length=1, description="the words staff type, such as DM or direct messages")
    means: Text = Field(description="the words the policy uses for the same thing, such as "
                        "private message: they must occur in the policy")
    policy: Text | None = Field(None, description="the folder name of the one policy these "
                                "words are for (leave it out for any policy)")


class StaffWords(_Source):
    entries: list[StaffWordsEntry] = Field(default_factory=list)

    def expansions(self) -> dict[str, list[str]]:
        """Each staff word, in lower case, and the policies' words it stands for."""
        found: dict[str, list[str]] = {}
        for entry in self.entries:
            for word in entry.staff:
                found.setdefault(" ".join(word.lower().split()), []).append(
                    " ".join(entry.means.lower().split()))
        return found


# ---------------------------------------------------------------------------------------------
# What the Markdown parser finds
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Clause:
    number: str  # "6.2"
    title: str
    anchor: str
    line: int
    text: str  # the clause's Markdown, without its heading


@dataclass(frozen=True)
class Section:
    number: int
    title: str
    anchor: str
    line: int
    clauses: tuple[Clause, ...]


@dataclass(frozen=True)
class Faq:
    question: str
    anchor: str
    line: int
    answer: str  # Markdown
    clause_anchors: tuple[str, ...]


@dataclass(frozen=True)
class Eia:
    meta: EiaMeta
    body: str


@dataclass(frozen=True)
class Faqs:
    meta: FaqMeta
    items: tuple[Faq, ...]


def anchor_map(sections: tuple[Section, ...]) -> dict[str, Clause | Section]:
    """Every section and clause of a policy, by its anchor."""
    anchors: dict[str, Clause | Section] = {}
    for section in sections:
        anchors[section.anchor] = section
        anchors.update((clause.anchor, clause) for clause in section.clauses)
    return anchors


@dataclass(frozen=True)
class Policy:
    """Everything about one policy, validated and cross-checked."""

    slug: str  # the folder name, e.g. social-media
    meta: PolicyMeta
    sections: tuple[Section, ...]
    body: str
    rules: RuleBook
    history: History
    eia: Eia
    faqs: Faqs
    #: what is still to be written (domain/unfinished.py): only a draft may have any
    unfinished: tuple[Unfinished, ...] = ()
    #: its references to other policies (domain/references.py)
    references: tuple[Reference, ...] = ()

    @cached_property
    def anchors(self) -> dict[str, Clause | Section]:
        return anchor_map(self.sections)

    @property
    def clauses(self) -> list[Clause]:
        return [clause for section in self.sections for clause in section.clauses]

    def number_of(self, anchor: str) -> str:
        """'clause 6.2' or 'section 6' for an anchor in the policy."""
        target = self.anchors[anchor]
        if isinstance(target, Clause):
            return f"clause {target.number}"
        return f"section {target.number}"


    def team(self, settings: LibrarySettings) -> str:
        """The GitHub team that owns the policy's folder."""
        return self.meta.owning_team or settings.default_team


@dataclass(frozen=True)
class Library:
    settings: LibrarySettings
    policies: dict[str, Policy]
    glossary: Glossary
    staff_words: StaffWords = field(default_factory=StaffWords)
    #: In a build of some policies only: the other policies they refer to or are referred to
    #: by, loaded and checked for the references but not built
    neighbours: dict[str, Policy] = field(default_factory=dict)

    def known(self) -> dict[str, Policy]:
        """Every policy loaded: those built, and their neighbours."""
        return {**self.neighbours, **self.policies}
