"""The licences, stated once: the card, LICENSE.md and the datasheet all quote these lines."""

ANNOTATIONS = "CC-BY-4.0"
AUTHORED_TEXTS = "CC-BY-4.0"
SUMMARY = (
    "The **annotations** (every layer, in every config) are licensed CC BY 4.0 by the Polyphony authors. "
    "The **texts** carry their own licence, in each document's `metadata.licence`: the authored articles "
    "(provenance `authored`) are original writing by the Polyphony authors, licensed CC BY 4.0; the seed "
    "article (provenance `seed`) is a real news article that is **not ours** and is **not** licensed by "
    "us: its copyright stays with its publisher and author, whom the seed does not record. It is included "
    "for research on its annotation; do not republish its text on its own."
)
