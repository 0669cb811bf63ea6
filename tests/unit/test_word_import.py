"""`make import`: the council's Word policies come in as drafts, with the numbers Word shows,
their structure, their document-control facts and a report, or are refused with a reason and
nothing written. Every Word file here is written as Word writes it (tests/word.py); the
built draft is tested in tests/build/test_imported_draft.py."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from conftest import Ran, command, copy_project
from policy_guide.domain.loader import load_library
from word import (CLAUSES, HEADED, SECTIONS, SUBS, hand_numbered, headings_only, long_policy,
                  never_restarting, plain_paragraphs, sentence,
                  structured)

@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The long, hand-numbered and structured policies imported into one project copy."""
    parent = tmp_path_factory.mktemp("imported")
    project = copy_project(parent / "project")
    runs = {}
    for name, make in (("flexible-working", long_policy), ("lone-working", hand_numbered),
                       ("dignity-at-work", structured)):
        runs[name] = command(project.root, "import", str(make(parent / f"{name}.docx")),
                             "--name", name)
        assert runs[name].returncode == 0, runs[name].stderr
    return project, runs, load_library(project.path("policy_source"))


def clauses(policy) -> list[tuple[str, str]]:
    return [(clause.number, clause.text) for section in policy.sections
            for clause in section.clauses]


def test_the_long_policy_has_every_number_word_shows(imported):
    project, runs, library = imported
    policy = library.policies["flexible-working"]
    word_sections = [(s.number, s.title) for s in policy.sections][:len(SECTIONS)]
    assert word_sections == list(enumerate(SECTIONS, 1))
    assert sum(CLAUSES.values()) >= 40
    expected = [f"{section}.{clause}" for section in CLAUSES
                for clause in range(1, CLAUSES[section] + 1)]
    assert [number for number, _ in clauses(policy)][:len(expected)] == expected
    for section in policy.sections[:len(SECTIONS)]:
        for clause in section.clauses:
            major, minor = clause.number.split(".")
            assert sentence(int(major), int(minor)) in clause.text.replace("\n", " ")
            if int(major) in HEADED:
                assert clause.title == f"Clause heading {major} {minor}"
            else:  # a numbered sentence: its title is its first words
                assert sentence(int(major), int(minor)).startswith(clause.title)
            subs = re.findall(r"\*\*(\d+\.\d+\.\d+)\*\*", clause.text)
            count = SUBS.get((int(major), int(minor)), 0)
            assert subs == [f"{clause.number}.{sub}" for sub in range(1, count + 1)]
    # the unnumbered heading inside section 4 stays as bold text; 4.4 follows on from 4.3
    assert "**For managers**" in dict(clauses(policy))["4.3"]


def test_anchors_are_readable_unique_and_the_required_sections_found(imported):
    project, runs, library = imported
    policy = library.policies["flexible-working"]
    anchors = [s.anchor for s in policy.sections] + [
        c.anchor for s in policy.sections for c in s.clauses]
    assert len(anchors) == len(set(anchors))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", anchor) for anchor in anchors)
    assert [s.anchor for s in policy.sections][:4] == ["purpose", "scope", "definitions",
                                                         "roles"]
    assert policy.sections[2].clauses[0].anchor == "clause-heading-3-1"
    # 'related' was not in the Word file: added at the end, for the owner to write
    added = policy.sections[-1]
    assert (added.number, added.anchor) == (9, "related")
    assert "[To write:" in added.clauses[0].text


def test_numbers_typed_by_hand_are_read_and_a_sentence_starting_with_one_is_not(imported):
    project, runs, library = imported
    policy = library.policies["lone-working"]
    assert [(s.number, s.title) for s in policy.sections][:3] == [
        (1, "Introduction"), (2, "Scope"), (3, "Roles and responsibilities")]
    found = dict(clauses(policy))
    assert list(found)[:5] == ["1.1", "1.2", "2.1", "2.2", "3.1"]
    assert found["1.1"].startswith("This policy keeps employees")  # the number is not repeated
    assert "**2.1.1** This includes visits" in found["2.1"]
    assert "3 days' notice is needed" in found["2.1"]
    assert "[paragraph 2.2](#" in found["3.1"]


