"""scikit-learn baselines for every layer: a trivial one and a learned one each.

They train on the rows of the release's task views (polyphony.views), so what a researcher loads is
what they see, and they predict canonical documents that the validator accepts.
"""
