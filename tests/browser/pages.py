"""The ways a reader sees the site, and the list of pages every browser check covers."""

from __future__ import annotations

from dataclasses import dataclass

from conftest import docs_page_sources
from policy_guide.site.layout import CURRENT, POLICY_PAGES, page_url
from publishing.library import FLEXIBLE, LONE, SOCIAL


@dataclass(frozen=True)
class Viewing:
    """How a reader sees the site: colour scheme and screen size."""

    name: str
    scheme: str
    width: int
    height: int
    phone: bool = False

    def context_options(self) -> dict:
        """Playwright's settings for this reader. Motion is reduced, as many readers ask their
        device to do: checks then see each page as it comes to rest, not part-way through a
        fade (the guide's CSS turns transitions off for them)."""
        options = {"color_scheme": self.scheme, "reduced_motion": "reduce",
                   "viewport": {"width": self.width, "height": self.height}}
        if self.phone:
            options.update(is_mobile=True, has_touch=True, device_scale_factor=2)
        return options


LIGHT = Viewing("light", "light", 1280, 900)
DARK = Viewing("dark", "dark", 1280, 900)
PHONE = Viewing("phone", "light", 390, 844, phone=True)
PHONE_DARK = Viewing("phone-dark", "dark", 390, 844, phone=True)


def library_pages() -> list[str]:
    """The library's own pages, as their addresses ('' is the library home)."""
    return [page_url(source.as_posix()) for source in docs_page_sources()]  # the same in a preview


def policy_pages(slug: str, version: str = CURRENT) -> list[str]:
    """Every page of one published version of a policy of the published test library."""
    has_residents = slug == SOCIAL  # the scaffolded policies have rules for staff only
    return [f"{slug}/{version}/{page_url(page.name)}" for page in POLICY_PAGES
            if has_residents or not page.residents_only]


def published_pages() -> list[str]:
    """Every page a reader can open in the published test library, as it stands today."""
    return [*library_pages(), *(page for slug in (SOCIAL, FLEXIBLE, LONE)
                                for page in policy_pages(slug))]
