"""The ways a reader sees the site, and the list of pages every browser check covers."""

from __future__ import annotations

from dataclasses import dataclass

from conftest import docs_page_sources


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
PHONE = Viewing("phone", "light", 375, 740, phone=True)
PHONE_DARK = Viewing("phone-dark", "dark", 375, 740, phone=True)


def docs_pages() -> list[str]:
    """Every page of the guide, as its address inside a version ('' is the home page)."""
    pages = []
    for source in docs_page_sources():
        relative = source.with_suffix("")
        parts = relative.parts[:-1] if relative.name == "index" else relative.parts
        pages.append("".join(f"{part}/" for part in parts))
    return pages
