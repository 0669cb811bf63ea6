"""The build's menu: mkdocs.yml's menu holds the library's own pages; each policy's pages
come from here, so adding a policy needs no change to mkdocs.yml."""

from __future__ import annotations

from html import escape

from ..domain.models import Library, Policy
from .layout import ALL, Layout, pages_of


def policy_menu(policy: Policy, layout: Layout) -> list:
    folder = layout.policy_folder(policy.slug)
    entries: list = []
    for page in pages_of(policy):
        path = f"{folder}{page.name}"
        entries.append(path if page.menu_title is None else {page.menu_title: path})
    return entries


def menu(configured: list, library: Library, layout: Layout) -> list:
    """The menu of a build: one policy's pages, or the library's own pages (when this build
    makes them) with every policy it builds after Home, by title."""
    if layout.is_policy:
        return policy_menu(library.policies[layout.part], layout)
    nav = [entry for entry in configured if layout.builds_library_pages]
    if layout.part == ALL:
        policies = sorted((policy for slug, policy in library.policies.items()
                           if layout.builds_policy(slug)), key=lambda policy: policy.meta.title)
        at = 1 if nav else 0  # after Home
        # Menu titles are HTML in the theme's templates (as MkDocs makes a page's title from
        # its heading), so a policy's title, which is plain text, is escaped for them.
        nav[at:at] = [{escape(policy.meta.title): policy_menu(policy, layout)}
                      for policy in policies]
    return nav
