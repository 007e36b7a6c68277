"""The fictional world's registries (corpus/world/): entity ids, outlets, stories and the finer
happenings inside stories, which authored documents link to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import PolyphonyError
from .paths import corpus_dir

WORLD_DIR = "world"


@dataclass(frozen=True)
class World:
    entities: frozenset[str]
    outlets: frozenset[str]
    stories: frozenset[str]
    happenings: frozenset[str]  # finer ids inside stories ("story-014-ambush")


def _items(path: Path, key: str | None = None) -> list[dict[str, Any]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PolyphonyError(f"{path}: cannot read the world registry: {exc}") from None
    items = data.get(key) if key and isinstance(data, dict) else data
    if not isinstance(items, list) or not all(isinstance(i, dict) and "id" in i for i in items):
        raise PolyphonyError(f"{path}: expected a list of items with an `id`" + (f" under `{key}`" if key else ""))
    return items


def load_world(corpus: Path | None = None) -> World:
    directory = (corpus or corpus_dir()) / WORLD_DIR
    stories = _items(directory / "timeline.yaml", "stories")
    happenings = []
    for story in stories:
        for i, item in enumerate(story.get("happenings") or []):
            if not isinstance(item, dict) or not {"id", "summary"} <= item.keys():
                raise PolyphonyError(
                    f"{directory / 'timeline.yaml'}: {story['id']}: happening {i} needs an id and a summary"
                )
            happenings.append(str(item["id"]))
    return World(
        entities=frozenset(str(e["id"]) for e in _items(directory / "entities.yaml")),
        outlets=frozenset(str(o["id"]) for o in _items(directory / "outlets.yaml")),
        stories=frozenset(str(s["id"]) for s in stories),
        happenings=frozenset(happenings),
    )
