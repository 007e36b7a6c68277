"""Tables of scores: Markdown for papers, plain text for the terminal."""

from __future__ import annotations

from typing import Any

from .results import headline


def markdown_table(
    scores: dict[str, Any], intervals: dict[str, dict[str, float]] | None = None, title: str = ""
) -> str:
    """One row per headline figure: layer, metric, P, R, F1 (or the single figure), 95% interval."""
    rows = []
    for path, value in headline({k: v for k, v in scores.items() if isinstance(v, dict)}).items():
        parts = path.split(".")
        node: Any = scores
        for part in parts[:-1]:
            node = node[part]
        p = node.get("precision") if parts[-1] == "f1" else None
        r = node.get("recall") if parts[-1] == "f1" else None
        ci = intervals.get(path) if intervals else None
        rows.append((parts[0], ".".join(parts[1:]), p, r, value, ci))
    header = "| layer | metric | P | R | F1 / value |" + (" 95% CI |" if intervals else "")
    lines = ([f"**{title}**", ""] if title else []) + [
        header,
        "|---|---|---:|---:|---:|" + ("---:|" if intervals else ""),
    ]
    for layer, metric, p, r, value, ci in rows:
        fmt = lambda x: "" if x is None else f"{100 * x:.1f}"  # noqa: E731
        cell = f" {fmt(ci['low'])}-{fmt(ci['high'])} |" if ci else (" |" if intervals else "")
        lines.append(f"| {layer} | {metric} | {fmt(p)} | {fmt(r)} | {fmt(value)} |{cell}")
    return "\n".join(lines)
