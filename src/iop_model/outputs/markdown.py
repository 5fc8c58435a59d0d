"""The follow-up report as Markdown, for a wiki page or a code host.

An output format: it reads the report's data (:func:`iop_model.queries.report.build`) and the
lines :mod:`iop_model.outputs.text` writes.
"""

from __future__ import annotations

import re
from typing import Any, Final

from iop_model import wording
from iop_model.explain import Lang
from iop_model.outputs.text import (
    agreement_lines,
    extra_lines,
    follow_up_line,
    goal_heading,
    head_lines,
    later_lines,
    notes,
    partnership_lines,
    period_label,
    provenance_line,
    title,
)
from iop_model.queries.report import ReportDict

__all__ = ["escape", "render_markdown"]


def _say(key: str, lang: Lang, **values: object) -> str:
    return wording.say(key, lang, **values)


#: Characters with a meaning in Markdown (CommonMark, GitHub): written as text.
_SPECIAL: Final = re.compile(r"([\\`*_\[\]#|!~])")
#: Keys whose values are codes the lines look up, never shown as they are.
_CODES: Final = frozenset({"kind", "status", "lang"})


def escape(text: str) -> str:
    """``text`` as Markdown that shows it as it is: no heading, list, link, image, code, table
    cell or raw HTML made from it, on one line.

    >>> escape("# Rubrik <img src=x onerror=alert(1)> [x](javascript:alert(1))")
    '\\\\# Rubrik &lt;img src=x onerror=alert(1)&gt; \\\\[x\\\\](javascript:alert(1))'
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = " ".join(text.split("\n")).replace("\t", " ").replace("\r", " ")
    return _SPECIAL.sub(r"\\\1", text)


def _escaped(value: Any, key: str = "") -> Any:
    """The report's data with every text escaped (:func:`escape`), the codes kept."""
    if isinstance(value, str):
        return value if key in _CODES else escape(value)
    if isinstance(value, list):
        return [_escaped(item, key) for item in value]
    if isinstance(value, dict):
        return {k: _escaped(v, k) for k, v in value.items()}
    return value


def _fence(text: str) -> str:
    """A code fence longer than any run of backticks in ``text`` (it cannot close it)."""
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    return "`" * max(3, longest + 1)


def render_markdown(data: ReportDict) -> str:
    """The report as Markdown, for a wiki page or a code host. Every text from a file is
    escaped (:func:`escape`); a goal's explanation is in a code fence it cannot close."""
    explanations = [goal["text"] for goal in data["goals"]]
    data = _escaped(data)
    lang: Lang = data["lang"]
    lines = [f"# {_say('report.title', lang, title=title(data))}", ""]
    lines.extend(f"*{line}*" for line in head_lines(data, lang))
    lines += ["", f"## {_say('report.agreements', lang)}", ""]
    for agreement in data["agreements"]:
        first, *rest = agreement_lines(agreement, lang)
        lines.append(f"### {first}")
        lines.append("")
        lines.extend(f"- {line.strip()}" for line in rest)
        lines.append("")
    lines.extend(f"{line}\n" for line in partnership_lines(data, lang))
    lines.extend(f"{line}\n" for line in notes(data, lang))
    if data["goals"]:
        lines += [f"## {_say('report.goals', lang)}", ""]
        for goal, explanation in zip(data["goals"], explanations, strict=True):
            lines.append(f"**{goal_heading(goal, lang)}**")
            lines.append("")
            fence = _fence(explanation)
            lines.append(f"{fence}text")
            lines.extend(explanation.splitlines())
            lines.append(fence)
            lines.append("")
            follow = follow_up_line(goal, lang)
            if follow:
                lines += [follow, ""]
    if data["actions"]["items"]:
        lines += [f"## {_say('report.actions', lang, n=data['actions']['within_days'])}", ""]
        lines.extend(
            f"- {item['text_lang']} ({', '.join(item['rules'])})"
            for item in data["actions"]["items"]
        )
        lines.append("")
    extra = extra_lines(data, lang, "- ") + later_lines(data, lang, "- ")
    for line in extra:
        if line and not line.startswith("- "):
            lines += ["", f"## {line}", ""]  # a section heading
        elif line:
            lines.append(line)
    if extra:
        lines.append("")
    if data["activities"]:
        lines += [f"## {_say('report.activities', lang)}", ""]
        for activity in data["activities"]:
            lines.append(f"### {activity['name']} ({activity['kind_text']})")
            lines.append("")
            if activity["figures"]:
                period, figures = (
                    _say("report.period_column", lang),
                    _say("report.figures_column", lang),
                )
                lines.append(f"| {period} | {figures} |")
                lines.append("|---|---|")
                for f in activity["figures"]:
                    lines.append(f"| {period_label(f['period'])} | {f['text']} |")
                lines.append("")
    lines += [f"## {_say('report.provenance', lang)}", "", provenance_line(data, lang), ""]
    return "\n".join(lines).rstrip() + "\n"
