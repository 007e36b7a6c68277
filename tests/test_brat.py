"""brat standoff export and import: hand-checked lines, exact round trips, clear errors."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import orjson
import pytest

from polyphony.brat import annotation_conf, export_brat, import_brat, to_standoff
from polyphony.cli import main
from polyphony.errors import PolyphonyError
from polyphony.schema import inventory


def test_standoff_lines_of_the_minimal_document(minimal: dict[str, Any]) -> None:
    lines = to_standoff(minimal).splitlines()
    expected = [  # worked out by hand from tests/fixtures/valid/minimal.jsonl
        "T1\tGPE 15 24\tTel Gabra",
        "A1\tLevel T1 NAM",
        "T10\tPER 161 163\the",
        "A10\tLevel T10 PRO",
        "N1\tReference T1 Polyphony:e1\tTel Gabra",
        "N2\tReference T1 World:tel-gabra\tTel Gabra",
        "*\tCoreference T1 T2 T6",
        "N4\tReference T3 Value:2025-03-03\t3 March 2025",
        "*\tCoreference T8 T10 T14",
        "T15\tCONSULT 31 36\ttalks",
        "E1\tCONSULT:T15",
        "E2\tAID:T16 Instrument:T5 Place:T6 Time:T7",
        "A20\tModality E2 ASSERTED",
        "N15\tReference E2 Story:fixture-story\tfixture-story",
        "T17\tCue 125 129\tsaid",
        "T18\tContent 69 110\tAn aid convoy reached Tel Gabra on Monday",
        "E3\tAttribution:T17 Content:T18 Source:T8",
        "E4\tAttribution:T19 Content:T20 Source:T10 Addressee:T11",
        "E6\tAttribution:T23 Content:T24 Source:T14 Parent:E5",
        "A21\tSourceKind E3 MENTION",
        "A22\tSourceType E3 NAMED_PERSON",
        "A23\tQuoteType E3 INDIRECT",
    ]
    assert [line for line in expected if line not in lines] == []
    assert sum(line.startswith("T") for line in lines) == 14 + 2 + 2 * 4  # mentions, triggers, cue + content


def test_every_corpus_document_comes_back_unchanged(corpus: list[dict[str, Any]], tmp_path: Path) -> None:
    export_brat(corpus, tmp_path / "brat")
    back = {doc["id"]: doc for doc in import_brat(tmp_path / "brat")}
    assert len(back) == len(corpus)
    assert [doc["id"] for doc in corpus if back[doc["id"]] != doc] == []


def test_discontinuous_content_and_repeated_roles_survive(minimal: dict[str, Any], tmp_path: Path) -> None:
    doc = copy.deepcopy(minimal)
    doc["attributions"][0]["content"] = [
        {"start": 69, "end": 82, "text": "An aid convoy"},
        {"start": 83, "end": 110, "text": "reached Tel Gabra on Monday"},
    ]
    doc["events"][1]["arguments"].append({"role": "Place", "mention": "m1"})
    ann = to_standoff(doc)
    assert "T18\tContent 69 82;83 110\tAn aid convoy reached Tel Gabra on Monday\n" in ann
    assert "E2\tAID:T16 Instrument:T5 Place:T6 Time:T7 Place2:T1\n" in ann
    export_brat([doc], tmp_path / "brat")
    assert import_brat(tmp_path / "brat") == [doc]


def test_export_is_deterministic_and_replaces_the_directory_whole(minimal: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "brat"
    export_brat([minimal], out)
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "stale.ann").write_text("T1\tPER 0 1\tx\n")
    export_brat([minimal], out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brat"]  # no staging or old copies left


def test_annotation_conf_comes_from_the_schema() -> None:
    conf = annotation_conf()
    inv = inventory()
    sections = dict(part.split("\n", 1) for part in conf.strip().split("\n\n"))
    events = {line.split("\t")[0]: line for line in sections["[events]"].splitlines()}
    assert set(events) == {*inv.event_types, "Attribution"}
    assert "Instrument*:<ENTITY>" in events["AID"]
    assert set(sections["[entities]"].splitlines()) == {*inv.entity_types, "Cue", "Content"}
    assert f"Value:{'|'.join(inv.source_types)}" in sections["[attributes]"]


@pytest.mark.parametrize(
    ("line_number", "replacement", "message"),
    [
        (1, "T1 GPE 15 24 Tel Gabra", ":1: cannot read"),
        (1, "T1\tGPE 15 999\tTel Gabra", "span [15, 999) of T1 is outside the text"),
        (2, "A1\tLevel T1", ":2: cannot read"),
        (3, "T2\tGPE 38 47\tTEL GABRA\nE9\tAID:T2 Actor:T99", "mention 'T99' is not defined in this file"),
        (3, "T2\tGPE 38 47\tTEL GABRA\nT99\tMISC 38 47\tTEL GABRA", ":4: T99 (MISC) is neither a mention"),
        (
            3,
            "T2\tGPE 38 47\tTEL GABRA\nN99\tReference T2 Geonames:123\tTel Gabra",
            "unknown reference database 'Geonames'",
        ),
    ],
)
def test_a_broken_ann_file_is_a_clear_error(
    minimal: dict[str, Any], tmp_path: Path, line_number: int, replacement: str, message: str
) -> None:
    export_brat([minimal], tmp_path / "brat")
    ann = tmp_path / "brat" / f"{minimal['id']}.ann"
    lines = ann.read_text().splitlines()
    lines[line_number - 1] = replacement
    ann.write_text("\n".join(lines) + "\n")
    with pytest.raises(PolyphonyError, match=re.escape(message)) as error:
        import_brat(tmp_path / "brat")
    assert str(ann) in str(error.value)


def test_missing_companions_and_sidecar_keys_are_named(minimal: dict[str, Any], tmp_path: Path) -> None:
    export_brat([minimal], tmp_path / "brat")
    sidecar = tmp_path / "brat" / f"{minimal['id']}.json"
    sidecar.write_bytes(orjson.dumps({k: v for k, v in orjson.loads(sidecar.read_bytes()).items() if k != "stances"}))
    with pytest.raises(PolyphonyError, match=r"\.json: missing stances"):
        import_brat(tmp_path / "brat")
    sidecar.unlink()
    with pytest.raises(PolyphonyError, match=r"companion .*\.json is missing"):
        import_brat(tmp_path / "brat")
    with pytest.raises(PolyphonyError, match="no .ann files"):
        import_brat(tmp_path)


def test_import_command_validates_and_writes_nothing_when_invalid(
    minimal: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export_brat([minimal], tmp_path / "brat")
    ann = tmp_path / "brat" / f"{minimal['id']}.ann"
    ann.write_text(
        ann.read_text().replace("T10\tPER 161 163\the", "T10\tORG 161 163\the")
    )  # type differs from its entity
    out = tmp_path / "back.jsonl"
    assert main(["-q", "import", str(tmp_path / "brat"), "--out", str(out)]) == 1
    assert "[entity-type-mismatch]" in capsys.readouterr().out and not out.exists()
    export_brat([minimal], tmp_path / "brat")
    assert main(["-q", "import", str(tmp_path / "brat"), "--out", str(out)]) == 0
    assert orjson.loads(out.read_bytes()) == minimal
