"""Anchors and compiling: offsets found from text, and clear errors when an anchor is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from polyphony.authoring import AnchorError, CompileError, compile_source, resolve_anchor

TEXT = "The minister said the convoy left. “The convoy is safe,” the minister said later."


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        ("left", "left"),
        ("[The minister] said", "The minister"),
        ("the [convoy] left", "convoy"),
        ("minister [said] #2", "said"),
        ('"[The convoy is safe]," the', "The convoy is safe"),
        ("[the convoy ... is safe]", "the convoy left. “The convoy is safe"),
    ],
)
def test_anchor_forms(anchor: str, expected: str) -> None:
    start, end = resolve_anchor(anchor, TEXT)
    assert TEXT[start:end] == expected


def test_nth_occurrence_counts_from_one() -> None:
    first = resolve_anchor("minister #1", TEXT)
    second = resolve_anchor("minister #2", TEXT)
    assert first < second and TEXT[second[0] : second[1]] == "minister"


@pytest.mark.parametrize(
    ("anchor", "message"),
    [
        ("convoy", "ambiguous: it matches 2 places"),
        ("tanker", "matches nothing"),
        ("minister #3", "occurrence #3 but there are 2"),
        ("[ ]", "empty span"),
    ],
)
def test_bad_anchors_say_what_is_wrong(anchor: str, message: str) -> None:
    with pytest.raises(AnchorError, match=message):
        resolve_anchor(anchor, TEXT)


def test_compile_reports_every_bad_anchor_with_document_and_path(tmp_path: Path) -> None:
    raw = {
        "id": "doc-x",
        "text": TEXT,
        "metadata": {"date": "2025-01-01", "genre": "news"},
        "entities": [{"type": "PER", "name": "minister", "mentions": ["NOM [minister] said", "NOM tanker"]}],
    }
    with pytest.raises(CompileError) as error:
        compile_source(raw, tmp_path / "doc-x.yaml", tmp_path, {})
    message = str(error.value)
    assert "document doc-x" in message and "entities[0].mentions[1]" in message and "'tanker'" in message
    assert "entities[0].mentions[0]" in message and "ambiguous" in message


def test_compiled_ids_follow_text_order(tmp_path: Path) -> None:
    raw = {
        "id": "doc-y",
        "text": TEXT,
        "metadata": {"date": "2025-01-01", "genre": "news"},
        "entities": [
            {"type": "VEH", "name": "convoy", "mentions": ["NOM [the convoy] left", "NOM “[The convoy]"]},
            {
                "type": "PER",
                "name": "minister",
                "mentions": ["NOM [The minister] said the", "NOM [the minister] said later"],
            },
        ],
    }
    doc = compile_source(raw, tmp_path / "doc-y.yaml", tmp_path, {})
    assert [m["id"] for m in doc["mentions"]] == ["m1", "m2", "m3", "m4"]
    assert [m["start"] for m in doc["mentions"]] == sorted(m["start"] for m in doc["mentions"])
    assert doc["entities"][0]["name"] == "minister" and doc["entities"][0]["mentions"] == ["m1", "m4"]
