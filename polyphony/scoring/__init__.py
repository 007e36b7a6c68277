"""Scoring of every layer: one span-matching core, per-layer units, summed counts, bootstrap."""

from .score import LAYERS, ScoreResult, score_documents, score_files

__all__ = ["LAYERS", "ScoreResult", "score_documents", "score_files"]
