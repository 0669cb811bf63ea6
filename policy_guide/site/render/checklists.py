"""Do and don't checklists, by context: on the quick guide, the quick card and house rules."""

from __future__ import annotations

from ...domain.models import RULE_KINDS, Policy, Rule, RuleContext
from .common import PageLinks, escape, plain



def rule_anchor(rule: Rule) -> str:
    return f"rule-{rule.key.lower()}"


def _rule_item(rule: Rule, links: PageLinks) -> str:
    ref = links.clause_markdown(rule.clause)
    return (f'<li id="{rule_anchor(rule)}" markdown="span">{rule.text} '
            f'<span class="rule-ref">({ref})</span></li>')


def _kind_block(policy: Policy, context: RuleContext, kind: str, links: PageLinks,
                level: int) -> str:
    rules = [rule for rule in policy.rules.rules_in(context.key) if rule.kind == kind]
    if not rules:
        return ""
    css = "do" if kind == "do" else "dont"
    items = "\n".join(_rule_item(rule, links) for rule in rules)
    heading = "#" * level
    return (
        f'<div class="checklist__group checklist__group--{css}" markdown>\n\n'
        f"{heading} {RULE_KINDS[kind]}"
        f'<span class="visually-hidden">: {escape(context.title)}</span>'
        f' {{ #{context.key}-{css} data-toc-label="{RULE_KINDS[kind]}" }}\n\n'
        f'<ul class="checklist__list" markdown>\n{items}\n</ul>\n\n</div>'
    )


def render_context(policy: Policy, context: RuleContext, links: PageLinks, level: int = 2,
                   css_class: str = "checklist") -> str:
    """One context: its heading, who it is for, and its do and don't lists side by side."""
    blocks = "\n".join(
        block for kind in RULE_KINDS
        if (block := _kind_block(policy, context, kind, links, level + 1))
    )
    return (
        f"{'#' * level} {plain(context.title)} {{ #{context.key} }}\n\n"
        f"{plain(context.intro)}\n\n"
        f'<div class="{css_class}" markdown>\n{blocks}\n</div>\n'
    )


def contexts_for(policy: Policy, context_key: str | None = None,
                 audience: str | None = None) -> list[RuleContext]:
    """The contexts to show: one by key, all for an audience, or all."""
    contexts = policy.rules.contexts
    if context_key is not None:
        return [policy.rules.context(context_key)]
    if audience is not None:
        return [context for context in contexts if context.audience == audience]
    return list(contexts)


def render_checklists(policy: Policy, links: PageLinks, contexts: list[RuleContext],
                      level: int = 2, css_class: str = "checklist") -> str:
    return "\n".join(render_context(policy, context, links, level, css_class)
                     for context in contexts)
