"""The macros pages call.

`SiteMacros` is an ordinary class so it can be tested without MkDocs: give it what a build
knows (site/state.py's BuildState) and a function returning the current page's path in
docs/.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Any, Callable

from ...domain.errors import quoted_list, suggestion
from ...domain.models import AccessibilitySettings, Policy
from ...domain.published import Publication
from ...domain.published import tagged_versions
from ...domain.references import referring_to
from ...domain.versions import CONSULTATION
from ..layout import COMPARE_FOLDER, CURRENT, PRINTED_PAGES, page_spec, page_url, pdf_name
from ..render import accessibility as render_accessibility
from ..render import (changes, checklists, eia, faqs, glossary, history, home, inforce,
                      on_a_date, references, standing, summary)
from ...domain.dates import long_date
from ..render.common import PageLinks, VersionLinks, escape
from ..state import BuildState


class PageError(SystemExit):
    """A mistake in how a page in docs/ calls a macro, such as an unknown rule context.

    It is a SystemExit, not an Exception, on purpose: mkdocs-macros catches every Exception
    a macro raises and prints it with a Python traceback. A SystemExit passes through it and
    MkDocs, stops the build, and Python prints just the message.
    """

    def __init__(self, page: str, problem: str, fix: str):
        super().__init__(f"docs/{page}:\n  {problem}\n  How to fix: {fix}")



class SiteMacros:
    """The macros, over what the build knows (site/state.py) and the page being rendered
    (`current_page`, a function giving its path in docs/)."""

    def __init__(self, state: BuildState, current_page: Callable[[], str]):
        self.state = state
        self.current_page = current_page
        self.library = state.library
        self.layout = state.layout
        self.today = state.today
        self.reviews = state.reviews
        self.publications = state.publications
        self.published = state.published
        self.test_run = state.test_run

    # -- resolving which policy a page means ------------------------------------------------

    def policy_for_page(self, src_uri: str) -> Policy | None:
        """The policy whose pages include this one, if any."""
        if self.layout.is_policy:
            return self.library.policies[self.layout.part]
        return self.library.policies.get(src_uri.split("/", 1)[0])

    def _where(self) -> str:
        """The file in docs/ to name in a message about the current page: a policy's pages
        are generated from the shared bodies in docs/includes/policy/."""
        page = self.current_page()
        found = self.policy_for_page(page)
        if found is None:
            return page
        name = page.removeprefix(self.layout.policy_folder(found.slug))
        return f"{page_spec(name).body_in_docs} (on the {found.meta.title}'s pages)"

    def _policy(self, policy: str | None) -> Policy:
        if policy is None:
            found = self.policy_for_page(self.current_page())
            if found is None:
                raise PageError(
                    self._where(), "This page is one of the library's own pages, not one "
                    "of a policy's, so the macro cannot tell which policy it is about.",
                    "Name the policy, for example policy_summary('social-media').")
            return found
        if policy not in self.library.policies:
            raise PageError(
                self._where(),
                f"There is no policy '{policy}'.{suggestion(policy, self.library.policies)}",
                f"Use one of the policy folder names: {quoted_list(self.library.policies)}.")
        return self.library.policies[policy]

    def _links(self, policy: Policy) -> PageLinks:
        return PageLinks(policy, self.current_page(), self.layout.policy_folder(policy.slug))

    def _versions(self, policy: Policy) -> tuple[Publication, PageLinks, VersionLinks]:
        """What has been published of the policy, and links to this and other versions."""
        publication = self.publications.get(policy.slug, Publication())
        return (publication, self._links(policy),
                VersionLinks(self.current_page(), published_site=self.layout.is_policy,
                             climb=int(self.layout.consultation),
                             drafts=frozenset(publication.consultations)))

    # -- macros -----------------------------------------------------------------------------

    def policy(self, policy: str | None = None) -> Policy:
        """The policy's model, for pages that place single facts: {{ policy().meta.title }}."""
        return self._policy(policy)

    @property
    def published_on(self) -> dt.date | None:
        """The day a published version's build makes it (make publish builds each version
        once, as of that day); None in a preview of the sources."""
        return self.today if self.layout.is_policy else None

    def policy_summary(self, policy: str | None = None) -> str:
        found = self._policy(policy)
        return summary.render_summary(self.reviews[found.slug], self._links(found),
                                      self.published_on)

    def policy_table(self) -> str:
        """The library home's table of every policy: category, version, status, owner and
        next review, with filters by category and status."""
        return home.render_table(self._listed(), self.library.settings.categories)

    def open_consultations(self) -> str:
        """On the library home: the drafts out for consultation, apart from the policies in
        force (none in a preview, which has published nothing)."""
        here = page_url(self.current_page())
        drafts = [(self.library.policies[slug].meta.title, draft,
                   self.layout.library_url(here, f"{slug}/{CONSULTATION}/{draft.version}/"))
                  for slug, draft in self.published.open_consultations(self.today)
                  if slug in self.library.policies]
        return home.render_consultations(drafts)

    def policies_on_a_date(self) -> str:
        """The table (and data for the date box) of which version of each policy applied
        when."""
        return on_a_date.render_on_a_date(self._listed())

    def library_link(self, target: str, text: str) -> str:
        """A link from any page to one of the library's own pages ('glossary/', '' for the
        home), which sit outside a published policy's folder."""
        href = self.layout.library_url(page_url(self.current_page()), target)
        return f'<a href="{escape(href)}">{escape(text)}</a>'

    def _listed(self) -> list[home.Listed]:
        """Each policy the home lists, with the address of its pages from this page."""
        here = page_url(self.current_page())
        listed = []
        for slug, review in self.reviews.items():
            record = self.published.policies.get(slug)
            if self.published.policies and record is None:
                continue  # never published: the published home leaves it out
            listed.append(home.Listed(review, record,
                                      self.layout.library_url(here, f"{slug}/"), self.today,
                                      self.library.settings.review.warning_days))
        return listed

    def glossary(self) -> str:
        return glossary.render_glossary(self.library.glossary)

    def policy_text(self, policy: str | None = None) -> str:
        return references.with_references(self._policy(policy).body, self.library.known(),
                                          self._other_policy_url)

    @cached_property
    def _ever_published(self) -> set[str]:
        """The policies with a published version (a git tag), for a published build."""
        return set(tagged_versions(self.state.project))

    def referred_by(self, policy: str | None = None) -> str:
        """The policies that refer to this one (as the sources are, or, in a published
        version, as they were when it was published)."""
        found = self._policy(policy)
        known = self.library.known()
        return references.referred_by(referring_to(found.slug, known.values()), known,
                                      self._other_policy_url, lasting=self.layout.is_policy)

    def _other_policy_url(self, slug: str, anchor: str | None,
                          page: str = "policy") -> str | None:
        """Another policy's page, in its version in force when this build is a published
        version (<policy>/current/), or as previewed (<policy>/) in a build of the library.
        None in a published version for a policy never published (no current/ to lead to)."""
        if self.layout.is_policy and slug not in self._ever_published:
            return None
        folder = f"{slug}/{CURRENT}/" if self.layout.is_policy else f"{slug}/"
        target = folder if page == "policy" and anchor is None else f"{folder}{page}/"
        href = self.layout.library_url(page_url(self.current_page()), target)
        return href + (f"#{anchor}" if anchor else "")

    def checklist(self, context: str | None = None, policy: str | None = None) -> str:
        found = self._policy(policy)
        if context is not None and context not in {c.key for c in found.rules.contexts}:
            known = [c.key for c in found.rules.contexts]
            raise PageError(
                self._where(),
                f"There is no rule context '{context}'.{suggestion(context, known)}",
                f"Use one of the contexts in rules.yml: {quoted_list(known)}.")
        return checklists.render_checklists(
            found, self._links(found), checklists.contexts_for(found, context_key=context))

    def quick_card(self, policy: str | None = None) -> str:
        found = self._policy(policy)
        return checklists.render_checklists(
            found, self._links(found), checklists.contexts_for(found),
            css_class="checklist checklist--card")

    def house_rules(self, policy: str | None = None) -> str:
        found = self._policy(policy)
        return checklists.render_checklists(
            found, self._links(found), checklists.contexts_for(found, audience="residents"))

    def faq_list(self, policy: str | None = None) -> str:
        return references.with_references(faqs.render_faqs(self._policy(policy).faqs),
                                          self.library.known(), self._other_policy_url)

    def eia_outcome(self, policy: str | None = None) -> str:
        return eia.render_outcome(self._policy(policy).eia.meta)

    def eia_consulted(self, policy: str | None = None) -> str:
        return eia.render_consulted(self._policy(policy).eia.meta)

    def eia_table(self, policy: str | None = None) -> str:
        return eia.render_table(self._policy(policy).eia.meta)

    def eia_text(self, policy: str | None = None) -> str:
        return self._policy(policy).eia.body

    def version_history(self, policy: str | None = None) -> str:
        found = self._policy(policy)
        return history.render_history(found, *self._versions(found))

    def what_changed(self, policy: str | None = None) -> str:
        found = self._policy(policy)
        return changes.render_changes(found, *self._versions(found), self.state.wording)

    def pdf_download(self, printed: str) -> str:
        """On a published version, a link to this page as printed to PDF when the version was
        published (`make publish` prints them beside its pages). A preview has none."""
        found = self._policy(None)
        names = [name for _, name in PRINTED_PAGES]
        if printed not in names:
            raise PageError(self._where(), f"There is no printed page '{printed}'.",
                            f"Use one of {quoted_list(names)}.")
        if not self.layout.is_policy:
            return ""
        depth = len([part for part in page_url(self.current_page()).split("/") if part])
        href = "../" * depth + pdf_name(found.slug, printed, found.meta.version)
        what = "policy" if printed == "policy" else "quick card"
        return (f'<p class="pdf-download screen-only"><a href="{escape(href)}">'
                f"Download version {escape(found.meta.version)} of the {what} as a PDF</a> "
                "to print or keep. A printed copy is not updated: check here for the "
                "version in force.</p>")

    def compared_with(self) -> str:
        """On a comparison page (compare/1.0.md), the earlier version it compares with."""
        found = self._policy(None)
        name = self.current_page().removeprefix(self.layout.policy_folder(found.slug))
        if not name.startswith(f"{COMPARE_FOLDER}/"):
            raise PageError(self._where(), "This macro only works on a page comparing two "
                            "versions (docs/includes/policy/compare.md).",
                            "Use what_changed() on other pages.")
        return name.removeprefix(f"{COMPARE_FOLDER}/").removesuffix(".md")

    def comparison(self) -> str:
        """This version compared with the earlier one the comparison page is for."""
        found = self._policy(None)
        return changes.render_changes(found, *self._versions(found), self.state.wording,
                                      against=self.compared_with())

    def in_force_table(self, policy: str | None = None) -> str:
        found = self._policy(policy)
        return inforce.render_in_force(found, *self._versions(found), self.published_on)

    def later_versions(self, policy: str | None = None) -> str:
        """On a published version, where the versions published since are (its reader's
        browser lists them); nothing in a preview, which shows the sources as they are."""
        found = self._policy(policy)
        if self.published_on is None:
            return ""
        return standing.later_versions(found.meta.title, self._versions(found)[2].policy_root(),
                                       self.published_on)

    def clause(self, anchor: str, policy: str | None = None, title: bool = True) -> str:
        """A link to a clause or section by its anchor: [clause 6.2 Saying where you work](...)."""
        found = self._policy(policy)
        if anchor not in found.anchors:
            raise PageError(
                self._where(),
                f"The policy has no clause '#{anchor}'.{suggestion(anchor, found.anchors)}",
                "Use the anchor in {#...} at the end of the clause heading in policy.md.")
        return self._links(found).clause_markdown(anchor, with_title=title)

    def format_date(self, day: dt.date) -> str:
        return long_date(day)

    # -- the accessibility statement ----------------------------------------------------------

    def accessibility(self) -> AccessibilitySettings:
        """What library.yml says for the statement: {{ accessibility().contact }}."""
        return self.library.settings.accessibility

    def accessibility_compliance(self) -> str:
        return render_accessibility.compliance(self.library.settings.accessibility,
                                               self.test_run)

    def accessibility_testing(self) -> str:
        return render_accessibility.testing(self.test_run)

    def macros(self) -> dict[str, Callable[..., Any]]:
        """Name -> function, as registered with mkdocs-macros."""
        names = ("policy", "policy_summary", "policy_table", "policies_on_a_date",
                 "library_link", "glossary", "policy_text", "referred_by",
                 "open_consultations",
                 "checklist", "quick_card", "house_rules", "faq_list", "eia_outcome",
                 "eia_consulted", "eia_table",
                 "eia_text", "version_history", "what_changed", "compared_with", "comparison",
                 "pdf_download", "in_force_table", "later_versions", "clause",
                 "format_date", "accessibility", "accessibility_compliance",
                 "accessibility_testing")
        return {name: getattr(self, name) for name in names}
