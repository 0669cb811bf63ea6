"""Checks that need more than one field or more than one file.

Each check takes validated models plus the parsed YAML (for line numbers) and raises a
SourceError at the first problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from .errors import SourceError, display_path, quoted_list, shortened, suggestion
from .models import (POLICY_NAME, PROTECTED_CHARACTERISTICS, RESERVED_NAMES, EiaMeta, Glossary,
                     History, LibrarySettings, PolicyFrontMatter, PolicyMeta, RuleBook, Section,
                     name_for)
from .sourcefiles import line_for
from .structure import links, quoted_number
from .versions import version_key


#: What policy.md once said too, and history.yml alone says now.
HISTORY_FIELDS = ("version", "status", "approved_by", "approved_on", "ratified_by",
                  "ratified_on", "effective_from")


def refuse_history_fields(raw: Any, path: Path) -> None:
    """A version's number, status and decision dates are written once, in history.yml."""
    found = [name for name in HISTORY_FIELDS if isinstance(raw, dict) and name in raw]
    if found:
        raise SourceError(
            path,
            f"'{found[0]}' is written in history.yml, not here: a version's number, status "
            "and decision dates are written once, in its history entry.",
            f"Remove the '{found[0]}:' line. To record a new version, add an entry at the "
            "bottom of history.yml (make release does it for you).",
            line_for(raw, (found[0],)))


def check_front_matter(meta: PolicyFrontMatter, raw: Any, path: Path,
                       settings: LibrarySettings, settings_path: Path) -> None:
    if meta.category not in settings.categories:
        raise SourceError(
            path,
            f"The category '{meta.category}' is not one of the library's categories."
            f"{suggestion(meta.category, settings.categories)}",
            f"Use one of {quoted_list(settings.categories)}, or add a new category to "
            f"'categories:' in {display_path(settings_path)}.",
            line_for(raw, ("category",)))
    if meta.next_review < meta.last_reviewed:
        raise SourceError(
            path,
            f"'next_review' ({meta.next_review}) is before 'last_reviewed' "
            f"({meta.last_reviewed}). The next review must come after the last one.",
            "Correct whichever of 'next_review' and 'last_reviewed' is wrong.",
            line_for(raw, ("next_review",)))


def check_required_sections(sections: Iterable[Section], required: list[str], path: Path,
                            settings_path: Path) -> None:
    present = {section.anchor for section in sections}
    missing = [anchor for anchor in required if anchor not in present]
    if missing:
        raise SourceError(
            path,
            f"The policy has no section with the anchor {quoted_list('#' + m for m in missing)}, "
            f"which {display_path(settings_path)} lists as required."
            f"{suggestion(missing[0], present)}",
            f"Add a section like '## N. Title {{#{missing[0]}}}', or give the matching section "
            "that anchor.",
        )


def check_links(body: str, first_line: int, path: Path, anchors: dict[str, Any],
                prefixes: tuple[str, ...]) -> list[str]:
    """Check links to the policy (`#anchor` or `policy.md#anchor`); return their anchors.

    Link text that quotes a number ('clause 6.2') must match the clause it points to, so
    renumbering the policy cannot leave a wrong number behind.
    """
    found = []
    for line, text, target in links(body, first_line):
        page, _, anchor = target.partition("#")
        if page not in prefixes or not anchor:
            continue
        if anchor not in anchors:
            raise SourceError(
                path,
                f"The link '{shortened(target)}' points to '#{shortened(anchor)}', which is not "
                f"an anchor in the policy.{suggestion(anchor, anchors)}",
                "Use the anchor in {#...} at the end of the clause heading in policy.md.",
                line,
            )
        number = anchors[anchor].number
        quoted = quoted_number(text)
        if quoted and quoted != str(number):
            raise SourceError(
                path,
                f"The link text '{shortened(text)}' says {quoted}, but '#{anchor}' is {number}.",
                f"Change the link text to match ({number}), or point the link at the clause "
                f"you meant.",
                line,
            )
        found.append(anchor)
    return found


def _refuse_repeats(keys: list[str], raw: Any, list_name: str, path: Path, problem: str,
                    fix: str) -> None:
    """Stop at the second entry of `raw[list_name]` whose key was already used."""
    seen: set[str] = set()
    for index, key in enumerate(keys):
        if key in seen:
            raise SourceError(path, problem.format(key=key), fix,
                              line_for(raw, (list_name, index)))
        seen.add(key)


