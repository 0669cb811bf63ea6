"""`make export-public DIR=...`: the residents' house rules as a small site for the
Council's public website.

For each published policy with rules for residents, the version in force today (the one at
<policy>/current/ on the published branch) gives a page at DIR/<policy>/: the house rules,
and what residents can expect if a post is removed. DIR/index.html lists them. Nothing else
of the guide goes out: no staff rules, no menus, no search, no link into the intranet (links
written in a rule are kept as their words), no script and nothing fetched from anywhere.

Every page is checked before DIR is replaced, as the guide's own pages are: against the
safety allow-list, for links that lead nowhere (lychee) and for any link or address that
leaves the folder. On any problem DIR is left as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import tempfile
from dataclasses import dataclass
from pathlib import Path

import markdown
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape
from selectolax.lexbor import LexborHTMLParser

from ..domain.dates import long_date
from ..domain.inforce import version_on
from ..domain.models import RULE_KINDS, Policy, RuleContext
from ..domain.published import PublishedLibrary, policy_at
from ..site import mkdocs
from ..site.layout import LIBRARY_FILE
from ..site.safety import STANDALONE_CONTENT_SECURITY_POLICY, Page, unsafe_parts
from ..tools import git
from ..tools.folders import replace_folder
from ..tools.linkcheck import LinkCheckError, broken_links

TEMPLATES = Path(__file__).resolve().parent / "templates" / "residents"
#: The words residents read on the guide's own house rules pages too (docs/includes/).
SHARED = Path("docs") / "includes" / "residents"
#: The export's record of what it holds; its presence marks a folder as an earlier export.
MARKER = "house-rules.json"


class ExportError(Exception):
    pass


@dataclass(frozen=True)
class HouseRules:
    policy: Policy  # the version in force today
    contexts: tuple[RuleContext, ...]  # its contexts for residents


def in_force(project: Path, branch: str) -> list[HouseRules]:
    """Each published policy's version at current/ that has rules for residents."""
    shown = git.show(project, branch, LIBRARY_FILE)
    if shown is None:
        raise ExportError(f"Nothing has been published yet (the '{branch}' branch has no "
                          f"{LIBRARY_FILE}). Run 'make publish' first.")
    record = PublishedLibrary.from_json(json.loads(shown))
    found = []
    for slug, published in sorted(record.policies.items()):
        if published.current is None:
            continue
        policy = policy_at(project, slug, published.current)
        contexts = tuple(context for context in policy.rules.contexts
                         if context.audience == "residents")
        if contexts:
            found.append(HouseRules(policy, contexts))
    if not found:
        raise ExportError("No policy in force has rules for residents (rules.yml contexts "
                          "with 'audience: residents'), so there is nothing to export.")
    return found


def words(text: str) -> str:
    """Markdown as HTML, every link kept as its words: a rule may link to a clause of the
    intranet guide, which residents cannot open."""
    tree = LexborHTMLParser(markdown.markdown(text))
    tree.unwrap_tags(["a"])
    return tree.body.inner_html if tree.body else ""


def inline(text: str) -> str:
    return words(text).removeprefix("<p>").removesuffix("</p>")


def shared(project: Path, name: str) -> str:
    return words((project / SHARED / name).read_text(encoding="utf-8"))


def rules_html(rules: HouseRules) -> str:
    policy = rules.policy
    parts = []
    for context in rules.contexts:
        parts.append(f'<h2 id="{escape(context.key)}">{escape(context.title)}</h2>'
                     f"<p>{escape(context.intro)}</p>")
        for kind, title in RULE_KINDS.items():
            listed = [rule for rule in policy.rules.rules_in(context.key) if rule.kind == kind]
            if listed:
                css = "do" if kind == "do" else "dont"
                items = "".join(f"<li>{inline(rule.text)}</li>" for rule in listed)
                parts.append(f'<div class="{css}"><h3>{title}<span class="visually-hidden">: '
                             f"{escape(context.title)}</span></h3><ul>{items}</ul></div>")
    return "\n".join(parts)


