"""Staff words: the words staff type into search for something a policy calls by another
name ("DM" for what the policy calls a direct message), kept by owners in
policy_source/staff-words.yml.

Search (docs/assets/javascripts/search.js) looks for the policy's words as well as the staff
word typed, so the list reaches readers without rebuilding any published version: it is
written beside the search index on every build and publish (site/hook.py).

An entry is checked against the words of the policies it is for: what it `means` must be
words the policy really uses (or searching would still find nothing), and a staff word the
policy already uses is not needed (search finds it anyway) and fails the checks, so the list
stays short and true.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .errors import SourceError, quoted_list, suggestion
from .models import Policy, StaffWords
from .sourcefiles import line_for

#: The file, in policy_source/.
STAFF_WORDS_FILE = "staff-words.yml"

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
#: Markdown that is not words a reader sees: link targets, anchors, tags.
_NOT_WORDS = re.compile(r"\]\([^)]*\)|\{#[^}]*\}|<[^>]+>")


def words(text: str) -> str:
    """`text` as the lower-case words search matches, one space between each."""
    plain = _NOT_WORDS.sub(" ", text.replace("\u2019", "'").lower())
    return " ".join(_WORD.findall(plain))


def policy_words(policy: Policy) -> str:
    """Every word a reader of the policy can search for: its title and summary, clauses,
    questions and answers, and rules."""
    meta = policy.meta
    parts = [meta.title, meta.summary]
    for section in policy.sections:
        parts.append(section.title)
        for clause in section.clauses:
            parts += [clause.title, clause.text]
    for faq in policy.faqs.items:
        parts += [faq.question, faq.answer]
    parts += [context.title for context in policy.rules.contexts]
    parts += [rule.text for rule in policy.rules.rules]
    return f" {words(' '.join(parts))} "


def _uses(text: str, phrase: str) -> bool:
    return f" {words(phrase)} " in text


def check_staff_words(found: StaffWords, raw: Any, path: Path,
                      policies: dict[str, Policy]) -> None:
    """Stop at the first entry that names no policy of the library, means words its policies
    do not use, or lists a staff word they already use or one listed before."""
    read: dict[str, str] = {}

    def text(slug: str) -> str:
        """A policy's words, read once and only if an entry needs them."""
        if slug not in read:
            read[slug] = policy_words(policies[slug])
        return read[slug]

    seen: dict[str, int] = {}
    for index, entry in enumerate(found.entries):
        if entry.policy is not None and entry.policy not in policies:
            raise SourceError(
                path, f"There is no policy folder called '{entry.policy}'."
                f"{suggestion(entry.policy, policies)}",
                f"Use one of {quoted_list(policies)}, or leave 'policy:' out so the words "
                "are for every policy.", line_for(raw, ("entries", index, "policy")))
        chosen = [entry.policy] if entry.policy else list(policies)
        where = (f"the {policies[entry.policy].meta.title}" if entry.policy
                 else "any policy")
        if not words(entry.means) or not any(_uses(text(slug), entry.means) for slug in chosen):
            raise SourceError(
                path, f"'{entry.means}' does not occur in {where}, so searching for "
                f"'{entry.staff[0]}' would still find nothing.",
                "Under 'means:', write words exactly as the policy uses them, such as a "
                "clause's or a question's own words.", line_for(raw, ("entries", index, "means")))
        for number, word in enumerate(entry.staff):
            key = words(word)
            if not key:
                raise SourceError(path, f"'{word}' has no letters or numbers to search for.",
                                  "Write the word as staff type it.",
                                  line_for(raw, ("entries", index, "staff", number)))
            if key in seen:
                raise SourceError(
                    path, f"'{word}' is listed twice (the first time at line {seen[key]}).",
                    "Keep one entry for each staff word: give it every meaning there.",
                    line_for(raw, ("entries", index, "staff", number)))
            seen[key] = line_for(raw, ("entries", index, "staff", number)) or 0
            using = [slug for slug in chosen if _uses(text(slug), word)]
            if using:
                raise SourceError(
                    path, f"'{word}' is already a word of the "
                    f"{policies[using[0]].meta.title}, so search finds it without this "
                    "entry.", f"Take '{word}' out of the list.",
                    line_for(raw, ("entries", index, "staff", number)))