def check_rules(book: RuleBook, raw: Any, anchors: dict[str, Any], path: Path) -> None:
    context_keys = {context.key: index for index, context in enumerate(book.contexts)}
    _refuse_repeats([c.key for c in book.contexts], raw, "contexts", path,
                    "The context id '{key}' is used twice.", "Give each context its own id.")
    _refuse_repeats([r.key for r in book.rules], raw, "rules", path,
                    "The rule id '{key}' is used twice.",
                    "Give the new rule the next unused number; never reuse an old id.")
    for index, rule in enumerate(book.rules):
        if rule.context not in context_keys:
            raise SourceError(
                path,
                f"Rule {rule.key} is in context '{rule.context}', which is not listed under "
                f"'contexts:'.{suggestion(rule.context, context_keys)}",
                f"Use one of {quoted_list(context_keys)}, or add the context at the top.",
                line_for(raw, ("rules", index, "context")),
            )
        if rule.clause not in anchors:
            raise SourceError(
                path,
                f"Rule {rule.key} comes from clause '{rule.clause}', which is not an anchor in "
                f"policy.md.{suggestion(rule.clause, anchors)}",
                "Use the anchor in {#...} at the end of the clause heading in policy.md.",
                line_for(raw, ("rules", index, "clause")),
            )
    empty = [key for key in context_keys if not book.rules_in(key)]
    if empty:
        raise SourceError(
            path, f"The context '{empty[0]}' has no rules.",
            "Add rules for it, or remove the context.",
            line_for(raw, ("contexts", context_keys[empty[0]])))


def check_history(history: History, raw: Any, path: Path) -> None:
    previous = None
    for index, entry in enumerate(history.entries):
        line = line_for(raw, ("entries", index))
        if previous is not None:
            if version_key(entry.version) == version_key(previous.version):
                raise SourceError(
                    path, f"Version {entry.version} appears twice.",
                    "Each version gets one entry. Give the new one the next number.", line)
            if version_key(entry.version) < version_key(previous.version):
                raise SourceError(
                    path,
                    f"Version {entry.version} comes after version {previous.version}.",
                    "List versions oldest first, adding each new version at the bottom.", line)
            if entry.date < previous.date:
                raise SourceError(
                    path,
                    f"Version {entry.version} is dated {entry.date}, before version "
                    f"{previous.version} ({previous.date}).",
                    "Check the dates: each version's date must be on or after the one above.",
                    line_for(raw, ("entries", index, "date")))
        previous = entry
    _check_effective_dates(history, raw, path)
    _check_consultations(history, raw, path)


def _check_consultations(history: History, raw: Any, path: Path) -> None:
    """A closing date belongs to a consultation, after the day the draft went out; the
    newest version, if it is out for consultation, needs one (it is published with it)."""
    for index, entry in enumerate(history.entries):
        line = line_for(raw, ("entries", index, "closes")) or line_for(raw, ("entries", index))
        if entry.closes is not None and entry.status != "consultation":
            raise SourceError(
                path,
                f"Version {entry.version} has a 'closes' date but its status is "
                f"'{entry.status}'. Only a draft out for consultation has one.",
                "Remove 'closes:', or change the status to 'consultation'.", line)
        if entry.closes is not None and entry.closes <= entry.date:
            raise SourceError(
                path,
                f"The consultation on version {entry.version} closes on {entry.closes}, which "
                f"is not after the day it went out ({entry.date}).",
                "Correct 'closes:' or 'date:': people need time to comment.", line)
    newest = history.entries[-1]
    if newest.status == "consultation" and newest.closes is None:
        raise SourceError(
            path,
            f"Version {newest.version} is out for consultation, but it does not say when the "
            "consultation closes.",
            "Add a line '  closes: YYYY-MM-DD' to its entry: the last day to comment. The "
            "draft is published for the people consulted with that date.",
            line_for(raw, ("entries", len(history.entries) - 1)))


