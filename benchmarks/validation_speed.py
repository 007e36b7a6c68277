"""Benchmark: structural + semantic validation throughput on the stress corpus (2 workers).

    python benchmarks/validation_speed.py --documents 200000 --tokens 150

Prints documents/s and tokens/s; results are recorded by hand in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from stress_corpus import write_stress_corpus

from polyphony.validate import validate_paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=200_000)
    parser.add_argument("--tokens", type=int, default=150, help="tokens per synthetic document")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", default=str(Path(__file__).parent / "output"))
    args = parser.parse_args()
    path = write_stress_corpus(
        Path(args.out) / f"stress-{args.documents}-{args.tokens}.jsonl", args.documents, args.tokens
    )
    size = path.stat().st_size
    start = time.perf_counter()
    report = validate_paths([path], jobs=args.jobs, progress=False)
    seconds = time.perf_counter() - start
    assert report.ok, report.findings[:3]
    print(
        f"{report.documents:,} documents of {args.tokens} tokens ({size / 1e6:.0f} MB) with {args.jobs} workers: "
        f"{seconds:.2f} s, {report.documents / seconds:,.0f} documents/s, {report.documents * args.tokens / seconds:,.0f} tokens/s"
    )


if __name__ == "__main__":
    main()
