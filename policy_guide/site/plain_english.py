"""Plain English: how readable each built page is, and which sentences make it hard.

Reads a page's main text as staff see it (the HTML MkDocs wrote), splits it into sentences
and scores it with textstat's Flesch reading ease (0 to 100; higher is easier). Thresholds
come from policy_source/library.yml ('plain_english').
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import textstat
from bs4 import BeautifulSoup

from ..domain.models import PlainEnglishSettings

#: Blocks of running text. Headings, tables of facts, code and page furniture are left out:
#: they are labels, not sentences.
TEXT_BLOCKS = "p, li, dd, td"
LEFT_OUT = ".policy-summary, .policy-page-facts, .headerlink, pre, .faq-index"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'‘“(])")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
#: Fewer words than this is a label or a fragment, not a sentence to judge.
MIN_WORDS = 4

textstat.set_lang("en_GB")


@dataclass(frozen=True)
class Sentence:
    text: str
    words: int
    reading_ease: float


@dataclass(frozen=True)
class PageReport:
    page: str  # the page's address in the site, such as social-media/faqs/
    reading_ease: float
    sentences: tuple[Sentence, ...]
    settings: PlainEnglishSettings

    @property
    def long(self) -> list[Sentence]:
        return [s for s in self.sentences if s.words > self.settings.long_sentence_words]

    @property
    def hardest(self) -> list[Sentence]:
        ranked = sorted(self.sentences, key=lambda sentence: sentence.reading_ease)
        return ranked[:self.settings.hardest_sentences_shown]

    @property
    def problems(self) -> list[str]:
        found = []
        if self.reading_ease < self.settings.min_reading_ease:
            found.append(f"reading ease {self.reading_ease:.0f} is below the minimum of "
                         f"{self.settings.min_reading_ease:.0f}")
        if len(self.long) > self.settings.max_long_sentences:
            found.append(f"{len(self.long)} sentences are longer than "
                         f"{self.settings.long_sentence_words} words (at most "
                         f"{self.settings.max_long_sentences} allowed)")
        return found

    def describe(self) -> str:
        verdict = "; ".join(self.problems) or "meets the plain English settings"
        lines = [f"{self.page}: reading ease {self.reading_ease:.0f}, {len(self.sentences)} "
                 f"sentences: {verdict}."]
        if self.problems:
            lines.append("  Hardest sentences (shorten them, or use shorter words):")
            lines += [f"    [{s.reading_ease:.0f}] {s.text}" for s in self.hardest]
        if self.long:
            lines.append(f"  Longer than {self.settings.long_sentence_words} words:")
            lines += [f"    [{s.words} words] {s.text}" for s in self.long]
        return "\n".join(lines)


def sentences_in(html: str) -> list[str]:
    """The sentences of a page's main text."""
    article = BeautifulSoup(html, "html.parser").select_one("article")
    if article is None:
        return []
    for left_out in article.select(LEFT_OUT):
        left_out.decompose()
    found = []
    for block in article.select(TEXT_BLOCKS):
        if block.select_one(TEXT_BLOCKS):  # a list inside a list item: read the inner one
            continue
        text = " ".join(block.get_text(" ").split())
        found += [part for part in _SENTENCE_END.split(text)
                  if len(_WORD.findall(part)) >= MIN_WORDS]
    return found


def score(sentence: str) -> Sentence:
    return Sentence(sentence, len(_WORD.findall(sentence)),
                    textstat.flesch_reading_ease(sentence))


def report(page: str, html: str, settings: PlainEnglishSettings) -> PageReport | None:
    """How readable one page is; None for a page with no running text."""
    sentences = sentences_in(html)
    if not sentences:
        return None
    return PageReport(page, textstat.flesch_reading_ease(" ".join(sentences)),
                      tuple(score(sentence) for sentence in sentences), settings)


def site_reports(site: Path, settings: PlainEnglishSettings) -> list[PageReport]:
    """A report for every page of a built site, in address order."""
    reports = []
    for path in sorted(site.rglob("index.html")):
        page = path.parent.relative_to(site).as_posix()
        found = report("" if page == "." else f"{page}/", path.read_text(encoding="utf-8"),
                       settings)
        if found is not None:
            reports.append(found)
    return reports
