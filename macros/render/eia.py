"""The Equality Impact Assessment summary: outcome, who was consulted, the nine findings."""

from __future__ import annotations

from ..models import EiaMeta
from .common import cell

IMPACT_LABELS = {"positive": "Positive", "neutral": "Neutral", "negative": "Negative",
                 "mixed": "Mixed"}


def render_outcome(meta: EiaMeta) -> str:
    return (f'!!! abstract "Outcome: {IMPACT_LABELS[meta.outcome].lower()} impact"\n\n'
            f"    {' '.join(meta.outcome_summary.split())} The assessment was supported by "
            f"the {meta.supported_by}.\n")


def render_consulted(meta: EiaMeta) -> str:
    return "\n".join(f"- **{item.group}**: {' '.join(item.how.split())}"
                     for item in meta.consulted) + "\n"


def render_table(meta: EiaMeta) -> str:
    header = ("| Protected characteristic | Impact | Evidence | Mitigation |\n"
              "|---|---|---|---|")
    rows = [
        f"| {item.characteristic} | {IMPACT_LABELS[item.impact]} | {cell(item.evidence)} "
        f"| {cell(item.mitigation)} |"
        for item in meta.characteristics
    ]
    return "\n".join([header, *rows]) + "\n"