def _check_effective_dates(history: History, raw: Any, path: Path) -> None:
    """An effective date belongs to an 'in force' entry, is not before the decision, and each
    version in force starts after the one before it, so any day has at most one version."""
    previous = None
    for index, entry in enumerate(history.entries):
        line = line_for(raw, ("entries", index, "effective_from"))
        if entry.effective_from is not None and entry.status != "in force":
            raise SourceError(
                path,
                f"Version {entry.version} has an 'effective_from' date but its status is "
                f"'{entry.status}'. Only a version that came into force has one.",
                "Remove 'effective_from:', or change the status to 'in force'.", line)
        if entry.effective_from is not None and entry.effective_from < entry.date:
            raise SourceError(
                path,
                f"Version {entry.version} takes effect on {entry.effective_from}, before it "
                f"was decided on {entry.date}.",
                "Correct 'effective_from:' or 'date:'.", line)
        start = entry.in_force_from
        if start is None:
            continue
        if previous is not None and start <= previous.in_force_from:
            raise SourceError(
                path,
                f"Version {entry.version} takes effect on {start}, but version "
                f"{previous.version} only took effect on {previous.in_force_from}.",
                "Each version in force must take effect after the one before it. Check "
                "'date:' and 'effective_from:'.",
                line or line_for(raw, ("entries", index, "date")))
        previous = entry


def check_eia_done(meta: EiaMeta, raw: Any, path: Path, policy: PolicyMeta) -> None:
    """A policy past draft and consultation must have an assessment with findings."""
    if not policy.is_approved:
        return
    if meta.outcome == "not assessed":
        raise SourceError(
            path,
            f"The policy's status is '{policy.status}', but the assessment's outcome is "
            "'not assessed'.",
            "Complete the assessment before the policy is approved: give the outcome and "
            "the impact for each characteristic.", line_for(raw, ("outcome",)))
    for index, item in enumerate(meta.characteristics):
        if item.impact == "not assessed":
            raise SourceError(
                path,
                f"The policy's status is '{policy.status}', but '{item.characteristic}' is "
                "'not assessed'.",
                "Give its impact (positive, neutral or negative), with the evidence.",
                line_for(raw, ("characteristics", index, "impact")))


def check_eia(meta: EiaMeta, raw: Any, path: Path) -> None:
    assessed = [item.characteristic for item in meta.characteristics]
    _refuse_repeats(assessed, raw, "characteristics", path, "'{key}' is assessed twice.",
                    "Keep one entry for each protected characteristic.")
    missing = [name for name in PROTECTED_CHARACTERISTICS if name not in assessed]
    if missing:
        raise SourceError(
            path,
            f"The assessment does not cover {quoted_list(missing)}. The Equality Act 2010 has "
            "nine protected characteristics and each must be assessed.",
            "Add an entry under 'characteristics:' with 'characteristic:', 'impact:', "
            "'evidence:' and 'mitigation:' for each one missing.",
            getattr(raw.get("characteristics"), "line", None) if isinstance(raw, dict) else None,
        )


def check_folder_names(folders: list[Path]) -> None:
    """A policy's folder name becomes its address and goes into every one of its pages, so
    it must be a plain name (layout.POLICY_NAME, as `make new-policy` makes them), and not
    one the library's own pages and files use (layout.RESERVED_NAMES)."""
    for folder in folders:
        if not POLICY_NAME.fullmatch(folder.name):
            raise SourceError(
                folder,
                f"'{shortened(folder.name)}' cannot be a policy's folder name: the name becomes "
                "the policy's address, so it may only use lower-case letters, numbers and "
                "hyphens, starting with a letter.",
                f"Rename the folder, for example to '{name_for(folder.name)}'.")
        if folder.name in RESERVED_NAMES:
            raise SourceError(
                folder,
                f"'{folder.name}' is a name the guide uses for its own pages, so a policy "
                "folder cannot have it: both would be at the same address.",
                f"Rename the folder, for example to '{folder.name}-policy'.")


def check_policy_names(settings: LibrarySettings, folders: list[str], path: Path) -> None:
    """Settings given for one policy must name a policy folder that exists."""
    named = [("policy_required_sections", name) for name in settings.policy_required_sections]
    named += [("review: allow_overdue", name) for name in settings.review.allow_overdue]
    for setting, name in named:
        if name not in folders:
            raise SourceError(
                path,
                f"'{setting}' names '{name}', but there is no policy folder with that name."
                f"{suggestion(name, folders)}",
                "Use the exact folder name of the policy, or remove the entry.")


def check_glossary(glossary: Glossary, raw: Any, path: Path) -> None:
    _refuse_repeats([entry.abbreviation for entry in glossary.entries], raw, "entries", path,
                    "'{key}' is explained twice.", "Keep one entry for each abbreviation.")
