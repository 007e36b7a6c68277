"""A token classifier (scikit-learn estimator): DictVectorizer + LogisticRegression over token features."""

from __future__ import annotations

from typing import Any

from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline

from .features import token_features


def make_classifier(c: float = 1.0, seed: int = 0) -> Pipeline:
    return make_pipeline(DictVectorizer(), LogisticRegression(C=c, max_iter=1000, random_state=seed))


class TokenTagger(BaseEstimator, ClassifierMixin):
    """Tags every token of a sentence; X is a list of token lists, y a list of tag lists."""

    def __init__(self, c: float = 1.0, seed: int = 0):
        self.c = c
        self.seed = seed

    def _features(self, X: list[list[str]], extra: list[list[dict[str, Any]]] | None) -> list[dict[str, Any]]:
        if extra is None:
            return [token_features(words, i) for words in X for i in range(len(words))]
        return [
            {**token_features(words, i), **more[i]}
            for words, more in zip(X, extra, strict=True)
            for i in range(len(words))
        ]

    def fit(
        self, X: list[list[str]], y: list[list[str]], extra: list[list[dict[str, Any]]] | None = None
    ) -> TokenTagger:
        """`extra`: optional additional features per token (e.g. from a lexicon)."""
        feats = self._features(X, extra)
        tags = [tag for sentence in y for tag in sentence]
        self.constant_ = tags[0] if len(set(tags)) == 1 else None
        if self.constant_ is None:
            self.model_ = make_classifier(self.c, self.seed).fit(feats, tags)
        return self

    def predict(self, X: list[list[str]], extra: list[list[dict[str, Any]]] | None = None) -> list[list[str]]:
        if self.constant_ is not None:
            return [[self.constant_] * len(words) for words in X]
        feats = self._features(X, extra)
        flat: list[Any] = [str(t) for t in self.model_.predict(feats)] if feats else []
        out, k = [], 0
        for words in X:
            out.append(flat[k : k + len(words)])
            k += len(words)
        return out
