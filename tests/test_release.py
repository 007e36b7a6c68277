"""The release: deterministic bytes, a true manifest, and every config loadable with `datasets` alone."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
import yaml

from polyphony.release import CONFIGS, build_release
from polyphony.validate import validate_paths

LOADER = """
import json, sys
sys.modules["polyphony"] = None  # prove the release needs only `datasets`
from datasets import load_dataset
out = {}
for config in json.loads(sys.argv[2]):
    dataset = load_dataset(sys.argv[1], config)
    out[config] = {split: [dataset[split].num_rows, str(dataset[split].features)] for split in dataset}
print(json.dumps(out))
"""


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(release: Path, corpus: list[dict[str, Any]], tmp_path: Path) -> None:
    from polyphony.agreement import compile_second

    again = tmp_path / "again"
    build_release(corpus, again, progress=False, second=compile_second())
    assert _files(release) == _files(again)


def test_manifest_lists_every_file_with_its_sha256(release: Path) -> None:
    manifest = json.loads((release / "manifest.json").read_text())
    listed = {f["path"]: f["sha256"] for f in manifest["files"]}
    on_disk = {p: hashlib.sha256(b).hexdigest() for p, b in _files(release).items() if p != "manifest.json"}
    assert listed == on_disk


def test_card_declares_configs_features_and_licences(release: Path) -> None:
    text = (release / "README.md").read_text()
    meta = yaml.safe_load(text.split("---\n")[1])
    assert [c["config_name"] for c in meta["configs"]] == [*CONFIGS, "second_annotation"]
    assert meta["configs"][0]["default"] is True
    assert [i["config_name"] for i in meta["dataset_info"]] == [*CONFIGS, "second_annotation"]
    assert all(i["features"] for i in meta["dataset_info"])
    assert "annotations" in text and "not ours" in text
    assert (release / "CITATION.cff").read_text().count("type: dataset") == 1


def test_release_validates(release: Path, corpus: list[dict[str, Any]]) -> None:
    report = validate_paths([release], progress=False)
    assert report.ok, [f.format() for f in report.findings]
    assert report.documents == len(corpus)


def test_broken_parquet_is_a_clear_error(release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    from polyphony.cli import main

    copy = tmp_path / "release"
    shutil.copytree(release, copy)
    broken = sorted((copy / "data" / "documents").glob("*.parquet"))[0]
    broken.write_bytes(b"not a parquet file")
    assert main(["-q", "validate", str(copy)]) != 0
    err = capsys.readouterr().err
    assert f"{broken}: cannot read Parquet" in err and "Traceback" not in err


def test_documents_config_round_trips_to_the_canonical_documents(release: Path, corpus: list[dict[str, Any]]) -> None:
    rows = [
        row for p in sorted((release / "data" / "documents").glob("*.parquet")) for row in pq.read_table(p).to_pylist()
    ]
    assert sorted(rows, key=lambda d: d["id"]) == sorted(corpus, key=lambda d: d["id"])


def test_every_config_loads_with_datasets_only(release: Path, tmp_path: Path) -> None:
    env = {**os.environ, "HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1", "HF_HOME": str(tmp_path / "hf")}
    done = subprocess.run(
        [sys.executable, "-c", LOADER, str(release), json.dumps([*CONFIGS, "second_annotation"])],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    manifest = json.loads((release / "manifest.json").read_text())
    for config in [*CONFIGS, "second_annotation"]:
        assert {split: rows for split, (rows, _) in loaded[config].items()} == manifest["rows"][config]
    assert "ClassLabel(names=['O', 'B-PER', 'I-PER'" in loaded["ner"]["seed"][1]


def test_release_refuses_synthetic_and_invalid_documents(corpus: list[dict[str, Any]], tmp_path: Path) -> None:
    from polyphony.errors import PolyphonyError

    bad = json.loads(json.dumps(corpus[0]))
    bad["metadata"]["provenance"] = "synthetic"
    with pytest.raises(PolyphonyError, match="synthetic"):
        build_release([bad], tmp_path / "out", progress=False)
    assert not (tmp_path / "out").exists()


def test_croissant_metadata_validates_and_reads_the_flat_configs(release: Path) -> None:
    import itertools
    import json

    import mlcroissant as mlc

    path = release / "croissant.json"
    metadata = json.loads(path.read_text(encoding="utf-8"))
    manifest = {f["path"]: f["sha256"] for f in json.loads((release / "manifest.json").read_text())["files"]}
    for item in metadata["distribution"]:
        assert manifest[item["contentUrl"]] == item["sha256"]
    dataset = mlc.Dataset(jsonld=str(path))  # raises on any validation error
    rows = pq.read_table(release / "data" / "ner" / "train.parquet").slice(0, 3).to_pylist()
    records = list(itertools.islice(dataset.records(record_set="ner-train"), 3))
    for row, record in zip(rows, records, strict=True):
        assert record["ner-train/id"].decode() == row["id"]
        assert [t.decode() for t in record["ner-train/tokens"]] == row["tokens"]
        assert list(record["ner-train/ner_tags"]) == row["ner_tags"]
