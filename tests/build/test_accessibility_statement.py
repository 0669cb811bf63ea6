"""The accessibility statement: linked from the foot of every page, with its facts taken from
library.yml and from the record of the last passing test run, never typed twice."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from policy_guide.site.accessibility import AccessibilityRun, read_test_run, write_test_run


def text_of(site, url: str) -> str:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    return " ".join(BeautifulSoup(html, "html.parser").select_one("article").get_text(" ").split())


def test_every_page_links_to_the_statement_from_its_foot(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        if path.parts[len(site.parts)] == "pagefind":
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        link = soup.select_one("footer .library-footer-links a")
        assert link is not None and link.get_text(strip=True) == "Accessibility statement", path
        if path.name == "404.html":
            continue  # its links are written from the top of the site, where it is served
        target = (path.parent / link["href"]).resolve() / "index.html"
        assert target == (site / "accessibility" / "index.html").resolve(), path


def test_the_statement_has_what_the_regulations_require(site, library):
    text = text_of(site, "accessibility")
    settings = library.settings.accessibility
    for required in ("This statement is about", "How accessible this guide is",
                     "Asking for a policy in another format", "Telling us about a problem",
                     "Enforcement procedure", "Equality Advisory and Support Service",
                     "How we tested this guide", "Preparing this statement"):
        assert required in text
    assert f"fully compliant with the {settings.standard}" in text
    assert f"ask {settings.contact}" in text
    assert f"within {settings.reply_within_working_days} working days" in text
    assert f"prepared on {settings.prepared.day} {settings.prepared:%B %Y}" in text


def test_its_facts_come_from_library_yml(project, tmp_path, passing_record):
    project.replace("policy_source/library.yml", "compliance: fully compliant\n  known_issues: []",
                    "compliance: partially compliant\n  known_issues:\n"
                    "    - problem: The quick card's table has no header row.\n"
                    "      criterion: 1.3.1 Info and Relationships\n"
                    "      plan: It will be given one by March.\n")
    project.replace("policy_source/library.yml", "contact: Human Resources",
                    "contact: Digital Services")
    result = project.build(tmp_path / "site", passing_record)
    assert result.returncode == 0, result.stdout + result.stderr
    text = text_of(tmp_path / "site", "accessibility")
    assert "partially compliant with the WCAG 2.2 level AA standard" in text
    assert ("The quick card's table has no header row. This fails WCAG success criterion "
            "1.3.1 Info and Relationships. It will be given one by March.") in text
    assert "ask Digital Services" in text and "Human Resources" not in text


def test_it_cannot_claim_full_compliance_with_known_issues(project, tmp_path):
    project.replace("policy_source/library.yml", "known_issues: []",
                    "known_issues:\n    - problem: A chart has no text.\n"
                    "      criterion: 1.1.1 Non-text Content\n      plan: Described by May.\n")
    result = project.build(tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "library.yml" in output and "is not 'fully compliant'" in output
    assert "The details under 'accessibility' do not fit together" in output


def test_it_reports_the_last_passing_test_run(project, tmp_path, monkeypatch):
    record = tmp_path / "accessibility.json"
    write_test_run(record, AccessibilityRun(dt.date(2026, 11, 20), "abc123", 74,
                                   {"axe-core": "4.12.1", "pa11y": "9.1.1"}))
    monkeypatch.setenv("GUIDE_ACCESSIBILITY_RECORD", str(record))
    result = project.build(tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    text = text_of(tmp_path / "site", "accessibility")
    assert "last tested on 20 November 2026 (its source at commit abc123)" in text
    assert "They read 74 pages" in text
    assert "axe-core 4.12.1: checks each page" in text and "pa11y 9.1.1" in text
    assert "has not been through the automated accessibility checks" not in text


def test_without_a_test_run_it_says_so(project, tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDE_ACCESSIBILITY_RECORD", str(tmp_path / "none.json"))
    result = project.build(tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    text = text_of(tmp_path / "site", "accessibility")
    assert "has not been through the automated accessibility checks, so it makes no claim" in (
        text)
    assert "compliant" not in text  # no claim that no passing record supports


def test_a_damaged_record_stops_the_build_with_a_way_out(project, tmp_path):
    record = project.path("test-results/accessibility.json")  # where make test leaves it
    record.parent.mkdir()
    record.write_text('{"day": "not a day"}', encoding="utf-8")
    result = project.build(tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "test-results/accessibility.json is not a record of an accessibility test run" in output
    assert str(project.root) not in output
    assert "run 'make test' again" in output


def test_the_record_reads_back_as_written(tmp_path):
    run = AccessibilityRun(dt.date(2026, 1, 2), "", 3, {"pa11y": "9.1.1"})
    write_test_run(tmp_path / "a" / "record.json", run)
    assert read_test_run(tmp_path / "a" / "record.json") == run
    assert read_test_run(tmp_path / "missing.json") is None
