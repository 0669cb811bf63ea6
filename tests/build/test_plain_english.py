"""Plain English: every page of the guide, and of a new policy, meets library.yml's limits."""

from conftest import preview_pages
from policy_guide.domain.models import PlainEnglishSettings
from policy_guide.site.plain_english import report, sentences_in, site_reports


def test_every_page_meets_the_plain_english_settings(built):
    reports = site_reports(built.site, built.library.settings.plain_english)
    pages = {r.page for r in reports}
    assert f"{built.policy.slug}/policy/" in pages and f"{built.policy.slug}/faqs/" in pages
    failing = [r.describe() for r in reports if r.problems]
    assert not failing, "\n\n".join(failing)


def test_every_page_of_the_guide_is_scored(site, library):
    scored = {r.page for r in site_reports(site, library.settings.plain_english)}
    unscored = [url or "(home page)" for url in preview_pages(library) if url not in scored]
    assert not unscored, f"the check found no text to read on {unscored}"


SETTINGS = PlainEnglishSettings(min_reading_ease=50, long_sentence_words=20,
                                max_long_sentences=0, hardest_sentences_shown=2)
HARD = ("Notwithstanding organisational considerations, employees' utilisation of "
        "communication technologies necessitates consideration of institutional "
        "reputational implications.")
LONG = ("You can post about your work when it is public, when your manager agrees, when it "
        "names no resident, and when it says nothing about cases.")


def page_of(*paragraphs):
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (f"<html><body><article><h1>Title</h1>{body}"
            "<aside class='policy-page-facts'><p>Next review due: soon and later.</p></aside>"
            "</article></body></html>")


def test_a_hard_page_fails_and_names_its_hardest_sentence():
    found = report("x/", page_of("Keep it short.", HARD, "Ask your manager first."), SETTINGS)
    assert any("reading ease" in problem for problem in found.problems)
    assert found.hardest[0].text == HARD
    assert HARD in found.describe()


def test_a_sentence_over_the_length_limit_is_listed():
    found = report("x/", page_of("Ask your manager first. Keep posts kind.", LONG), SETTINGS)
    assert [s.text for s in found.long] == [LONG]
    assert "longer than 20 words" in found.problems[0]
    assert f"[{found.long[0].words} words] {LONG}" in found.describe()


def test_an_easy_page_passes():
    easy = page_of("Ask your manager first. Keep posts kind and short.")
    assert report("x/", easy, SETTINGS).problems == []


def test_page_furniture_and_fragments_are_not_scored():
    assert sentences_in(page_of("Yes.", "Read the policy before you post.")) == [
        "Read the policy before you post."]
