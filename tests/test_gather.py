"""The offset gatherers of the text fast path: the compiled one and the Python one give the same."""

from __future__ import annotations

import copy
import importlib
import shutil
import sysconfig
from pathlib import Path
from typing import Any

import jsonschema_rs
import numpy as np
import pytest

from polyphony.validate import gather
from polyphony.validate.spans import all_spans

try:
    compiled = importlib.import_module("polyphony.validate._gather")
except ImportError:  # installed without a C compiler
    compiled = None

IMPLEMENTATIONS = [gather, pytest.param(compiled, marks=pytest.mark.skipif(compiled is None, reason="not compiled"))]


def test_the_extension_is_built_where_a_c_compiler_is_at_hand() -> None:
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        pytest.skip(f"no C compiler ({compiler}): the Python gatherer runs")
    assert compiled is not None, "`pip install -e .` should have compiled polyphony/validate/_gather.pyx"
    source = Path(gather.__file__).with_name("_gather.pyx")
    assert Path(compiled.__file__).stat().st_mtime >= source.stat().st_mtime, "stale: run `pip install -e .` again"


def test_the_text_fast_path_uses_the_compiled_gatherer_when_it_was_built() -> None:
    from polyphony.validate import text_batch

    assert text_batch.offsets is (compiled or gather).offsets


@pytest.mark.parametrize("impl", IMPLEMENTATIONS)
def test_offsets_read_every_item_of_every_group(impl: Any, corpus: list[dict[str, Any]]) -> None:
    docs = corpus[:40]
    counts, starts, ends = impl.offsets([d["tokens"] for d in docs])
    assert counts.tolist() == [len(d["tokens"]) for d in docs]
    assert starts.tolist() == [t["start"] for d in docs for t in d["tokens"]]
    assert ends.tolist() == [t["end"] for d in docs for t in d["tokens"]]
    assert starts.dtype == ends.dtype == np.int64


@pytest.mark.parametrize("impl", IMPLEMENTATIONS)
def test_span_offsets_compare_each_stored_text_with_its_slice(impl: Any, minimal: dict[str, Any]) -> None:
    other = {**minimal, "text": minimal["text"].upper()}  # the same spans no longer match this text
    spans = all_spans(minimal)
    counts, starts, _, same = impl.span_offsets([minimal["text"], other["text"]], [spans, spans])
    assert counts.tolist() == [len(spans), len(spans)]
    expected = [other["text"][s["start"] : s["end"]] == s["text"] for s in spans]
    assert same.tolist() == [True] * len(spans) + expected
    assert not all(expected) and starts.tolist() == [s["start"] for s in spans] * 2


@pytest.mark.parametrize("impl", IMPLEMENTATIONS)
@pytest.mark.parametrize(
    "item", [{"start": 5.0, "end": 6}, {"start": 0, "end": 2**70}, {"end": 6}, {"start": 0, "end": "6"}]
)
def test_an_offset_that_is_not_a_64_bit_int_is_unreadable(impl: Any, item: dict[str, Any]) -> None:
    with pytest.raises(gather.Unreadable):
        impl.offsets([[{"start": 0, "end": 1}], [item]])


def test_the_compiled_gatherer_refuses_booleans_the_schema_already_refuses() -> None:
    if compiled is None:
        pytest.skip("not compiled")
    with pytest.raises(gather.Unreadable):
        compiled.offsets([[{"start": True, "end": 2}]])


PROBES = [
    {"start": 0, "end": 1},
    {"start": 7, "end": 12},
    {"start": 0, "end": 1, "text": "x"},
    {"start": -1, "end": 1},
    {"start": 0, "end": 0},
    {"start": 0.0, "end": 1},
    {"start": True, "end": 1},
    {"start": "0", "end": 1},
    {"start": None, "end": 1},
    {"start": 0, "stop": 1},
    {"end": 1},
    [0, 1],
    None,
]


@pytest.mark.parametrize("impl", IMPLEMENTATIONS)
def test_vouching_for_offsets_never_passes_what_the_schema_refuses(impl: Any) -> None:
    from polyphony.schema import load_schema

    schema = load_schema()
    assert set(schema["properties"]["tokens"]) <= {"type", "items", "description"}  # no array-level rule
    assert schema["properties"]["tokens"]["items"] == {"$ref": "#/$defs/Offsets"}
    offsets_only = jsonschema_rs.validator_for({"$defs": schema["$defs"], "$ref": "#/$defs/Offsets"})
    for probe in PROBES:
        if impl.vouch_for_offsets([{"start": 0, "end": 1}, probe]):
            assert offsets_only.is_valid(probe), probe
    if impl is compiled:  # the compiled one vouches for exactly the integer-valued Offsets
        vouched = [p for p in PROBES if impl.vouch_for_offsets([p])]
        assert vouched == PROBES[:2]


@pytest.mark.parametrize("impl", IMPLEMENTATIONS)
def test_structure_findings_are_the_same_with_or_without_vouching(
    impl: Any, minimal: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from polyphony.validate import structure

    monkeypatch.setattr(structure, "vouch_for_offsets", impl.vouch_for_offsets)
    for k, probe in enumerate(PROBES):
        doc = copy.deepcopy(minimal)
        doc["tokens"][1 + k % (len(doc["tokens"]) - 1)] = probe
        with_vouching = structure.check_structure(doc)
        monkeypatch.setattr(structure, "vouch_for_offsets", lambda items: False)
        without = structure.check_structure(doc)
        monkeypatch.setattr(structure, "vouch_for_offsets", impl.vouch_for_offsets)
        assert with_vouching == without
        assert bool(without) == (k > 1 and k != 5)  # 5.0 is an integer to JSON Schema
