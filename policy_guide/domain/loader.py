"""Load the policy library: every source file read once, validated, cross-checked.

    policy_source/library.yml          settings for every policy
    policy_source/glossary.yml         abbreviations, explained on every page
    policy_source/<slug>/policy.md     front matter + numbered sections and clauses
    policy_source/<slug>/rules.yml     do and don't rules
    policy_source/<slug>/history.yml   versions, oldest first
    policy_source/<slug>/eia.md        Equality Impact Assessment summary
    policy_source/<slug>/faqs.md       questions and answers

Any problem stops with a SourceError naming the file and line.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from . import checks
from .errors import SourceError, reading_project
from .models import (Eia, EiaMeta, Faq, FaqMeta, Faqs, Glossary, History, Library,
                     LibrarySettings, Policy, PolicyFrontMatter, PolicyMeta, RuleBook,
                     StaffWords, anchor_map)
from .sourcetext import check_template_markers
from .staffwords import STAFF_WORDS_FILE, check_staff_words
from .sourcefiles import (DEFAULT_SIZE_LIMIT_KB, LineDict, MarkdownSource, line_for,
                          parse_yaml, read_markdown, read_text, refuse_links)
from .references import check_references, find_references, mentions
from .structure import check_markdown, outside_code, parse_faqs, parse_policy_body
from .unfinished import Unfinished, empty_headings, refuse_unfinished, unfinished_text
from .validate import validate

#: The folder of the project that holds the library's sources.
SOURCE_FOLDER = "policy_source"
SETTINGS_FILE = "library.yml"
GLOSSARY_FILE = "glossary.yml"
#: Each policy's source files, in its own folder.
POLICY_FILE, RULES_FILE, HISTORY_FILE = "policy.md", "rules.yml", "history.yml"
EIA_FILE, FAQS_FILE = "eia.md", "faqs.md"
SOURCE_FILES = (POLICY_FILE, RULES_FILE, HISTORY_FILE, EIA_FILE, FAQS_FILE)


def _markdown(path: Path, limit_kb: int, unfinished: list[Unfinished] | None = None
              ) -> MarkdownSource:
    """A Markdown source, checked; what in it is still to be written goes in `unfinished`."""
    source = read_markdown(path, limit_kb)
    check_template_markers(source.body, path, source.body_line)
    check_markdown(source.body, path, source.body_line)
    if unfinished is not None:
        unfinished += unfinished_text(source.text, path)
        unfinished += empty_headings(source.body, path, source.body_line)
    return source


def _yaml(path: Path, what: str, limit_kb: int = DEFAULT_SIZE_LIMIT_KB,
          unfinished: list[Unfinished] | None = None) -> object:
    text = read_text(path, limit_kb)
    check_template_markers(text, path)
    if unfinished is not None:
        unfinished += unfinished_text(text, path)
    data = parse_yaml(text, path)
    if data is None:
        raise SourceError(path, "This file is empty.", f"It should hold {what}.")
    return data


def _front_matter(source: MarkdownSource) -> object:
    if not isinstance(source.meta, dict):
        raise SourceError(
            source.path,
            "The front matter block at the top should be a list of 'name: value' lines.",
            "Compare it with the same file in another policy folder.", 2)
    return source.meta


def load_settings(root: Path) -> LibrarySettings:
    path = root / SETTINGS_FILE
    return validate(LibrarySettings, _yaml(path, "the library settings"), path)


def _yaml_list(path: Path, what: str, first_key: str, limit_kb: int,
               unfinished: list[Unfinished] | None = None) -> LineDict:
    """A file that is a list at the top, wrapped as {'entries': [...]} for its model."""
    raw = _yaml(path, what, limit_kb, unfinished)
    if not isinstance(raw, list):
        raise SourceError(
            path, f"This file should be a list of {what}.",
            f"Start each entry with '- {first_key}:', as in the file's comments.", 1)
    wrapped = LineDict(entries=raw)
    wrapped.lines["entries"] = raw.line
    return wrapped


def load_glossary(root: Path, limit_kb: int) -> Glossary:
    path = root / GLOSSARY_FILE
    raw = _yaml_list(path, "abbreviations", "abbreviation", limit_kb)
    glossary = validate(Glossary, raw, path)
    checks.check_glossary(glossary, raw, path)
    return glossary


def load_staff_words(root: Path, limit_kb: int, policies: dict[str, Policy]) -> StaffWords:
    """The staff words (staffwords.py), checked against `policies`; none if the file is
    missing. (A build of some policies only, which writes no search index, reads none.)"""
    path = root / STAFF_WORDS_FILE
    if not path.is_file():
        return StaffWords()
    raw = _yaml_list(path, "staff words", "staff", limit_kb)
    found = validate(StaffWords, raw, path)
    check_staff_words(found, raw, path, policies)
    return found


def load_policy(folder: Path, settings: LibrarySettings | None) -> Policy:
    """The policy in `folder`, validated and cross-checked. `settings` is None for a version
    read back as it was published: the library's settings may have changed since (a new
    category, a newly required section), so the checks against them are not made again."""
    slug = folder.name
    limit = settings.limits.source_file_kb if settings else DEFAULT_SIZE_LIMIT_KB
    unfinished: list[Unfinished] = []

    policy_path = folder / POLICY_FILE
    policy_source = _markdown(policy_path, limit, unfinished)
    checks.refuse_history_fields(policy_source.meta, policy_path)
    front = validate(PolicyFrontMatter, _front_matter(policy_source), policy_path)
    sections = parse_policy_body(policy_source.body, policy_source.body_line, policy_path)
    if settings is not None:
        checks.check_front_matter(front, policy_source.meta, policy_path, settings,
                                  folder.parent / SETTINGS_FILE)
        checks.check_required_sections(
            sections, settings.required_for(slug), policy_path, folder.parent / SETTINGS_FILE)
    anchors = anchor_map(sections)
    checks.check_links(policy_source.body, policy_source.body_line, policy_path, anchors,
                       prefixes=("",))

    rules_path = folder / RULES_FILE
    rules_raw = _yaml(rules_path, "the do and don't rules", limit, unfinished)
    rules = validate(RuleBook, rules_raw, rules_path)
    checks.check_rules(rules, rules_raw, anchors, rules_path)
    for index, rule in enumerate(rules.rules):
        check_markdown(rule.text, rules_path, line_for(rules_raw, ("rules", index, "text")) or 1)

    history_path = folder / HISTORY_FILE
    wrapped = _yaml_list(history_path, "versions", "version", limit, unfinished)
    history = validate(History, wrapped, history_path)
    checks.check_history(history, wrapped, history_path)
    meta = PolicyMeta(**front.model_dump(), **history.version_facts())

    eia_path = folder / EIA_FILE
    eia_source = _markdown(eia_path, limit, unfinished)
    eia_meta = validate(EiaMeta, _front_matter(eia_source), eia_path)
    checks.check_eia(eia_meta, eia_source.meta, eia_path)
    checks.check_eia_done(eia_meta, eia_source.meta, eia_path, meta)

    faqs_path = folder / FAQS_FILE
    faqs_source = _markdown(faqs_path, limit, unfinished)
    faq_meta = validate(FaqMeta, _front_matter(faqs_source), faqs_path)
    references = find_references(outside_code(policy_source.body, policy_source.body_line),
                                 slug, policy_path)
    faqs = []
    for question, anchor, line, answer_lines in parse_faqs(
            faqs_source.body, faqs_source.body_line, faqs_path):
        answer = "\n".join(text for _, text in answer_lines)
        references += find_references(answer_lines, slug, faqs_path)
        refs = checks.check_links(answer, line + 1, faqs_path, anchors, prefixes=("policy.md",))
        if not refs:
            raise SourceError(
                faqs_path,
                f"The answer to '{question}' does not link to the policy clause it explains.",
                "End the answer with a link such as 'See [clause 6.2](policy.md#saying-where-"
                "you-work).', using the anchor from the clause heading in policy.md.",
                line)
        faqs.append(Faq(question, anchor, line, answer.strip(), tuple(refs)))
    if not faqs:
        raise SourceError(faqs_path, "There are no questions in this file.",
                          "Add questions as '## The question? {#short-anchor}' headings.")

    # A version that is approved or in force, or a draft out for consultation, is published
    # as it is: nothing in it may be still to write. (A version read back as published was
    # checked when it was released.)
    if settings is not None and (meta.is_approved or meta.status == "consultation"):
        refuse_unfinished(unfinished, meta.status)

    return Policy(
        slug=slug,
        meta=meta,
        sections=sections,
        body=policy_source.body,
        rules=rules,
        history=history,
        eia=Eia(eia_meta, eia_source.body),
        faqs=Faqs(faq_meta, tuple(faqs)),
        unfinished=tuple(unfinished),
        references=references,
    )


def policy_folders(root: Path) -> list[Path]:
    """Every folder under `root` holding a policy.md, in name order."""
    return sorted(path.parent for path in root.glob(f"*/{POLICY_FILE}"))


def load_library(root: Path, only: Collection[str] | None = None) -> Library:
    """Load and check every policy under `root` (normally policy_source/), or with `only`,
    the library's settings and those policies (a build of one policy needs no other)."""
    with reading_project(root.parent):
        refuse_links(root)
        return _load_library(root, only)


