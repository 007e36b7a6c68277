"""Polyphony: a corpus of news articles annotated for who says what about whom."""

__version__ = "0.1.0"
