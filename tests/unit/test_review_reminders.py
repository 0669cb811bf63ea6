"""The weekly reminder: one issue per review that is due, for the owning team, never twice.

A stand-in for the GitHub CLI (`gh`) records what it was asked to do and answers
`gh issue list` with the titles of the issues already open.
"""

import datetime as dt
import json
import sys
import textwrap

from conftest import ROOT, command

FAKE_GH = textwrap.dedent("""\
    import json, os, sys
    with open(os.environ["GH_LOG"], "a", encoding="utf-8") as log:
        log.write(json.dumps(sys.argv[1:]) + "\\n")
    if sys.argv[1:3] == ["issue", "list"]:
        print(json.dumps([{"title": t} for t in json.loads(os.environ["GH_OPEN"])]))
""")


def remind(tmp_path, today, open_titles=()):
    tmp_path.mkdir(exist_ok=True)
    gh = tmp_path / "gh"
    gh.write_text(f"#!{sys.executable}\n{FAKE_GH}", encoding="utf-8")
    gh.chmod(0o755)
    log = tmp_path / "gh.log"
    result = command(ROOT, "review-reminders", "--today", today.isoformat(), "--gh", str(gh),
                     env={"GH_LOG": str(log), "GH_OPEN": json.dumps(list(open_titles))})
    assert result.returncode == 0, result.stderr
    calls = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    return result, [call for call in calls if call[:2] == ["issue", "create"]]


def test_a_review_due_soon_opens_an_issue_mentioning_the_team(tmp_path, library, policy):
    today = policy.meta.next_review - dt.timedelta(days=30)
    result, created = remind(tmp_path, today)
    assert len(created) == 1
    args = created[0]
    title, body = args[args.index("--title") + 1], args[args.index("--body") + 1]
    assert policy.meta.title in title and "19 December 2020" in title
    assert body.startswith(policy.team(library.settings))
    assert "is due in 30 days" in body and policy.meta.owner in body
    assert f"Opened: {title}" in result.stdout


def test_an_open_reminder_is_not_opened_again(tmp_path, policy):
    today = policy.meta.next_review + dt.timedelta(days=5)
    _, first = remind(tmp_path / "first", today)
    title = first[0][first[0].index("--title") + 1]
    result, again = remind(tmp_path / "again", today, open_titles=[title])
    assert again == []
    assert f"Already open: {title}" in result.stdout


def test_nothing_is_opened_while_reviews_are_far_off(tmp_path, policy):
    result, created = remind(tmp_path, policy.meta.next_review - dt.timedelta(days=400))
    assert created == [] and "No policy is due for review." in result.stdout
