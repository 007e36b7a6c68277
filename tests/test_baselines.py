"""Baselines: fit on train, predict documents that validate, persist with skops, follow the estimator contract."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
import pytest
import skops.io as sio
from sklearn.base import clone

from baselines.models import Attribution, EventAttributes, LearnedMentions, LexiconMentions, Stance
from baselines.run import EVAL_SPLITS, HEADLINE, SYSTEMS, run_baselines
from polyphony.splits import corpus_splits
from polyphony.validate import validate_document


@pytest.fixture(scope="module")
def baseline_run(corpus: list[dict[str, Any]], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("baselines")
    return out, run_baselines(corpus, out, progress=False, c_grid=(1.0,))


def test_every_system_scores_every_evaluation_split(
    baseline_run: tuple[Path, dict], corpus: list[dict[str, Any]]
) -> None:
    out, table = baseline_run
    splits = {s for s in corpus_splits(corpus).values() if s in EVAL_SPLITS}
    assert set(table) == set(SYSTEMS)
    for system in SYSTEMS:
        assert set(table[system]) == splits
        for split in splits:
            assert set(table[system][split]) == {".".join(p) for p in HEADLINE}
            assert all(0.0 <= v <= 1.0 for v in table[system][split].values())
            scores = json.loads((out / "scores" / f"{system}.{split}.json").read_text())
            assert set(scores) == {"documents", "entities", "events", "attribution", "stance"}
    results = (out / "RESULTS.md").read_text()
    assert all(".".join(p) in results for p in HEADLINE)


def test_predictions_are_canonical_documents(baseline_run: tuple[Path, dict]) -> None:
    out, _ = baseline_run
    files = sorted((out / "predictions").glob("*.jsonl"))
    assert files
    for path in files:
        for line in path.read_bytes().splitlines():
            doc = orjson.loads(line)
            assert validate_document(doc, partial=True) == []
            if not path.name.endswith(".stance.jsonl"):
                assert {"mentions", "entities", "events", "attributions"} <= set(doc)


def test_models_persist_with_skops_and_predict_the_same(
    baseline_run: tuple[Path, dict], corpus: list[dict[str, Any]]
) -> None:
    out, _ = baseline_run
    path = out / "models" / "learned.stance.skops"
    untrusted = sio.get_untrusted_types(file=path)
    assert all(t.startswith(("baselines.", "sklearn.", "numpy", "collections", "builtins.")) for t in untrusted), (
        untrusted
    )
    model = sio.load(path, trusted=untrusted)
    from polyphony.views import stance_rows

    rows = [r for d in corpus for r in stance_rows(d)][:20]
    fresh = sio.loads(sio.dumps(model), trusted=untrusted)
    assert model.predict(rows) == fresh.predict(rows)


@pytest.mark.parametrize(
    "estimator",
    [
        LexiconMentions(),
        LearnedMentions(c=0.5, seed=3),
        EventAttributes(learned=False),
        Attribution(learned=True, c=2.0),
        Stance(learned=True),
    ],
)
def test_estimator_contract(estimator: Any) -> None:
    params = estimator.get_params()
    copy = clone(estimator)
    assert copy.get_params() == params
    assert not any(name.endswith("_") for name in vars(copy))  # fitted attributes appear only after fit
