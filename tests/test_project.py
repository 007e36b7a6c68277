def test_corpus_passes_qa() -> None:
    from polyphony.cli import main

    assert main(["-q", "qa"]) == 0, "fix the findings of `polyphony qa` or waive them with a reason"
