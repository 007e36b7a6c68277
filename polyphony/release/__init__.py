"""The Hugging Face release: Parquet per config and split, a dataset card, a manifest."""

from .build import CONFIGS, build_release

__all__ = ["CONFIGS", "build_release"]
