"""Questions and answers: an index of questions, then each answer under its question."""

from __future__ import annotations

from ...domain.models import Faqs
from .common import plain


#: How much more a question's own words count in search than the answer's (Pagefind's
#: weights run from 0 to 10; headings start at 7 for h1 and 6 for h2 (Pagefind's defaults).
QUESTION_WEIGHT = 10


def render_faqs(faqs: Faqs) -> str:
    index = "\n".join(f"- [{plain(faq.question)}](#{faq.anchor})" for faq in faqs.items)
    answers = "\n\n".join(
        f"## {plain(faq.question)} "
        f"{{ #{faq.anchor} data-pagefind-weight=\"{QUESTION_WEIGHT}\" }}"
        f"\n\n{faq.answer}" for faq in faqs.items
    )
    # The index repeats every question: search should find each question where it is
    # answered, not in the list at the top.
    return (f"{plain(faqs.meta.intro)}\n\n"
            f'<nav class="faq-index" aria-label="Questions on this page" data-pagefind-ignore '
            f'markdown>\n\n'
            f"{index}\n\n</nav>\n\n{answers}\n")
