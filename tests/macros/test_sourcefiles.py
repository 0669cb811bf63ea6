"""Reading YAML and front matter: values stay as written, lines are remembered."""

from pathlib import Path

import pytest

from policy_library.errors import SourceError
from policy_library.sourcefiles import line_for, parse_yaml, read_markdown

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