def _load_library(root: Path, only: Collection[str] | None) -> Library:
    settings = load_settings(root)
    folders = policy_folders(root)
    if not folders:
        raise SourceError(root, "No policies were found.",
                          "Each policy needs its own folder here with a policy.md in it.")
    checks.check_folder_names(folders)
    checks.check_policy_names(settings, [folder.name for folder in folders],
                              root / SETTINGS_FILE)
    chosen = [folder for folder in folders if only is None or folder.name in only]
    policies = {folder.name: load_policy(folder, settings) for folder in chosen}
    neighbours = {} if only is None else {
        folder.name: load_policy(folder, settings)
        for folder in _neighbours(folders, policies, settings.limits.source_file_kb)}
    check_references({**neighbours, **policies}, policies)
    limit = settings.limits.source_file_kb
    staff_words = (load_staff_words(root, limit, policies) if only is None
                   else StaffWords())
    return Library(settings, policies, load_glossary(root, limit), staff_words, neighbours)


def _neighbours(folders: list[Path], policies: dict, limit_kb: int) -> list[Path]:
    """For a build of some policies: the other folders they refer to, and those whose
    policy.md or faqs.md refer to them (found by reading the text, not loading it)."""
    wanted = {reference.target for policy in policies.values()
              for reference in policy.references}
    found = []
    for folder in folders:
        if folder.name in policies:
            continue
        if folder.name in wanted:
            found.append(folder)
            continue
        text = "".join(path.read_text(encoding="utf-8", errors="replace")
                       for path in (folder / POLICY_FILE, folder / FAQS_FILE)
                       if path.is_file() and path.stat().st_size <= limit_kb * 1024)
        if mentions(text) & set(policies):
            found.append(folder)
    return found