def since(policy: Policy, today: dt.date) -> str:
    period = version_on(policy.history, today)
    return f", in force since {long_date(period.start)}" if period else ""


def pages(project: Path, found: list[HouseRules], who: str, today: dt.date
          ) -> dict[str, tuple[str, str, str]]:
    """Each page's path in the folder: (title, content HTML, footer words)."""
    welcome = shared(project, "welcome.md")
    listed = "".join(
        f'<li><a href="{escape(rules.policy.slug)}/">{escape(rules.policy.meta.title)}</a>: '
        f"{escape('; '.join(context.title for context in rules.contexts))}</li>"
        for rules in found)
    made = {"index.html": (
        "House rules for residents",
        f"<h1>House rules for residents</h1>{welcome}<p>Each of these Council policies has "
        f"house rules for residents:</p><ul>{listed}</ul>",
        f"These house rules are the ones in force on {long_date(today)}.")}
    for rules in found:
        meta = rules.policy.meta
        title = f"House rules: {meta.title}"
        made[f"{rules.policy.slug}/index.html"] = (
            title,
            f"<h1>{escape(title)}</h1>{welcome}"
            f"<p>These rules are part of the Council's {escape(meta.title)}, version "
            f"{escape(meta.version)}{escape(since(rules.policy, today))}.</p>"
            f"{rules_html(rules)}{shared(project, 'removed.md')}"
            '<p><a href="../">All house rules for residents</a></p>',
            f"{who}: {meta.title}, version {meta.version}. These house rules are the ones in "
            f"force on {long_date(today)}.")
    return made


def check(folder: Path, made: dict[str, tuple[str, str, str]]) -> None:
    """The checks the guide's own pages pass: safety, links that lead somewhere, and here
    also nothing that leaves the folder."""
    problems = []
    for path, (_, content, _) in made.items():
        written = (folder / path).read_text(encoding="utf-8")
        page = Page(posixpath.dirname(path), policy=STANDALONE_CONTENT_SECURITY_POLICY)
        problems += [f"{path}: {finding.what}" for finding in unsafe_parts(written, page)]
        for node in LexborHTMLParser(content).css("[href], [src]"):
            address = node.attributes.get("href") or node.attributes.get("src") or ""
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), address))
            if ":" in address or address.startswith("/") or target.startswith(".."):
                problems.append(f"{path}: a link to '{address}', outside these pages")
    try:
        problems += broken_links([folder], folder)
    except LinkCheckError as error:
        problems.append(str(error))
    if problems:
        raise ExportError("These pages did not pass their checks:\n  " + "\n  ".join(problems))


def export(project: Path, target: Path, branch: str, today: dt.date) -> list[HouseRules]:
    """Write the house rules of `project`'s published `branch`, as in force `today`, into
    `target`; each policy's rules written."""
    target = target.resolve()
    if target.exists() and any(target.iterdir()) and not (target / MARKER).exists():
        raise ExportError(f"{target} already holds files that are not an earlier export of "
                          "the house rules. Choose an empty or new folder; an export "
                          "replaces its folder.")
    found = in_force(project, branch)
    who = mkdocs.setting(project, "site_author")
    made = pages(project, found, who, today)
    template = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True).get_template(
        "page.html")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".house-rules-", dir=target.parent) as work:
        staging = Path(work) / "site"
        for path, (title, content, footer) in made.items():
            page = staging / path
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(template.render(
                title=title, organisation=who, content=Markup(content), footer=footer,
                content_security_policy=STANDALONE_CONTENT_SECURITY_POLICY), encoding="utf-8")
        (staging / MARKER).write_text(json.dumps({
            "day": today.isoformat(),
            "policies": {rules.policy.slug: rules.policy.meta.version for rules in found},
        }, indent=2) + "\n", encoding="utf-8")
        check(staging, made)
        replace_folder(target, staging)
    return found
