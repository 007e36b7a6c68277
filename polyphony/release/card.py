"""The dataset card (README.md of the release): YAML for `datasets`, then the prose sections."""

from __future__ import annotations

from typing import Any

import yaml
from datasets import DatasetInfo, SplitDict, SplitInfo

from .. import __version__
from ..schema import SCHEMA_VERSION
from . import licence


def card_yaml(configs: list[str], splits: dict[str, dict[str, int]], features: dict[str, Any]) -> str:
    """The YAML header: configs with their data files, and explicit features per config."""
    config_entries, infos = [], []
    for name in configs:
        entry: dict[str, Any] = {"config_name": name}
        if name == configs[0]:
            entry["default"] = True
        entry["data_files"] = [{"split": split, "path": f"data/{name}/{split}.parquet"} for split in splits[name]]
        config_entries.append(entry)
        split_dict = SplitDict({s: SplitInfo(name=s, num_examples=n) for s, n in splits[name].items()})
        info = DatasetInfo(features=features[name], config_name=name, splits=split_dict)._to_yaml_dict()
        infos.append({"config_name": name, **{k: v for k, v in info.items() if k in ("features", "splits")}})
    meta = {
        "pretty_name": "Polyphony",
        "language": ["en"],
        "license": "other",
        "license_name": "polyphony-annotations-cc-by-4.0-texts-per-document",
        "license_link": "LICENSE.md",
        "task_categories": ["token-classification", "text-classification"],
        "task_ids": ["named-entity-recognition"],
        "tags": ["attribution", "stance-detection", "event-extraction", "coreference", "news", "PLOVER"],
        "configs": config_entries,
        "dataset_info": infos,
    }
    return yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100)


def _split_table(splits: dict[str, dict[str, int]]) -> str:
    names = sorted(
        {s for per in splits.values() for s in per}, key=lambda s: ("train", "validation", "test", "seed").index(s)
    )
    lines = ["| config | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for config, per in splits.items():
        lines.append(f"| `{config}` | " + " | ".join(str(per.get(s, 0)) for s in names) + " |")
    return "\n".join(lines)


def card_markdown(configs: list[str], splits: dict[str, dict[str, int]], features: dict[str, Any]) -> str:
    """The whole README.md of a release."""
    return f"""---
{card_yaml(configs, splits, features)}---

# Polyphony

Polyphony is a corpus of news articles annotated for **who says what about whom**: entity mentions
and coreference, political events (a PLOVER-aligned inventory with arguments, realis and polarity),
attribution (cue, source, content, nesting) and stance (holder, target, polarity, evidence), all four
layers linked in one document. Release built by polyphony {__version__}, schema {SCHEMA_VERSION}.

## Loading

```python
from datasets import load_dataset

docs = load_dataset("PATH/TO/THIS/DIRECTORY")            # config "documents": full annotation
ner = load_dataset("PATH/TO/THIS/DIRECTORY", "ner")       # also: events, attribution, stance
```

Only `datasets` is needed. Character offsets everywhere are half-open `[start, end)` into the
document `text`, in Unicode code points (Python string indices).

## Structure

| config | one row per | use |
|---|---|---|
| `documents` (default) | document | the canonical annotated document (JSON Schema `schema/polyphony.schema.json`) |
| `ner` | sentence | tokens, BIO `ner_tags` (ClassLabel) of names and times, every nested mention as a token span |
| `events` | event mention | sentence tokens, trigger token span, type, realis, polarity, modality, arguments |
| `attribution` | attribution | context sentences, cue / source / content spans relative to the context, quote and source type, nesting |
| `stance` | stance | holder, target (entity, event or proposition), polarity, explicitness, evidence text |
| `second_annotation` | document | an independent, blind second annotation of some documents (same features as `documents`), for agreement studies; the gold is `documents` |

Rows per config and split:

{_split_table(splits)}

Splits: `train`, `validation` and `test` hold the authored articles, split by story (no story is in
two splits, about 70/10/20 by tokens); `seed` holds the one real-world article, kept apart.

## Uses

Training and evaluating systems for named entities and coreference, political event extraction,
attribution (quotation) extraction and targeted stance detection, separately or jointly; studying
how outlets frame the same story.

Out of scope: drawing conclusions about real people, organisations or conflicts from the authored
articles, which are set in an invented world; treating the seed article's claims as verified facts.

## Curation rationale and source data

No open corpus links entities, events, attribution and stance in one document. Polyphony starts
from one real article (the seed) and grows with original articles written by the Polyphony team in
a consistent fictional world, so that every text can be shared and no real person is described.

## Annotations

Written by the Polyphony annotators following `schema/GUIDELINES.md`, in an authoring format whose
offsets are computed by the tooling, then validated level by level (structure, text and offsets,
references, label constraints). Annotator ids are in `metadata.annotators`.

## Personal and sensitive information

The seed article names real public figures in their public roles. The authored articles contain
no real people.

## Bias, risks and limitations

A small corpus in English about one kind of conflict; the fictional world mirrors one region's
politics; annotations reflect the guidelines' decisions (for example, governments are annotated
as their state).

## Licensing

{licence.SUMMARY}

## Citation

See `CITATION.cff`.
"""
