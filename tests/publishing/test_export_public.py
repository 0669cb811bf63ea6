"""`make export-public`: the residents' house rules as a small site for the public website,
from the published library of three policies (tests/publishing/library.py). Only the Social Media
Policy has rules for residents; its version in force is 1.1."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from policy_guide.tools.linkcheck import broken_links
from publishing.library import SOCIAL

POLICY = f"policy_source/{SOCIAL}"


def page(folder, address: str) -> BeautifulSoup:
    return BeautifulSoup((folder / address / "index.html").read_text(encoding="utf-8"),
                         "html.parser")


def rules_at(published, version: str, audience: str) -> list[str]:
    """The rule texts of one audience in a published version, as rules.yml holds them."""
    import yaml

    book = yaml.safe_load(published.repo.git("show", f"{SOCIAL}/{version}:{POLICY}/rules.yml"))
    contexts = {context["id"] for context in book["contexts"]
                if context["audience"] == audience}
    return [rule["text"] for rule in book["rules"] if rule["context"] in contexts]


def text_of(soup: BeautifulSoup) -> str:
    return " ".join(soup.get_text(" ").split())


def test_it_holds_the_house_rules_of_the_version_in_force_and_nothing_for_staff(published):
    public = published.public
    rules = text_of(page(public, f"{SOCIAL}/"))
    for text in rules_at(published, "1.1", "residents"):
        assert " ".join(text.split()) in rules
    for text in rules_at(published, "1.1", "staff"):
        assert " ".join(text.split()) not in rules, f"a staff rule went public: {text}"
    assert "version 1.1" in rules
    assert "If your post was removed" in rules
    # Policies without rules for residents have no page.
    assert sorted(path.parent.name for path in public.glob("*/index.html")) == [SOCIAL]
    assert json.loads((public / "house-rules.json").read_text())["policies"] == {SOCIAL: "1.1"}


def test_the_home_lists_each_policy_with_house_rules(published):
    home = page(published.public, "")
    links = {a.get_text(strip=True): a["href"] for a in home.select("main a")}
    assert links == {"Social Media Policy": f"{SOCIAL}/"}


def test_nothing_links_into_the_intranet_or_loads_from_elsewhere(published):
    public = published.public
    for path in public.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select("[href], [src]"):
            address = tag.get("href") or tag.get("src")
            assert ":" not in address and not address.startswith("/"), (path, address)
        assert not soup.select("script, link[rel=stylesheet], iframe, img")
    assert broken_links([public], public) == []
    # The same words as the guide's house rules page, without its links to the policy.
    guide = page(published.exported, f"{SOCIAL}/current/house-rules")
    assert guide.select("article a[href*='policy/']")
    assert "welcomes comments, questions and views" in text_of(page(public, f"{SOCIAL}/"))


def test_it_refuses_a_folder_of_other_files_and_a_library_with_nothing_published(
        published, tmp_path):
    other = tmp_path / "website"
    other.mkdir()
    (other / "index.html").write_text("the council's home page", encoding="utf-8")
    result = published.repo.command("export-public", str(other))
    assert result.returncode == 1
    assert "not an earlier export of the house rules" in result.stderr
    assert (other / "index.html").read_text(encoding="utf-8") == "the council's home page"

    result = published.repo.command("export-public", str(tmp_path / "out"), "--branch",
                                   "never-published")
    assert result.returncode == 1
    assert "Nothing has been published yet" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()
