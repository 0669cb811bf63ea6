"""Questions and answers: an index of questions, then each answer under its question."""

from __future__ import annotations

from policy_library.models import Faqs


def render_faqs(faqs: Faqs) -> str:
    index = "\n".join(f"- [{faq.question}](#{faq.anchor})" for faq in faqs.items)
    answers = "\n\n".join(
        f"## {faq.question} {{ #{faq.anchor} }}\n\n{faq.answer}" for faq in faqs.items
    )
    return (f"{' '.join(faqs.meta.intro.split())}\n\n"
            f'<nav class="faq-index" aria-label="Questions on this page" markdown>\n\n'
            f"{index}\n\n</nav>\n\n{answers}\n")
