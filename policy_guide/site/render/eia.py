"""The Equality Impact Assessment summary: outcome, who was consulted, the nine findings."""

from __future__ import annotations

from ...domain.models import EiaMeta
from .common import plain

IMPACT_LABELS = {"positive": "Positive", "neutral": "Neutral", "negative": "Negative",
                 "mixed": "Mixed", "not assessed": "Not assessed yet"}
OUTCOME_TITLES = {outcome: f"Outcome: {label.lower()} impact"
                  for outcome, label in IMPACT_LABELS.items()}
OUTCOME_TITLES["not assessed"] = "Not assessed yet"


def render_outcome(meta: EiaMeta) -> str:
    supported = ("" if meta.outcome == "not assessed"
                 else f" The assessment was supported by the {plain(meta.supported_by)}.")
    return (f'!!! abstract "{OUTCOME_TITLES[meta.outcome]}"\n\n'
            f"    {plain(meta.outcome_summary)}{supported}\n")


def render_consulted(meta: EiaMeta) -> str:
    return "\n".join(f"- **{plain(item.group)}**: {plain(item.how)}"
                     for item in meta.consulted) + "\n"


def render_table(meta: EiaMeta) -> str:
    header = ("| Protected characteristic | Impact | Evidence | Mitigation |\n"
              "|---|---|---|---|")
    rows = [
        f"| {item.characteristic} | {IMPACT_LABELS[item.impact]} | {plain(item.evidence)} "
        f"| {plain(item.mitigation)} |"
        for item in meta.characteristics
    ]
    return "\n".join([header, *rows]) + "\n"
