"""`make new-policy`: a new draft policy that builds and passes every check at once.

The per-policy tests of the built site (tests/build/) run against the scaffolded policy too,
through the `built` fixture; tests/unit/test_new_policy_command.py covers the command itself.
"""

import subprocess
import sys

from conftest import SCAFFOLD
from policy_guide.domain.codeowners import codeowners_text
from policy_guide.domain.scaffold import title_for


def test_the_new_policy_passes_make_check_as_a_draft(scaffolded):
    result = subprocess.run([sys.executable, "-m", "policy_guide", "check"],
                            capture_output=True, text=True, cwd=scaffolded.root)
    assert result.returncode == 0, result.stderr
    assert f"{SCAFFOLD}: {title_for(SCAFFOLD)} version 0.1 (draft) is valid" in result.stdout
    meta = scaffolded.policy.meta
    assert (meta.status, meta.approved_by, meta.effective_from) == ("draft", None, None)
    assert meta.next_review > meta.last_reviewed


def test_the_new_policy_goes_to_its_team_in_codeowners(scaffolded):
    codeowners = (scaffolded.root / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    team = scaffolded.library.settings.default_team
    assert f"/policy_source/{SCAFFOLD}/ {team}" in codeowners
    assert codeowners == codeowners_text(scaffolded.library)
