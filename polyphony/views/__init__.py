"""Task views: the flat rows of the `ner`, `events`, `attribution` and `stance` configs.

One module per task; the release writes these rows and the baselines train on exactly them.
"""

from .attribution import attribution_rows
from .events import event_rows
from .ner import ner_rows, ner_tag_names
from .stance import stance_rows

VIEWS = {"ner": ner_rows, "events": event_rows, "attribution": attribution_rows, "stance": stance_rows}

__all__ = ["VIEWS", "attribution_rows", "event_rows", "ner_rows", "ner_tag_names", "stance_rows"]
