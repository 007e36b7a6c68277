"""The label tables of schema/GUIDELINES.md, generated from the schema so they never drift."""

from __future__ import annotations

from pathlib import Path

from .docblocks import is_current, write_block
from .paths import repo_root
from .schema import descriptions, inventory

BLOCK = "inventories"
SIMPLE_TABLES = (
    ("Entity types", "EntityType"),
    ("Mention levels", "MentionLevel"),
    ("Realis", "Realis"),
    ("Event polarity", "Polarity"),
    ("Source kinds", "SourceKind"),
    ("Quote types", "QuoteType"),
    ("Stance holder kinds", "HolderKind"),
    ("Stance target kinds", "TargetKind"),
    ("Stance polarity", "StancePolarity"),
    ("Explicitness", "Explicitness"),
    ("Genres", "Genre"),
    ("Provenance", "Provenance"),
)


def guidelines_path() -> Path:
    return repo_root() / "schema" / "GUIDELINES.md"


def _table(title: str, header: list[str], rows: list[list[str]]) -> list[str]:
    lines = [f"### {title}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return lines + [""]


def render_inventories() -> str:
    """Markdown tables of every label inventory of the schema."""
    inv = inventory()
    out: list[str] = []
    for title, name in SIMPLE_TABLES[:2]:
        out += _table(title, ["label", "meaning"], [[f"`{k}`", v] for k, v in descriptions(name).items()])
    rows = [
        [
            f"`{t}`",
            descriptions("EventType")[t],
            inv.plover[t] or "-",
            ", ".join(inv.ace[t]) or "-",
            ", ".join(inv.roles_by_event_type[t]),
        ]
        for t in inv.event_types
    ]
    out += _table("Event types", ["type", "meaning", "PLOVER", "ACE 2005", "roles"], rows)
    rows = [[f"`{r}`", descriptions("Role")[r], ", ".join(inv.entity_types_by_role[r])] for r in inv.roles]
    out += _table("Argument roles", ["role", "meaning", "entity types"], rows)
    for title, name in SIMPLE_TABLES[2:4]:
        out += _table(title, ["label", "meaning"], [[f"`{k}`", v] for k, v in descriptions(name).items()])
    allowed = {m: [r for r, ms in inv.modalities_by_realis.items() if m in ms] for m in inv.modality}
    rows = [[f"`{m}`", descriptions("Modality")[m], ", ".join(allowed[m])] for m in inv.modality]
    out += _table("Modality", ["label", "meaning", "allowed with realis"], rows)
    kinds = {t: [k for k, ts in inv.source_types_by_kind.items() if t in ts] for t in inv.source_types}
    rows = [[f"`{t}`", descriptions("SourceType")[t], ", ".join(kinds[t])] for t in inv.source_types]
    out += _table("Source types", ["label", "meaning", "source kinds"], rows)
    for title, name in SIMPLE_TABLES[4:]:
        out += _table(title, ["label", "meaning"], [[f"`{k}`", v] for k, v in descriptions(name).items()])
    return "\n".join(out).rstrip() + "\n"


def guidelines_up_to_date() -> bool:
    return is_current(guidelines_path(), BLOCK, render_inventories())


def write_guidelines() -> Path:
    write_block(guidelines_path(), BLOCK, render_inventories())
    return guidelines_path()
