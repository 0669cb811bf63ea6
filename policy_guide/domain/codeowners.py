"""`.github/CODEOWNERS` from the library: each policy's folder belongs to its team.

GitHub asks the owning team to review any pull request that changes its policy's source
(policy_source/<policy>/). The team is the policy's 'owning_team', or the library's
'default_team' (policy_source/library.yml).
"""

from __future__ import annotations

from pathlib import Path

from .models import Library

CODEOWNERS = Path(".github") / "CODEOWNERS"


def codeowners_text(library: Library) -> str:
    lines = [
        "# Who must review a change to each policy. Made by `make codeowners` from",
        "# policy_source/library.yml and each policy's front matter: do not edit by hand.",
        "",
        "# Settings, abbreviations and staff words shared by every policy",
        f"/policy_source/library.yml {library.settings.default_team}",
        f"/policy_source/glossary.yml {library.settings.default_team}",
        f"/policy_source/staff-words.yml {library.settings.default_team}",
    ]
    for slug, policy in library.policies.items():
        team = policy.team(library.settings)
        lines += ["", f"# {policy.meta.title} (owner: {policy.meta.owner})",
                  f"/policy_source/{slug}/ {team}"]
    return "\n".join(lines) + "\n"


def write_codeowners(root: Path, library: Library) -> Path:
    """Write the project's CODEOWNERS; its path."""
    path = root / CODEOWNERS
    path.parent.mkdir(exist_ok=True)
    path.write_text(codeowners_text(library), encoding="utf-8")
    return path


def codeowners_stale(root: Path, library: Library) -> bool:
    path = root / CODEOWNERS
    current = path.read_text(encoding="utf-8") if path.is_file() else ""
    return current != codeowners_text(library)
