"""`polyphony reproduce`: the main job, from sources to the numbers a paper reports."""

from __future__ import annotations

from pathlib import Path

from .agreement import compile_second
from .corpus import compile_corpus
from .release import build_release
from .validate import validate_paths


def reproduce(out: Path, progress: bool = True) -> int:
    """Build the release, validate what was written, print what it holds. Returns an exit code."""
    print(f"[1/3] compiling the corpus and building the release in {out}")
    docs = compile_corpus()
    counts = build_release(docs, out, progress=progress, second=compile_second())
    print(f"[2/3] validating the release in {out}")
    report = validate_paths([out], progress=progress)
    for finding in report.findings:
        print(finding.format())
    if not report.ok:
        print(f"the release has {len(report.findings)} finding(s)")
        return 1
    print(f"valid: {report.documents} documents\n")
    print("rows per config and split:")
    splits = sorted(
        {s for per in counts.values() for s in per}, key=lambda s: ("train", "validation", "test", "seed").index(s)
    )
    print(f"  {'config':12s}" + "".join(f"{s:>12s}" for s in splits))
    for config, per in counts.items():
        print(f"  {config:12s}" + "".join(f"{per.get(s, 0):>12d}" for s in splits))
    if "train" not in counts["documents"]:
        print("\n[3/3] no train split yet: the baselines need authored articles")
        return 0
    from baselines.run import results_markdown, run_baselines

    baselines_out = out / "baselines"
    print(f"\n[3/3] training and scoring the baselines (train -> validation -> test, seed) in {baselines_out}")
    table = run_baselines(docs, baselines_out, progress=progress)
    print("\n" + results_markdown(table, "polyphony reproduce"))
    return 0
