"""Croissant 1.1 (MLCommons) metadata of a release, with the Responsible AI (RAI) extension.

One FileObject per Parquet file (with its sha256) and one RecordSet per config and split, whose
fields are derived from the config's `datasets` features: lists become `isArray` fields and structs
become `subField`s read by JSON path, so the description always matches the files. (mlcroissant
1.1.1 reads every flat config; in `documents` it drops structs nested two levels deep, such as an
event's trigger: load that config with `datasets`.)
"""

from __future__ import annotations

import hashlib
from typing import Any

from datasets import ClassLabel, Features, LargeList, List, Sequence, Value

from .. import __version__
from . import licence

CONFORMS_TO = "http://mlcommons.org/croissant/1.1"
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
CONTEXT = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
DATA_TYPES = {"string": "sc:Text", "bool": "sc:Boolean", "float32": "sc:Float", "float64": "sc:Float"}
RAI = {
    "rai:dataCollection": (
        "Authored articles are original prose written one at a time by AI agents, set in a fictional world "
        "(corpus/world/); one real news article (the seed) is included verbatim but for a navigation line."
    ),
    "rai:dataAnnotationProtocol": (
        "Every layer annotated to schema/GUIDELINES.md in an anchored YAML format compiled to offsets and "
        "validated; a sample annotated a second time blind and adjudicated (agreement in DATASHEET.md)."
    ),
    "rai:dataBiases": (
        "Writers and annotators are AI agents following one set of guidelines; outlets' leanings are "
        "designed, so stance distributions by outlet reflect the world's design, not real media."
    ),
    "rai:dataLimitations": (
        "English only; a fictional region; agreement figures measure consistency between agents, not human agreement."
    ),
    "rai:personalSensitiveInformation": (
        "No real living person appears in authored articles; the seed names public figures as reported."
    ),
    "rai:dataUseCases": "Training and evaluating entity, event, attribution and stance models on news text.",
}


def _kind(feature: Any) -> tuple[str | None, bool, Any]:
    """(data type, is a list, element) of a feature."""
    if isinstance(feature, (List, LargeList, Sequence)):
        inner = feature.feature
        data_type, _, element = _kind(inner)
        return data_type, True, element
    if isinstance(feature, ClassLabel):
        return "sc:Integer", False, None
    if isinstance(feature, Value):
        dtype = feature.dtype
        return DATA_TYPES.get(dtype, "sc:Integer" if "int" in dtype else "sc:Text"), False, None
    if isinstance(feature, dict):
        return None, False, feature
    raise TypeError(f"no Croissant type for feature {feature!r}")


def _field(field_id: str, name: str, feature: Any, file_id: str, column: str, path: list[str]) -> dict[str, Any]:
    data_type, is_list, element = _kind(feature)
    source: dict[str, Any] = {"fileObject": {"@id": file_id}, "extract": {"column": column}}
    if path:  # a subfield reads its key from the parent's value
        source["transform"] = {"jsonPath": path[-1]}
    field: dict[str, Any] = {"@type": "cr:Field", "@id": field_id, "name": name}
    if isinstance(feature, ClassLabel):
        field["description"] = "Class label: " + ", ".join(f"{i} {n}" for i, n in enumerate(feature.names))
    if is_list:
        field["cr:isArray"] = True
        field["cr:arrayShape"] = "-1"
    if element is not None:
        field["subField"] = [
            _field(f"{field_id}/{key}", key, sub, file_id, column, [*path, key]) for key, sub in element.items()
        ]
    else:
        field["dataType"] = data_type
        field["source"] = source
    return field


def croissant(
    configs: list[str], counts: dict[str, dict[str, int]], features: dict[str, Features], files: dict[str, bytes]
) -> dict[str, Any]:
    """The Croissant JSON-LD of a release (deterministic: no dates, sorted files)."""
    distribution = []
    record_sets = []
    for config in configs:
        for split in counts[config]:
            path = f"data/{config}/{split}.parquet"
            file_id = f"{config}-{split}-parquet"
            distribution.append(
                {
                    "@type": "cr:FileObject",
                    "@id": file_id,
                    "name": file_id,
                    "contentUrl": path,
                    "contentSize": f"{len(files[path])} B",
                    "encodingFormat": "application/x-parquet",
                    "sha256": hashlib.sha256(files[path]).hexdigest(),
                }
            )
            record_id = f"{config}-{split}"
            record_sets.append(
                {
                    "@type": "cr:RecordSet",
                    "@id": record_id,
                    "name": record_id,
                    "description": f"The {config} config, {split} split: {counts[config][split]} rows.",
                    "field": [
                        _field(f"{record_id}/{name}", name, feature, file_id, name, [])
                        for name, feature in features[config].items()
                    ],
                }
            )
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "name": "polyphony",
        "description": (
            "News articles annotated for who says what about whom: entity mentions and coreference, "
            "political events with arguments, attribution (cue, source, content, nesting) and stance. "
            + licence.SUMMARY.replace("**", "")
        ),
        "conformsTo": CONFORMS_TO,
        "license": CC_BY,
        "version": __version__,
        "citeAs": "Polyphony: a corpus of news articles annotated for who says what about whom (see CITATION.cff).",
        "inLanguage": "en",
        "keywords": ["attribution", "stance", "events", "entities", "news", "coreference"],
        **RAI,
        "distribution": distribution,
        "recordSet": record_sets,
    }