def test_the_structure_inside_clauses_is_kept(imported):
    project, runs, library = imported
    policy = library.policies["dignity-at-work"]
    found = dict(clauses(policy))
    assert found["1.1"].startswith("Everyone has the right to be treated with **dignity** "
                                   "and *respect*.")
    scope = found["2.1"]
    assert "- employees\n    - those on fixed-term contracts\n- volunteers" in scope
    assert "(a) in a Council building;" in scope and "(b) at an event run" in scope
    assert "[paragraph 1.1](#" in scope
    assert re.search(r"\[\^note1\]\n*.*\[\^note1\]: Agency workers are covered", scope, re.S)
    link = found["2.2"]
    assert "Read the [ACAS guide](https://www.acas.org.uk/bullying) and clause" in link
    anchor = policy.sections[0].clauses[0].anchor
    assert f"[1.1](#{anchor})" in link
    # the merged cell: flattened, its words in the first cell
    # (merging in Word moves the words of the cells merged into the first)
    assert "| Bullying | Shouting at someone | Your manager Human Resources |" in link
    assert "| Harassment | Unwanted comments |   |" in link
    assert "(Picture: Flow chart of the three steps)" in found["2.3"]
    assert "[To write: the Word file has a picture here with no description" in found["2.4"]
    assert "Check this wording" not in policy.body  # comments are not policy
    complaints = found["2.5"]
    assert complaints.startswith("How to complain.\n\n1. Write down what happened.\n1. Tell your "
                                 "manager.")
    assert "Treat others as you would like to be treated." in complaints
    assert "Call the employee helpline at any time" in complaints  # from the text box


def report(project, name: str) -> str:
    return project.path(f"policy_source/{name}.import-report.md").read_text(encoding="utf-8")


def test_the_report_names_each_thing_to_check_with_its_word_paragraph(imported):
    project, runs, library = imported
    text = report(project, "dignity-at-work")
    assert ('Paragraph 3 ("Everyone has the right to be treated with ..."): a comment in '
            'Word: "Check this wording with the unions"') in text
    assert re.search(r"Paragraph \d+ \(.*\): table 1, just after it, had merged cells \(rows 2, 3\)",
                     text)
    assert 'a picture described as "Flow chart of the three steps"' in text
    assert re.search(r'Paragraph \d+ \("A second chart\."\): a picture with no description',
                     text)
    assert ('Paragraph 17 ("Treat others as you would like to be ..."): a text box saying '
            '"Call the employee helpline at any time"') in text
    assert "the Word style 'Quote' is not one the import knows" in text
    assert "Not in the Word file: version number, who approved it" in text
    assert "The equality impact assessment (eia.md)." in text
    # the report is beside the draft, not in it (nothing in the policy folder is published
    # unless the guide reads it)
    assert sorted(p.name for p in project.path("policy_source/dignity-at-work").iterdir()) == [
        "eia.md", "faqs.md", "history.yml", "policy.md", "rules.yml"]


def test_document_control_fills_the_details_and_the_first_history_entry(imported):
    project, runs, library = imported
    policy = library.policies["flexible-working"]
    meta = policy.meta
    assert meta.title == "Flexible Working Policy"
    assert meta.owner == "Head of Human Resources"
    assert meta.supersedes == "Flexible Working Procedure (2019)"
    assert (meta.last_reviewed.isoformat(), meta.next_review.isoformat()) == (
        "2026-05-14", "2028-05-14")
    assert meta.summary.startswith("How employees can ask to change when and where they work")
    first = policy.history.entries[0]
    assert (first.status, first.date.isoformat()) == ("draft", "2026-05-14")
    assert "version 3.2, approved by Personnel Committee on 14 May 2026" in first.changes
    said = runs["flexible-working"].stdout
    assert ('make release POLICY=flexible-working VERSION=3.2 DATE=2026-05-14 '
            'DECIDED_BY="Personnel Committee" NEXT_REVIEW=2028-05-14') in said


