"""An announcement (domain/announce.py) written for the staff bulletin: an HTML fragment
that email programs show as intended (every style inline, no script, no picture, no class
or stylesheet to lose), and the same words as plain text. A residents' item beside them when
the house rules changed.

Links are absolute when the guide's address is given (`BASE=https://...`), as an email
needs; otherwise they are relative to the top of the library."""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass
from pathlib import Path

from ..domain.announce import Announcement, Highlight

#: GOV.UK's text and link colours: 4.5:1 and more on white (WCAG 2.2 AA).
_TEXT = "color:#0b0c0c;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5"
_LINK = "color:#1d70b8;text-decoration:underline"
_HEADING = ("color:#0b0c0c;font-family:Arial,Helvetica,sans-serif;font-size:24px;"
            "font-weight:bold;line-height:1.25;margin:0 0 16px")


#: The folder of the project announcements are written into (not committed: .gitignore).
ANNOUNCEMENTS = "announcements"


@dataclass(frozen=True)
class Written:
    files: list[Path]
    text: str  # the staff item as plain text, to show


def address(base: str, announcement: Announcement, highlight: Highlight | None = None,
            page: str = "") -> str:
    """Where a link in the announcement leads: a page of the announced version."""
    root = base if base.endswith("/") or not base else base + "/"
    target = page if highlight is None else highlight.page
    path = f"{announcement.slug}/{announcement.version}/{target + '/' if target else ''}"
    anchor = f"#{highlight.anchor}" if highlight is not None and highlight.anchor else ""
    return f"{root}{path}{anchor}"


def _a(href: str, words: str) -> str:
    return f'<a href="{html.escape(href)}" style="{_LINK}">{html.escape(words)}</a>'


def staff_html(announcement: Announcement, base: str) -> str:
    items = "\n".join(f'    <li style="margin:0 0 8px">{_a(address(base, announcement, item), item.words)}</li>'
                      for item in announcement.highlights)
    heading = "Where to start" if announcement.first else "The main changes"
    every = ("" if announcement.first else
             f", or {_a(address(base, announcement, page='changes'), 'see every change')}")
    return (f'<div style="{_TEXT};max-width:640px">\n'
            f'  <h2 style="{_HEADING}">{html.escape(announcement.title)}</h2>\n'
            f'  <p style="margin:0 0 16px">{html.escape(announcement.lead)}</p>\n'
            f'  <p style="margin:0 0 8px;font-weight:bold">{heading}</p>\n'
            f'  <ul style="margin:0 0 16px;padding-left:24px">\n{items}\n  </ul>\n'
            f'  <p style="margin:0 0 16px">{html.escape(announcement.takes_effect)} '
            f"{_a(address(base, announcement), 'Read version ' + announcement.version)}"
            f"{every}.</p>\n"
            f'  <p style="margin:0">Questions: ask {html.escape(announcement.contact)}.</p>\n'
            "</div>\n")


def staff_text(announcement: Announcement, base: str) -> str:
    wrap = textwrap.TextWrapper(width=72, break_long_words=False, break_on_hyphens=False)
    heading = "Where to start:" if announcement.first else "The main changes:"
    lines = [announcement.title, "", *wrap.wrap(announcement.lead), "", heading]
    for item in announcement.highlights:
        lines += wrap.wrap(f"- {item.words}: {address(base, announcement, item)}")
    lines += ["", *wrap.wrap(f"{announcement.takes_effect} Read version "
                             f"{announcement.version}: {address(base, announcement)}"),
              *([] if announcement.first else
                wrap.wrap(f"Every change: {address(base, announcement, page='changes')}")),
              "", *wrap.wrap(f"Questions: ask {announcement.contact}.")]
    return "\n".join(lines) + "\n"


def residents_html(announcement: Announcement, base: str) -> str:
    notice = announcement.residents
    items = "\n".join(f'    <li style="margin:0 0 8px">{html.escape(item.words)}</li>'
                      for item in notice.changes)
    return (f'<div style="{_TEXT};max-width:640px">\n'
            f'  <h2 style="{_HEADING}">Our house rules have changed</h2>\n'
            f'  <p style="margin:0 0 16px">{html.escape(notice.lead)}</p>\n'
            f'  <ul style="margin:0 0 16px;padding-left:24px">\n{items}\n  </ul>\n'
            "</div>\n")


def residents_text(announcement: Announcement) -> str:
    notice = announcement.residents
    wrap = textwrap.TextWrapper(width=72, break_long_words=False, break_on_hyphens=False)
    lines = ["Our house rules have changed", "", *wrap.wrap(notice.lead), ""]
    for item in notice.changes:
        lines += wrap.wrap(f"- {item.words}")
    return "\n".join(lines) + "\n"


def write_announcement(announcement: Announcement, folder: Path, base: str) -> Written:
    """Write the staff item (and the residents' item, if any) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    text = staff_text(announcement, base)
    parts = {"staff.html": staff_html(announcement, base), "staff.txt": text}
    if announcement.residents is not None:
        parts["residents.html"] = residents_html(announcement, base)
        parts["residents.txt"] = residents_text(announcement)
    files = []
    for name, content in parts.items():
        (folder / name).write_text(content, encoding="utf-8")
        files.append(folder / name)
    return Written(files, text)


def plain_english(announcement: Announcement, settings) -> str | None:
    """What the plain-English gate says of the staff item (as every page is judged: reading
    ease and long sentences, library.yml's settings), or None if it passes."""
    from ..site.plain_english import report

    found = report("the announcement", f"<article>{staff_html(announcement, '')}</article>",
                   settings)
    return found.describe() if found is not None and found.problems else None


class NotAnnounced(Exception):
    """Why an announcement cannot be written, in words for the person asking."""


def announcement_of(project: Path, policy, version: str | None) -> Announcement:
    """The announcement of `version` of `policy` (its current sources' version if None):
    the version as published (its git tag) or as the sources hold it, against the newest
    version published before it."""
    from ..domain.announce import announce
    from ..domain.published import policy_at, tagged_versions
    from ..domain.versions import version_key
    from ..site.mkdocs import site_wording

    published = tagged_versions(project).get(policy.slug, ())
    version = version or policy.meta.version
    if version in published:
        announced = policy_at(project, policy.slug, version)
    elif version == policy.meta.version:
        announced = policy
    else:
        raise NotAnnounced(
            f"Version {version} of the {policy.meta.title} is neither published nor the "
            f"version in the sources ({policy.meta.version}). Published versions: "
            f"{', '.join(published) or 'none yet'}.")
    if announced.meta.status not in ("in force", "withdrawn"):
        raise NotAnnounced(
            f"Version {version} of the {policy.meta.title} is {announced.meta.status}: only a "
            "version in force (or a withdrawal) is announced. Record it with 'make release'.")
    earlier = [number for number in published if version_key(number) < version_key(version)]
    previous = policy_at(project, policy.slug, earlier[-1]) if earlier else None
    return announce(announced, previous, site_wording(project))
