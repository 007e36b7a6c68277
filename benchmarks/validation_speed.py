"""Benchmark: structural + semantic validation throughput on the stress corpus (2 workers).

    python benchmarks/validation_speed.py --documents 200000 --tokens 150 [--gather python]

Prints documents/s and tokens/s; results are recorded by hand in benchmarks/RESULTS.md. The text
fast path reads offsets with the compiled gatherer when `pip install` built it; `--gather python`
measures the pure-Python one that runs where no C compiler was at hand.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from multiprocessing import get_context
from pathlib import Path

import orjson
from stress_corpus import write_stress_corpus

from polyphony.validate import gather, text_batch, validate_documents, validate_paths
from polyphony.validate.runner import BATCH


def _checks_only(args: tuple[str, int, int]) -> tuple[int, float]:
    """Parse lines [first, last) untimed, then time structural + semantic checks alone (in the
    validator's batches)."""
    path, first, last = args
    with open(path, "rb") as handle:
        lines = handle.read().split(b"\n")[first:last]
    docs = [orjson.loads(line) for line in lines if line.strip()]
    gc.disable()
    start = time.perf_counter()
    for k in range(0, len(docs), BATCH):
        assert not any(validate_documents(docs[k : k + BATCH]))
    return len(docs), time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=200_000)
    parser.add_argument("--tokens", type=int, default=150, help="tokens per synthetic document")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", default=str(Path(__file__).parent / "output"))
    parser.add_argument("--repeats", type=int, default=5, help="runs of the checks-only measurement")
    parser.add_argument("--gather", choices=("installed", "python"), default="installed")
    args = parser.parse_args()
    if args.gather == "python":  # the workers are forked, so they inherit the swap
        text_batch.offsets, text_batch.span_offsets = gather.offsets, gather.span_offsets
    compiled = text_batch.offsets is not gather.offsets
    print(f"offset gatherer: {'compiled (Cython)' if compiled else 'Python'}")
    path = write_stress_corpus(
        Path(args.out) / f"stress-{args.documents}-{args.tokens}.jsonl", args.documents, args.tokens
    )
    size = path.stat().st_size
    start = time.perf_counter()
    report = validate_paths([path], jobs=args.jobs, progress=False)
    seconds = time.perf_counter() - start
    assert report.ok, report.findings[:3]
    print(
        f"end to end (read, parse, validate) {report.documents:,} documents of {args.tokens} tokens ({size / 1e6:.0f} MB), "
        f"{args.jobs} workers: {seconds:.2f} s, {report.documents / seconds:,.0f} documents/s, "
        f"{report.documents * args.tokens / seconds:,.0f} tokens/s"
    )
    sample = min(report.documents, 20_000)
    parts = [(str(path), k * sample // args.jobs, (k + 1) * sample // args.jobs) for k in range(args.jobs)]
    rates = []
    for _ in range(args.repeats):
        with get_context("fork").Pool(args.jobs) as pool:
            results = pool.map(_checks_only, parts)
        rates.append(sum(n for n, _ in results) / max(t for _, t in results))
    print(
        "checks only (structure + text/offsets + references + labels on parsed documents), "
        f"{args.jobs} workers: median {statistics.median(rates):,.0f} documents/s "
        f"(runs: {', '.join(f'{r:,.0f}' for r in rates)})"
    )


if __name__ == "__main__":
    main()