def test_make_check_names_what_is_left_and_nothing_imported_correctly(imported):
    project, runs, library = imported
    result = command(project.root, "check")
    lines = [line.strip() for line in result.stdout.splitlines() if "still to write" in line
             or "to write:" in line or "nothing written" in line]
    flexible = [line for line in lines if "flexible-working/" in line]
    files = {re.search(r"policy_source/flexible-working/(\S+?),", line).group(1)
             for line in flexible}
    assert files == {"policy.md", "faqs.md", "rules.yml", "eia.md"}
    policy_lines = [line for line in flexible if "/policy.md" in line]
    # what the Word file lacked: the contact, the audience, and the one missing section
    assert any("the team or role staff should ask" in line for line in policy_lines)
    assert any("who the policy applies to" in line for line in policy_lines)
    assert any("other policies a reader may need" in line for line in policy_lines)
    assert not any("nothing written under it" in line for line in flexible)
    assert len(policy_lines) == 3
    # the hand-numbered file had no document control: each missing fact is named
    lone = [line for line in lines if "lone-working/" in line]
    assert any("the role that owns this policy" in line for line in lone)
    assert any("gives no usable review date" in line for line in lone)
    assert any("did not give version number" in line for line in lone)


def snapshot(root: Path) -> dict:
    return {path.relative_to(root): path.read_bytes() for path in root.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts}


def refused(tmp_path, file: Path, *args: str) -> tuple[Ran, bool]:
    project = copy_project(tmp_path / "project")
    before = snapshot(project.root)
    result = command(project.root, "import", str(file), *args)
    return result, snapshot(project.root) == before


def write_zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def docx_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_a_file_with_tracked_changes_is_refused(tmp_path):
    result, unchanged = refused(tmp_path, structured(tmp_path / "dignity.docx", tracked=True),
                                "--name", "dignity-at-work")
    assert result.returncode == 1 and unchanged
    assert "has tracked changes not yet accepted or rejected" in result.stderr
    assert "Accept All Changes" in result.stderr


BAD_FILES = {
    "not-word.docx": ("is not a Word document inside", lambda path, good: path.write_text(
        "Minutes of the meeting", encoding="utf-8")),
    "minutes.pdf": ("reads .docx files only", lambda path, good: path.write_bytes(
        b"%PDF-1.7\n")),
    "damaged.docx": ("is damaged", lambda path, good: path.write_bytes(
        good.read_bytes()[:4000])),
    "locked.docx": ("protected with a password", lambda path, good: path.write_bytes(
        bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 512 + "EncryptionInfo".encode("utf-16-le"))),
    "old.doc": ("old Word format", lambda path, good: path.write_bytes(
        bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 512)),
    "macros.docm": ("macro-enabled", lambda path, good: path.write_bytes(good.read_bytes())),
    "hidden-macros.docx": ("holds macros", lambda path, good: write_zip(path, {
        **docx_parts(good), "word/vbaProject.bin": b"\0" * 64})),
    "expands.docx": ("expands", lambda path, good: write_zip(path, {
        **docx_parts(good), "word/media/padding.xml": b"<a>" + b" " * 30_000_000 + b"</a>"})),
    "entities.docx": ("entity or document-type definitions", lambda path, good: write_zip(
        path, {**docx_parts(good), "word/settings.xml":
               b'<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'})),
}


@pytest.mark.parametrize("file_name", list(BAD_FILES))
def test_a_file_that_cannot_be_imported_gets_a_reason_and_nothing_is_written(tmp_path,
                                                                           file_name):
    said, make = BAD_FILES[file_name]
    good = hand_numbered(tmp_path / "good.docx")
    make(tmp_path / file_name, good)
    result, unchanged = refused(tmp_path, tmp_path / file_name, "--name", "lone-working")
    assert result.returncode == 1, result.stdout
    assert unchanged
    assert said in result.stderr
    assert f"Problem found with {file_name}" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.docx"
    with big.open("wb") as handle:
        handle.truncate(30_000_000)  # sparse: no time or disk spent
    result, unchanged = refused(tmp_path, big, "--name", "big")
    assert result.returncode == 1 and unchanged
    assert "is 30 MB, more than the 25 MB a policy can be" in result.stderr


