"""Reading YAML and front matter: values stay as written, lines are remembered."""

from pathlib import Path

import pytest

from policy_guide.domain.errors import SourceError
from policy_guide.domain.sourcefiles import line_for, parse_yaml, read_markdown

HERE = Path("example.yml")


def test_version_numbers_stay_as_written():
    data = parse_yaml('- version: 1.10\n- version: "2.0"\n', HERE)
    assert [entry["version"] for entry in data] == ["1.10", "2.0"]


def test_words_like_no_and_yes_stay_words():
    data = parse_yaml("answer: no\nother: yes\nblank:\n", HERE)
    assert data == {"answer": "no", "other": "yes", "blank": None}


def test_each_key_remembers_its_line():
    data = parse_yaml("rules:\n  - id: A-01\n    text: one\n  - id: A-02\n    text: two\n", HERE)
    assert line_for(data, ("rules", 1, "text")) == 5
    assert line_for(data, ("rules", 1, "missing_field")) == 4


def test_front_matter_lines_count_from_the_top_of_the_file(tmp_path):
    path = tmp_path / "page.md"
    path.write_text("---\ntitle: A\nversion: x\n---\n\nBody text\n", encoding="utf-8")
    source = read_markdown(path)
    assert line_for(source.meta, ("version",)) == 3
    assert source.body_line == 5
    assert source.body.strip() == "Body text"


def test_unclosed_front_matter_is_explained(tmp_path):
    path = tmp_path / "page.md"
    path.write_text("---\ntitle: A\n\nBody text\n", encoding="utf-8")
    with pytest.raises(SourceError, match="never closed"):
        read_markdown(path)


def test_a_file_saved_by_windows_notepad_reads_exactly_as_without_it(project):
    """A byte-order mark at the start and Windows line endings change nothing."""
    from policy_guide.domain.loader import load_library

    before = load_library(project.path("policy_source"))
    for name in ("policy.md", "history.yml", "rules.yml", "faqs.md", "eia.md"):
        path = project.path(f"policy_source/social-media/{name}")
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    settings = project.path("policy_source/library.yml")
    settings.write_bytes(b"\xef\xbb\xbf" + settings.read_bytes().replace(b"\n", b"\r\n"))
    assert load_library(project.path("policy_source")) == before


@pytest.mark.parametrize("linked", ["file", "folder"])
def test_a_symbolic_link_is_refused_without_reading_what_it_points_to(project, tmp_path,
                                                                      linked):
    from policy_guide.domain.loader import load_library

    outside = tmp_path / "outside"
    outside.mkdir()
    folder = project.path("policy_source/social-media")
    if linked == "file":
        target = outside / "faqs.md"
        (folder / "faqs.md").rename(target)
        (folder / "faqs.md").symlink_to(target)
        named = "policy_source/social-media/faqs.md"
    else:
        target = outside / "social-media"
        folder.rename(target)
        folder.symlink_to(target, target_is_directory=True)
        named = "policy_source/social-media"
    with pytest.raises(SourceError) as caught:
        load_library(project.path("policy_source"))
    message = str(caught.value)
    assert message.startswith(f"{named}:") and "symbolic link" in message
    assert str(tmp_path) not in message
