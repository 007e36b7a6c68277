"""Tokens and sentences: tiling, hyphens, possessives, abbreviations, sentence ends."""

from __future__ import annotations

from typing import Any

from polyphony.text import normalise_text, segment, tokenize


def words(text: str) -> list[str]:
    return [text[s:e] for s, e in tokenize(text)]


def test_hyphens_and_possessives_split_so_names_align() -> None:
    assert words("the US-led coalition’s mission") == ["the", "US", "-", "led", "coalition", "’s", "mission"]
    assert words("Kata’ib Hezbollah's") == ["Kata’ib", "Hezbollah", "'s"]


def test_abbreviations_keep_their_full_stop() -> None:
    assert words("Maj. Gen. Rasool met a U.S. official on Feb. 10.") == [
        "Maj.",
        "Gen.",
        "Rasool",
        "met",
        "a",
        "U.S.",
        "official",
        "on",
        "Feb.",
        "10",
        ".",
    ]


def test_sentences_end_at_full_stops_quotes_and_line_breaks() -> None:
    text = "Headline here\n\nHe said it. “Yes,” she said. Gen. Tarek left on Feb. 3 to talk."
    sentences, _ = segment(text)
    assert [text[s:e] for s, e in sentences] == [
        "Headline here",
        "He said it.",
        "“Yes,” she said.",
        "Gen. Tarek left on Feb. 3 to talk.",
    ]


def test_tokens_tile_the_seed(seed: dict[str, Any]) -> None:
    text = seed["text"]
    covered = "".join(text[t["start"] : t["end"]] for t in seed["tokens"])
    assert covered == "".join(text.split())


def test_normalise_text() -> None:
    assert normalise_text("Cafe\u0301\r\nline  \n\n") == "Café\nline"