def test_a_name_already_in_the_library_is_refused(tmp_path):
    result, unchanged = refused(tmp_path, hand_numbered(tmp_path / "lone.docx"),
                                "--name", "social-media")
    assert result.returncode == 1 and unchanged
    assert "already a policy called 'social-media'" in result.stderr


def test_a_folder_imports_each_file_on_its_own(tmp_path):
    files = tmp_path / "word"
    files.mkdir()
    long_policy(files / "Flexible working.docx")
    hand_numbered(files / "lone working v3.docx")
    structured(files / "dignity.docx", tracked=True)
    (files / "~$exible working.docx").write_bytes(b"lock")
    project = copy_project(tmp_path / "project")
    result = command(project.root, "import", "--dir", str(files))
    lines = result.stdout.splitlines()
    assert result.returncode == 1  # one file was not imported
    assert lines[0].startswith("[1/3] Flexible working.docx ... imported as "
                               "policy_source/flexible-working/ (9 sections, 46 clauses;")
    assert lines[1].startswith("[2/3] dignity.docx ... not imported: dignity.docx has tracked "
                               "changes")
    assert lines[2].startswith("[3/3] lone working v3.docx ... imported as "
                               "policy_source/lone-working/")
    assert "Imported 2 of 3 files as drafts." in result.stdout
    source = project.path("policy_source")
    assert not (source / "dignity-at-work").exists()
    assert not (source / "dignity-at-work.import-report.md").exists()
    assert set(load_library(source).policies) == {"social-media", "flexible-working",
                                                  "lone-working"}


def import_one(tmp_path, file, name: str, *args: str):
    """`make import` of one Word file into a fresh copy of the project: the copy, what the
    command said, and the imported policy (named `name`)."""
    project = copy_project(tmp_path / "project")
    result = command(project.root, "import", str(file), *args)
    assert result.returncode == 0, result.stderr
    return project, result, load_library(project.path("policy_source")).policies[name]


def test_headings_with_no_numbers_are_numbered_in_order_and_the_report_says_so(tmp_path):
    project, result, policy = import_one(tmp_path, headings_only(tmp_path / "expenses.docx"),
                                         "expenses")
    assert "Imported the Expenses Policy as a draft" in result.stdout  # named from its title
    assert [(c.number, c.title) for s in policy.sections for c in s.clauses][:3] == [
        ("1.1", "Why we pay expenses"), ("2.1", "Who can claim"), ("2.2", "What you cannot claim")]
    assert dict(clauses(policy))["2.2"] == "Travel from home to your usual place of work."
    assert "the Word file shows no numbers: its headings were numbered in order" in report(
        project, "expenses")


def test_numbers_word_shows_out_of_order_are_put_right_and_reported(tmp_path):
    project, _, policy = import_one(tmp_path, never_restarting(tmp_path / "parking.docx"),
                                    "car-parking", "--name", "car-parking")
    assert [number for number, _ in clauses(policy)][:4] == ["1.1", "1.2", "2.1", "2.2"]
    text = report(project, "car-parking")
    assert ('Paragraph 6 ("It covers every Council car park."): Word shows 2.3 here, which does '
            "not follow on from the number before it: it is 2.1 in the draft") in text
    assert "Word shows 2.4 here" in text


def test_a_document_with_no_numbers_or_headings_keeps_all_its_text(tmp_path):
    project, _, policy = import_one(tmp_path, plain_paragraphs(tmp_path / "cars.docx"),
                                    "car-sharing", "--name", "car-sharing")
    assert policy.meta.title == "Car sharing"
    assert dict(clauses(policy))["1.1"] == ("Employees may share cars for journeys made on "
                                            "Council business.\n\nEach driver must have "
                                            "business insurance.")
    assert "no numbered sections or headings were found" in report(project, "car-sharing")


def test_the_command_asks_for_a_file_or_a_folder(tmp_path):
    project = copy_project(tmp_path / "project")
    result = command(project.root, "import")
    assert result.returncode == 1
    assert "Say which Word file to import, with FILE=path/to/policy.docx" in result.stderr
    missing = command(project.root, "import", "--dir", str(tmp_path / "nowhere"))
    assert missing.returncode == 1 and "There is no folder at" in missing.stderr
