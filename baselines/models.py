"""The baseline models, one pair (trivial, learned) per layer, as scikit-learn estimators.

Each `fit` takes sentences (baselines.sentences.Sentence, joined from the task-view rows) and
returns self; each `predict` returns, per sentence, token spans with labels.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from sklearn.base import BaseEstimator

from .features import bio_decode, cue_words, window_words
from .sentences import Sentence
from .tagger import TokenTagger, make_classifier

LEVELS = ("NAM", "NOM", "PRO")
QUOTES = set('\u201c\u201d"')
PUNCT = set(".,;:!?()[]\u201c\u201d\"'\u2018\u2019-")
MAX_NGRAM = 6
STRIP = ".,;:!?()\u201c\u201d\"'"


def _bio(length: int, spans: list[tuple[int, int, str]]) -> list[str]:
    """BIO tags for non-overlapping spans; of overlapping ones the longer wins."""
    tags = ["O"] * length
    for start, end, label in sorted(spans, key=lambda s: s[0] - s[1]):
        if all(t == "O" for t in tags[start:end]):
            tags[start] = f"B-{label}"
            for k in range(start + 1, end):
                tags[k] = f"I-{label}"
    return tags


# -- entities ---------------------------------------------------------------------------------
class LexiconMentions(BaseEstimator):
    """Trivial: every word sequence that was a mention in train at least half the times it occurred,
    with its majority type and level; longest match first."""

    def __init__(self, min_rate: float = 0.5):
        self.min_rate = min_rate

    def fit(self, sentences: list[Sentence]) -> LexiconMentions:
        labels: dict[tuple[str, ...], Counter] = defaultdict(Counter)
        for s in sentences:
            for m in s.mentions:
                key = tuple(w.lower() for w in s.words[m["start"] : m["end"]])
                if len(key) <= MAX_NGRAM:
                    labels[key][(m["type"], m["level"])] += 1
        seen: Counter = Counter()
        for s in sentences:
            lowered = [w.lower() for w in s.words]
            for n in range(1, MAX_NGRAM + 1):
                for i in range(len(lowered) - n + 1):
                    key = tuple(lowered[i : i + n])
                    if key in labels:
                        seen[key] += 1
        # string keys (words joined by a space) and list values, so that skops can store the model
        self.lexicon_ = {
            " ".join(k): list(c.most_common(1)[0][0])
            for k, c in labels.items()
            if sum(c.values()) / seen[k] >= self.min_rate
        }
        return self

    def predict(self, sentences: list[Sentence]) -> list[list[tuple[int, int, str, str]]]:
        out = []
        for s in sentences:
            lowered, found, i = [w.lower() for w in s.words], [], 0
            while i < len(lowered):
                for n in range(min(MAX_NGRAM, len(lowered) - i), 0, -1):
                    label = self.lexicon_.get(" ".join(lowered[i : i + n]))
                    if label:
                        found.append((i, i + n, *label))
                        i += n
                        break
                else:
                    i += 1
            out.append(found)
        return out


class LearnedMentions(BaseEstimator):
    """One BIO tagger per mention level (names, nominals, pronouns), so nested mentions of different
    levels are both found."""

    def __init__(self, c: float = 1.0, seed: int = 0):
        self.c = c
        self.seed = seed

    def fit(self, sentences: list[Sentence]) -> LearnedMentions:
        X = [s.words for s in sentences]
        self.taggers_ = {}
        for level in LEVELS:
            y = [
                _bio(len(s.words), [(m["start"], m["end"], m["type"]) for m in s.mentions if m["level"] == level])
                for s in sentences
            ]
            self.taggers_[level] = TokenTagger(self.c, self.seed).fit(X, y)
        return self

    def predict(self, sentences: list[Sentence]) -> list[list[tuple[int, int, str, str]]]:
        X = [s.words for s in sentences]
        out: list[list[tuple[int, int, str, str]]] = [[] for _ in sentences]
        for level, tagger in self.taggers_.items():
            for k, tags in enumerate(tagger.predict(X)):
                out[k] += [(a, b, label, level) for a, b, label in bio_decode(tags)]
        return [consistent_mentions(found) for found in out]


def consistent_mentions(found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """One mention per span (names before nominals before pronouns), and names and times that do not
    overlap one another (the validator's overlapping-names rule), in text order."""
    by_span: dict[tuple[int, int], tuple[int, int, str, str]] = {}
    for m in sorted(found, key=lambda m: LEVELS.index(m[3])):
        by_span.setdefault((m[0], m[1]), m)
    kept, flat_end = [], -1
    for m in sorted(by_span.values()):
        if m[3] == "NAM" or m[2] == "TIME":
            if m[0] < flat_end:
                continue
            flat_end = m[1]
        kept.append(m)
    return kept


# -- events -----------------------------------------------------------------------------------
class LexiconTriggers(BaseEstimator):
    """Trivial: a word is a trigger of its majority type if it was one at least half the times."""

    def __init__(self, min_rate: float = 0.5):
        self.min_rate = min_rate

    def fit(self, sentences: list[Sentence]) -> LexiconTriggers:
        types: dict[str, Counter] = defaultdict(Counter)
        seen: Counter = Counter(w.lower() for s in sentences for w in s.words)
        for s in sentences:
            for ev in s.events:
                if ev["trigger_end"] - ev["trigger_start"] == 1:
                    types[s.words[ev["trigger_start"]].lower()][ev["type"]] += 1
        self.lexicon_ = {
            w: c.most_common(1)[0][0] for w, c in types.items() if sum(c.values()) / seen[w] >= self.min_rate
        }
        return self

    def predict(self, sentences: list[Sentence]) -> list[list[tuple[int, int, str]]]:
        return [
            [(i, i + 1, self.lexicon_[w.lower()]) for i, w in enumerate(s.words) if w.lower() in self.lexicon_]
            for s in sentences
        ]


class LearnedTriggers(BaseEstimator):
    """A BIO tagger of event types, with the train lexicon's trigger rate and majority type of each
    word as features."""

    def __init__(self, c: float = 1.0, seed: int = 0):
        self.c = c
        self.seed = seed

    def _lexicon_features(self, sentences: list[Sentence]) -> list[list[dict[str, Any]]]:
        out = []
        for s in sentences:
            rows = []
            for w in s.words:
                rate, label = self.rates_.get(w.lower(), (0.0, "O"))
                rows.append({"lex_rate": round(rate, 1), "lex_type": label if rate >= 0.2 else "O"})
            out.append(rows)
        return out

    def fit(self, sentences: list[Sentence]) -> LearnedTriggers:
        types: dict[str, Counter] = defaultdict(Counter)
        seen: Counter = Counter(w.lower() for s in sentences for w in s.words)
        for s in sentences:
            for ev in s.events:
                types[s.words[ev["trigger_start"]].lower()][ev["type"]] += 1
        self.rates_ = {w: [sum(c.values()) / seen[w], c.most_common(1)[0][0]] for w, c in types.items()}
        y = [
            _bio(len(s.words), [(e["trigger_start"], e["trigger_end"], e["type"]) for e in s.events]) for s in sentences
        ]
        self.tagger_ = TokenTagger(self.c, self.seed).fit(
            [s.words for s in sentences], y, self._lexicon_features(sentences)
        )
        return self

    def predict(self, sentences: list[Sentence]) -> list[list[tuple[int, int, str]]]:
        tags = self.tagger_.predict([s.words for s in sentences], self._lexicon_features(sentences))
        return [bio_decode(t) for t in tags]


ATTRIBUTES = ("realis", "modality", "polarity")


def _attribute_features(words: list[str], start: int, end: int, event_type: str) -> dict[str, Any]:
    feats: dict[str, Any] = {"type": event_type, "trigger": " ".join(words[start:end]).lower()}
    feats.update({f"ctx={w}": True for w in window_words(words, start, end)})
    feats.update({f"cue={k}": v for k, v in cue_words(words).items()})
    return feats


class EventAttributes(BaseEstimator):
    """Realis, modality and polarity of an event; `learned=False` predicts the majority of each."""

    def __init__(self, learned: bool = True, c: float = 1.0, seed: int = 0):
        self.learned = learned
        self.c = c
        self.seed = seed

    def fit(self, sentences: list[Sentence]) -> EventAttributes:
        rows = [(s.words, e) for s in sentences for e in s.events]
        self.majority_ = {a: Counter(e[a] for _, e in rows).most_common(1)[0][0] for a in ATTRIBUTES}
        self.models_: dict[str, Any] = {}
        if self.learned:
            X = [_attribute_features(w, e["trigger_start"], e["trigger_end"], e["type"]) for w, e in rows]
            for a in ATTRIBUTES:
                y = [e[a] for _, e in rows]
                if len(set(y)) > 1:
                    self.models_[a] = make_classifier(self.c, self.seed).fit(X, y)
        return self

    def predict(self, items: list[tuple[list[str], int, int, str]]) -> list[dict[str, str]]:
        out = [dict(self.majority_) for _ in items]
        if items:
            X = [_attribute_features(*item) for item in items]
            for a, model in self.models_.items():
                for row, value in zip(out, model.predict(X), strict=True):
                    row[a] = str(value)
        return out


def _pair_features(
    words: list[str],
    trigger: tuple[int, int, str],
    mention: tuple[int, int, str, str],
    mentions: list[tuple[int, int, str, str]],
) -> dict[str, Any]:
    ts, te, event_type = trigger
    ms, me, entity_type, level = mention
    before = me <= ts
    gap = ts - me if before else ms - te
    between = words[me:ts] if before else words[te:ms]
    nearest = not any((m[1] <= ts and m[1] > me) if before else (m[0] >= te and m[0] < ms) for m in mentions)
    feats: dict[str, Any] = {
        "etype": event_type,
        "mtype": entity_type,
        "level": level,
        "dir": "before" if before else "after",
        "pair": f"{event_type}|{entity_type}|{'b' if before else 'a'}",
        "gap": min(max(gap, 0), 8) // 2,
        "nearest": nearest,
        "head": words[me - 1].lower(),
        "trigger": " ".join(words[ts:te]).lower(),
    }
    feats.update({f"between={w.lower()}": True for w in between[:6]})
    return feats


class ArgumentRoles(BaseEstimator):
    """Roles of (trigger, mention) pairs in one sentence; trivial: the majority role of the
    (event type, entity type, side) pair when it beats no-role."""

    def __init__(self, learned: bool = True, c: float = 1.0, seed: int = 0):
        self.learned = learned
        self.c = c
        self.seed = seed

    @staticmethod
    def _pairs(s: Sentence) -> tuple[list[dict[str, Any]], list[str]]:
        X, y = [], []
        mentions = [(m["start"], m["end"], m["type"], m["level"]) for m in s.mentions]
        for e in s.events:
            trigger = (e["trigger_start"], e["trigger_end"], e["type"])
            roles = {(a["start"], a["end"]): a["role"] for a in e["arguments"]}
            for m in mentions:
                if m[1] <= trigger[0] or m[0] >= trigger[1]:
                    X.append(_pair_features(s.words, trigger, m, mentions))
                    y.append(roles.get((m[0], m[1]), "NONE"))
        return X, y

    def fit(self, sentences: list[Sentence]) -> ArgumentRoles:
        X, y = [], []
        for s in sentences:
            xs, ys = self._pairs(s)
            X += xs
            y += ys
        table: dict[str, Counter] = defaultdict(Counter)
        for x, role in zip(X, y, strict=True):
            table[x["pair"]][role] += 1
        self.majority_ = {k: c.most_common(1)[0][0] for k, c in table.items()}
        self.model_ = make_classifier(self.c, self.seed).fit(X, y) if self.learned and len(set(y)) > 1 else None
        return self

    def predict(
        self, items: list[tuple[list[str], tuple[int, int, str], list[tuple[int, int, str, str]]]]
    ) -> list[list[tuple[int, str]]]:
        """For each (words, trigger, mentions): (mention index, role) pairs."""
        out = []
        for words, trigger, mentions in items:
            candidates = [(k, m) for k, m in enumerate(mentions) if m[1] <= trigger[0] or m[0] >= trigger[1]]
            X = [_pair_features(words, trigger, m, mentions) for _, m in candidates]
            if not X:
                out.append([])
                continue
            roles = (
                [str(r) for r in self.model_.predict(X)]
                if self.model_ is not None
                else [self.majority_.get(x["pair"], "NONE") for x in X]
            )
            out.append([(k, role) for (k, _), role in zip(candidates, roles, strict=True) if role != "NONE"])
        return out


# -- attribution ------------------------------------------------------------------------------
def _in_quotes(words: list[str], i: int) -> bool:
    return sum(w in QUOTES for w in words[:i]) % 2 == 1


def _content_features(words: list[str], cue: tuple[int, int], source: tuple[int, int] | None, i: int) -> dict[str, Any]:
    side = "before" if i < cue[0] else "after" if i >= cue[1] else "cue"
    distance = cue[0] - i if side == "before" else i - cue[1] + 1 if side == "after" else 0
    return {
        "side": side,
        "dist": min(distance, 12),
        "quoted": _in_quotes(words, i),
        "punct": words[i] in PUNCT,
        "w": words[i].lower(),
        "source": bool(source and source[0] <= i < source[1]),
        "cue": " ".join(words[cue[0] : cue[1]]).lower(),
        "side|quoted": f"{side}|{_in_quotes(words, i)}",
    }


def _source_features(
    words: list[str], cue: tuple[int, int], m: tuple[int, int, str, str], mentions: list
) -> dict[str, Any]:
    before = m[1] <= cue[0]
    gap = cue[0] - m[1] if before else m[0] - cue[1]
    nearest = not any(
        (x[1] <= cue[0] and x[1] > m[1]) if before else (x[0] >= cue[1] and x[0] < m[0]) for x in mentions
    )
    return {
        "type": m[2],
        "level": m[3],
        "dir": "before" if before else "after",
        "gap": min(max(gap, 0), 8),
        "nearest": nearest,
        "head": words[m[1] - 1].lower(),
        "cue": " ".join(words[cue[0] : cue[1]]).lower(),
        "type|dir": f"{m[2]}|{before}",
    }


def quote_type(text: str, spans: list[tuple[int, int]]) -> str:
    """DIRECT when each content span is enclosed in quotation marks, MIXED when one contains them."""
    enclosed = all(text[max(s - 1, 0) : s] in QUOTES or text[s : s + 1] in QUOTES for s, _ in spans)
    if enclosed:
        return "DIRECT"
    return "MIXED" if any(q in text[s:e] for s, e in spans for q in QUOTES) else "INDIRECT"


def _trim(words: list[str], first: int, last: int) -> tuple[int, int]:
    while first < last and (words[first] in PUNCT or words[first].lower() == "that"):
        first += 1
    while last > first and words[last - 1] in PUNCT:
        last -= 1
    return first, last


class Attribution(BaseEstimator):
    """Cue detection, source linking, content extent and source type.

    learned=False: cues from a train lexicon, the nearest person/organisation mention before the
    cue (else after) as source, and the rest of the sentence after the cue (or before it) as content.
    learned=True: a cue tagger, a source ranker, a token classifier for the content, a source-type
    classifier."""

    def __init__(self, learned: bool = True, c: float = 1.0, seed: int = 0, min_rate: float = 0.5):
        self.learned = learned
        self.c = c
        self.seed = seed
        self.min_rate = min_rate

    def fit(self, sentences: list[Sentence]) -> Attribution:
        cue_count: Counter = Counter()
        seen: Counter = Counter(w.lower() for s in sentences for w in s.words)
        for s in sentences:
            for a, b in s.cues:
                cue_count[" ".join(s.words[a:b]).lower()] += 1
        self.cue_lexicon_ = {
            w: n for w, n in cue_count.items() if " " not in w and n / max(seen[w], 1) >= self.min_rate
        }
        self.source_type_majority_ = Counter(a["source_type"] for s in sentences for a in s.attributions).most_common(1)
        self.source_type_majority_ = self.source_type_majority_[0][0] if self.source_type_majority_ else "NAMED_PERSON"
        if not self.learned:
            return self
        self.cue_tagger_ = TokenTagger(self.c, self.seed).fit(
            [s.words for s in sentences], [_bio(len(s.words), [(a, b, "CUE") for a, b in s.cues]) for s in sentences]
        )
        src_X, src_y, con_X, con_y, type_X, type_y = [], [], [], [], [], []
        for s in sentences:
            mentions = [(m["start"], m["end"], m["type"], m["level"]) for m in s.mentions]
            for cue, row in zip(s.cues, s.attributions, strict=True):
                origin = row["context_start"]
                source = None
                if row["source"] and row["source"]["text"]:
                    source = s.token_span(row["source"]["start"] + origin, row["source"]["end"] + origin)
                for m in mentions:
                    if m[1] <= cue[0] or m[0] >= cue[1]:
                        src_X.append(_source_features(s.words, cue, m, mentions))
                        src_y.append(source == (m[0], m[1]))
                inside = set()
                for c in row["content"]:
                    for i, (ts, te) in enumerate(zip(s.starts, s.ends, strict=True)):
                        if c["start"] + origin <= ts and te <= c["end"] + origin:
                            inside.add(i)
                for i in range(len(s.words)):
                    con_X.append(_content_features(s.words, cue, source, i))
                    con_y.append(i in inside)
                if source:
                    type_X.append(
                        {
                            "type": next((m[2] for m in mentions if (m[0], m[1]) == source), "?"),
                            **{f"w={w.lower()}": True for w in s.words[source[0] : source[1]]},
                        }
                    )
                    type_y.append(row["source_type"])
        self.source_model_ = make_classifier(self.c, self.seed).fit(src_X, src_y) if len(set(src_y)) > 1 else None
        self.content_model_ = make_classifier(self.c, self.seed).fit(con_X, con_y) if len(set(con_y)) > 1 else None
        self.type_model_ = make_classifier(self.c, self.seed).fit(type_X, type_y) if len(set(type_y)) > 1 else None
        return self

    def _cues(self, sentences: list[Sentence]) -> list[list[tuple[int, int]]]:
        if self.learned:
            return [
                [(a, b) for a, b, _ in bio_decode(tags)]
                for tags in self.cue_tagger_.predict([s.words for s in sentences])
            ]
        return [[(i, i + 1) for i, w in enumerate(s.words) if w.lower() in self.cue_lexicon_] for s in sentences]

    def _source(self, words: list[str], cue: tuple[int, int], mentions: list) -> int | None:
        candidates = [(k, m) for k, m in enumerate(mentions) if m[1] <= cue[0] or m[0] >= cue[1]]
        if not candidates:
            return None
        if self.learned and self.source_model_ is not None:
            probs = self.source_model_.predict_proba([_source_features(words, cue, m, mentions) for _, m in candidates])
            column = list(self.source_model_.classes_).index(True)
            best = max(range(len(candidates)), key=lambda j: probs[j][column])
            return candidates[best][0] if probs[best][column] >= 0.3 else None
        agents = [(k, m) for k, m in candidates if m[2] in ("PER", "ORG", "GPE")]
        before = [(k, m) for k, m in agents if m[1] <= cue[0]]
        if before:
            return max(before, key=lambda km: km[1][1])[0]
        after = [(k, m) for k, m in agents if m[0] >= cue[1]]
        return min(after, key=lambda km: km[1][0])[0] if after else None

    def _content(self, words: list[str], cue: tuple[int, int], source: tuple[int, int] | None) -> list[tuple[int, int]]:
        if self.learned and self.content_model_ is not None:
            flags = self.content_model_.predict([_content_features(words, cue, source, i) for i in range(len(words))])
            spans, start = [], None
            for i, flag in enumerate([*flags, False]):
                inside = bool(flag) and not (cue[0] <= i < cue[1]) and not (source and source[0] <= i < source[1])
                if inside and start is None:
                    start = i
                elif not inside and start is not None:
                    spans.append(_trim(words, start, i))
                    start = None
            return [s for s in spans if s[1] > s[0]]
        after = _trim(words, cue[1], len(words))
        if after[1] - after[0] >= 2:
            return [after]
        before = _trim(words, 0, min(cue[0], source[0]) if source else cue[0])
        return [before] if before[1] > before[0] else []

    def predict(
        self, sentences: list[Sentence], mentions: list[list[tuple[int, int, str, str]]]
    ) -> list[list[dict[str, Any]]]:
        """Per sentence: attributions as token spans {cue, source (mention index or None), content, source_type}."""
        out = []
        for s, cues, found in zip(sentences, self._cues(sentences), mentions, strict=True):
            items = []
            for cue in cues:
                k = self._source(s.words, cue, found)
                source = (found[k][0], found[k][1]) if k is not None else None
                content = self._content(s.words, cue, source)
                if not content:
                    continue
                source_type = "UNSPECIFIED" if source is None else self.source_type_majority_
                if source is not None and self.learned and self.type_model_ is not None:
                    x = {"type": found[k][2], **{f"w={w.lower()}": True for w in s.words[source[0] : source[1]]}}
                    source_type = str(self.type_model_.predict([x])[0])
                items.append({"cue": cue, "source": k, "content": content, "source_type": source_type})
            out.append(items)
        return out


# -- stance -----------------------------------------------------------------------------------
def _stance_features(row: dict[str, Any]) -> dict[str, Any]:
    feats: dict[str, Any] = {
        "holder_type": row["holder_type"],
        "target_kind": row["target_kind"],
        "target_type": row["target_type"],
        "holder_kind": row["holder_kind"],
        "explicit": row["explicitness"],
    }
    words = row["evidence_text"].lower().split()
    feats.update({f"w={w.strip(STRIP)}": True for w in words})
    feats.update({f"t={w}": True for w in row["target_text"].lower().split()})
    return feats


class Stance(BaseEstimator):
    """Polarity of a given (holder, target) pair from the stance view row; `learned=False` predicts
    the training majority."""

    def __init__(self, learned: bool = True, c: float = 1.0, seed: int = 0):
        self.learned = learned
        self.c = c
        self.seed = seed

    def fit(self, rows: list[dict[str, Any]]) -> Stance:
        y = [r["polarity"] for r in rows]
        self.majority_ = Counter(y).most_common(1)[0][0]
        self.model_ = None
        if self.learned and len(set(y)) > 1:
            from sklearn.feature_extraction import DictVectorizer
            from sklearn.linear_model import LogisticRegression
            from sklearn.pipeline import make_pipeline

            self.model_ = make_pipeline(
                DictVectorizer(),
                LogisticRegression(C=self.c, max_iter=500, class_weight="balanced", random_state=self.seed),
            )
            self.model_.fit([_stance_features(r) for r in rows], y)
        return self

    def predict(self, rows: list[dict[str, Any]]) -> list[str]:
        if self.model_ is None or not rows:
            return [self.majority_] * len(rows)
        return [str(p) for p in self.model_.predict([_stance_features(r) for r in rows])]
