"""The `polyphony` command: each subcommand parses its arguments and calls one library function."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import PolyphonyError, UsageError

DEFAULT_RELEASE = Path("release")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 on usage errors: keep that, without a traceback
        self.print_usage(sys.stderr)
        raise UsageError(f"{self.prog}: {message}")


def _cmd_compile(args: argparse.Namespace) -> int:
    from .authoring import compile_file
    from .corpus import load_propositions
    from .jsonl import dumps
    from .paths import repo_root
    from .validate import validate_document

    status = 0
    for path in args.files:
        doc = compile_file(Path(path), repo_root(), load_propositions())
        findings = validate_document(doc)
        for finding in findings:
            print(finding.located(str(path), 0, doc["id"]).format(), file=sys.stderr)
        status = status or (1 if findings else 0)
        if not args.quiet:
            sys.stdout.write(dumps(doc).decode() + "\n")
    return status


def _cmd_validate(args: argparse.Namespace) -> int:
    from .validate import CHECKS, validate_paths

    paths = [Path(p) for p in args.paths]
    if not paths:
        from .corpus import compile_corpus
        from .paths import corpus_dir
        from .validate import validate_documents

        docs = compile_corpus()
        findings = [
            f.located("corpus", 0, d["id"])
            for d, found in zip(docs, validate_documents(docs), strict=True)
            for f in found
        ]
        documents, where = len(docs), f"compiled from {corpus_dir() / 'documents'}"
    else:
        report = validate_paths(paths, partial=args.partial, jobs=args.jobs, progress=not args.quiet)
        findings, documents, where = report.findings, report.documents, f"in {report.files} file(s)"
    for finding in findings:
        print(finding.format())
    if findings and not args.quiet:
        print("\nWhat the checks mean:")
        for check in sorted({f.check for f in findings}):
            print(f"  {check}: {CHECKS[check][1]}")
    word = "invalid" if findings else "valid"
    print(f"{documents} documents {where}: {word} ({len(findings)} finding(s))", file=sys.stderr)
    return 1 if findings else 0


def _cmd_export(args: argparse.Namespace) -> int:
    from .brat import export_brat
    from .corpus import compile_corpus
    from .jsonl import write_documents

    docs = compile_corpus()
    if args.format == "brat":
        count = export_brat(docs, Path(args.out))
        print(f"wrote {count} documents to {args.out} (brat standoff: .txt, .ann, .json, annotation.conf)")
    else:
        count = write_documents(Path(args.out), docs)
        print(f"wrote {count} documents to {args.out}")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from .brat import import_brat
    from .jsonl import write_documents
    from .validate import validate_documents

    docs = import_brat(Path(args.directory))
    findings = [
        f.located(str(Path(args.directory) / f"{d['id']}.ann"), 0, d["id"])
        for d, found in zip(docs, validate_documents(docs), strict=True)
        for f in found
    ]
    for finding in findings:
        print(finding.format())
    if findings:
        print(f"{len(docs)} documents read; {len(findings)} finding(s); nothing written", file=sys.stderr)
        return 1
    count = write_documents(Path(args.out), docs)
    print(f"wrote {count} valid documents to {args.out}")
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from .agreement import compile_second
    from .corpus import compile_corpus
    from .release import build_release

    counts = build_release(compile_corpus(), Path(args.out), progress=not args.quiet, second=compile_second())
    print(f"wrote the release to {args.out}")
    for config, per in counts.items():
        print(f"  {config:12s} " + "  ".join(f"{split}={n}" for split, n in per.items()))
    return 0


def _cmd_reproduce(args: argparse.Namespace) -> int:
    from .reproduce import reproduce

    return reproduce(Path(args.out), progress=not args.quiet)


def _cmd_guidelines(args: argparse.Namespace) -> int:
    from .guidelines import guidelines_path, guidelines_up_to_date, write_guidelines

    if args.write:
        print(f"wrote {write_guidelines()}")
        return 0
    if guidelines_up_to_date():
        print(f"{guidelines_path()}: label tables are up to date")
        return 0
    print(f"{guidelines_path()}: label tables differ from the schema; run `polyphony guidelines --write`")
    return 1


def _cmd_score(args: argparse.Namespace) -> int:
    import json

    from .scoring.report import markdown_table
    from .scoring.score import bootstrap, paired_bootstrap, score_files

    layers = [x for part in args.layers for x in part.split(",")] if args.layers else None
    result = score_files(Path(args.gold), Path(args.pred), layers, args.allow_missing)
    output: dict = dict(result.scores)
    intervals = None
    if args.bootstrap:
        intervals = bootstrap(result, args.bootstrap, args.seed)
        output["bootstrap"] = {"resamples": args.bootstrap, "seed": args.seed, "ci95": intervals}
    if args.against:
        other = score_files(Path(args.gold), Path(args.against), result.layers, args.allow_missing)
        output["comparison"] = {
            "against": args.against,
            "resamples": args.bootstrap or 1000,
            "figures": paired_bootstrap(result, other, args.bootstrap or 1000, args.seed),
        }
    if args.json:
        print(json.dumps(output, indent=2, sort_keys=False))
    else:
        print(markdown_table(result.scores, intervals, title=f"{args.pred} against {args.gold}"))
        if args.against:
            print("\n| figure | A | B | A - B | p (A not better) |\n|---|---:|---:|---:|---:|")
            for key, row in output["comparison"]["figures"].items():
                print(
                    f"| {key} | {100 * row['a']:.1f} | {100 * row['b']:.1f} | {100 * row['delta']:+.1f} | {row['p_value']:.3f} |"
                )
    return 0


def _cmd_agreement(args: argparse.Namespace) -> int:
    import json

    from .agreement import corpus_agreement, markdown
    from .docblocks import is_current, write_block
    from .paths import repo_root

    if args.diff:
        from .agreement import FIRST_DIR, compile_annotations, disagreements
        from .corpus import compile_corpus

        first = {d["id"]: d for d in compile_corpus()}
        first.update({d["id"]: d for d in compile_annotations(FIRST_DIR)})
        second = {d["id"]: d for d in compile_annotations("second")}
        if args.diff not in second or args.diff not in first:
            raise UsageError(f"no first and second annotation of {args.diff!r}")
        for line in disagreements(first[args.diff], second[args.diff]):
            print(line)
        return 0
    result = corpus_agreement()
    print(json.dumps(result, indent=2) if args.json else markdown(result))
    path = repo_root() / "DATASHEET.md"
    if args.write_docs:
        write_block(path, "agreement", markdown(result))
        print(f"updated {path}")
    elif args.check_docs and not is_current(path, "agreement", markdown(result)):
        print(f"{path}: the agreement block is out of date; run `polyphony agreement --write-docs`")
        return 1
    return 0


def _cmd_qa(args: argparse.Namespace) -> int:
    from collections import Counter

    from .corpus import compile_corpus
    from .qa import run_qa

    failing, waived, density = run_qa(compile_corpus())
    for finding in failing:
        print(finding.format())
    by_check = Counter(f.check for f in failing)
    print("\nannotation density per 1,000 tokens: " + ", ".join(f"{k} {v:.1f}" for k, v in density.items()))
    print(
        f"{len(failing)} finding(s) "
        + (f"({', '.join(f'{k} {v}' for k, v in sorted(by_check.items()))}) " if failing else "")
        + f"and {len(waived)} waived by corpus/qa-exceptions*.yaml"
    )
    return 1 if failing else 0


def _cmd_baselines(args: argparse.Namespace) -> int:
    from baselines.run import results_markdown, run_baselines

    from .corpus import compile_corpus
    from .docblocks import write_block
    from .paths import repo_root

    table = run_baselines(compile_corpus(), Path(args.out), seed=args.seed, progress=not args.quiet)
    text = results_markdown(table, "polyphony reproduce")
    print(text)
    if args.write_docs:
        for path in (repo_root() / "README.md", repo_root() / "baselines" / "RESULTS.md"):
            write_block(path, "baseline-results", text)
            print(f"updated {path}")
    return 0


DOC_FILES = ("README.md", "DATASHEET.md")
STATS_BLOCK = "corpus-statistics"


def _cmd_stats(args: argparse.Namespace) -> int:
    from .corpus import compile_corpus
    from .docblocks import is_current, write_block
    from .paths import repo_root
    from .statistics import markdown_summary, text_report, write_plots

    docs = compile_corpus()
    print(text_report(docs))
    if args.plots:
        for path in write_plots(docs, Path(args.plots)):
            print(f"wrote {path}")
    block = markdown_summary(docs)
    paths = [repo_root() / name for name in DOC_FILES]
    if args.write_docs:
        for path in paths:
            write_block(path, STATS_BLOCK, block)
            print(f"updated {path}")
    elif args.check_docs:
        stale = [str(p) for p in paths if not is_current(p, STATS_BLOCK, block)]
        if stale:
            print("out of date (run `polyphony stats --write-docs`): " + ", ".join(stale))
            return 1
    return 0


def _cmd_splits(args: argparse.Namespace) -> int:
    from .corpus import compile_corpus
    from .paths import corpus_dir
    from .splits import FROZEN_FILE, SEED_SPLIT, corpus_splits, freeze_splits, load_frozen, story_of, unfrozen_stories
    from .statistics import split_counts

    docs = compile_corpus()
    if args.write:
        added = freeze_splits(docs)
        print(f"froze {len(added)} new story/stories in {corpus_dir() / FROZEN_FILE}: {', '.join(added) or 'none'}")
    split = corpus_splits(docs)
    stories: dict[str, set[str]] = {}
    for doc in docs:
        stories.setdefault(split[doc["id"]], set()).add(story_of(doc))
    counts = split_counts(docs)
    authored = sum(row["tokens"] for name, row in counts.items() if name not in (SEED_SPLIT, "all"))
    for name, row in counts.items():
        if name != "all":
            share = "" if name == SEED_SPLIT else f"{100 * row['tokens'] / authored:5.1f}% of authored tokens"
            print(f"{name:<11} {len(stories[name]):>3} stories {row['documents']:>4} documents {share}")
    unfrozen = unfrozen_stories(docs, load_frozen())
    if unfrozen:
        print(f"not yet frozen (run `polyphony splits --write`): {', '.join(unfrozen)}")
        return 1
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="polyphony", description="Polyphony: who says what about whom in the news.")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bars or explanations")
    common = argparse.ArgumentParser(add_help=False)  # -q is accepted after the subcommand too
    common.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("compile", parents=[common], help="compile authoring YAML files to canonical JSON (stdout)")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=_cmd_compile)

    p = sub.add_parser(
        "validate", parents=[common], help="validate JSON Lines files or release directories (default: the corpus)"
    )
    p.add_argument("paths", nargs="*")
    p.add_argument("--partial", action="store_true", help="allow documents that leave layers out (predictions)")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("export", parents=[common], help="write every canonical document of the corpus")
    p.add_argument("--format", choices=("jsonl", "brat"), default="jsonl", help="jsonl: one file; brat: a directory")
    p.add_argument("--out", required=True)
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser(
        "import", parents=[common], help="read documents from an annotation tool's files, validate, write JSON Lines"
    )
    p.add_argument("directory", help="a directory of brat files, as `export --format brat` writes them")
    p.add_argument("--format", choices=("brat",), default="brat")
    p.add_argument("--out", required=True, help="the JSON Lines file to write (only if every document is valid)")
    p.set_defaults(func=_cmd_import)

    p = sub.add_parser("build", parents=[common], help="validate the corpus and write the Hugging Face release")
    p.add_argument("--out", default=str(DEFAULT_RELEASE))
    p.set_defaults(func=_cmd_build)

    p = sub.add_parser("reproduce", parents=[common], help="build, validate and report the release (the main job)")
    p.add_argument("--out", default=str(DEFAULT_RELEASE))
    p.set_defaults(func=_cmd_reproduce)

    p = sub.add_parser("score", parents=[common], help="score predicted documents against gold, layer by layer")
    p.add_argument("--gold", required=True, help="JSON Lines of gold documents, or a release directory")
    p.add_argument("--pred", required=True, help="JSON Lines of predicted documents (may hold only some layers)")
    p.add_argument("--layers", nargs="+", help="score only these: entities events attribution stance")
    p.add_argument("--json", action="store_true", help="print JSON instead of a Markdown table")
    p.add_argument(
        "--bootstrap", type=int, default=0, metavar="N", help="add 95%% intervals from N resamples of documents"
    )
    p.add_argument("--against", metavar="PRED_B", help="paired bootstrap p-values of --pred against this system")
    p.add_argument("--seed", type=int, default=0, help="random seed of the bootstrap")
    p.add_argument("--allow-missing", action="store_true", help="score gold documents without a prediction as empty")
    p.set_defaults(func=_cmd_score)

    p = sub.add_parser("agreement", parents=[common], help="inter-annotator agreement of the second annotations")
    p.add_argument("--json", action="store_true")
    p.add_argument("--write-docs", action="store_true", help="rewrite the agreement block of DATASHEET.md")
    p.add_argument("--check-docs", action="store_true", help="exit 1 if that block is out of date")
    p.add_argument("--diff", metavar="ID", help="list the disagreements of one document (for adjudication)")
    p.set_defaults(func=_cmd_agreement)

    p = sub.add_parser(
        "qa", parents=[common], help="corpus quality: duplicates, templates, inconsistent labels, omissions"
    )
    p.set_defaults(func=_cmd_qa)

    p = sub.add_parser("baselines", parents=[common], help="train, tune, predict and score the scikit-learn baselines")
    p.add_argument("--out", default="baselines/output")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument(
        "--write-docs", action="store_true", help="rewrite the results tables of README.md and baselines/RESULTS.md"
    )
    p.set_defaults(func=_cmd_baselines)

    p = sub.add_parser(
        "stats",
        parents=[common],
        help="counts per split and label; plots; the generated blocks of README and DATASHEET",
    )
    p.add_argument("--plots", metavar="DIR", help="write PNG plots to DIR")
    p.add_argument(
        "--write-docs", action="store_true", help="rewrite the statistics blocks of README.md and DATASHEET.md"
    )
    p.add_argument("--check-docs", action="store_true", help="exit 1 if those blocks are out of date")
    p.set_defaults(func=_cmd_stats)

    p = sub.add_parser("splits", parents=[common], help="the story splits; exit 1 if a story is not frozen yet")
    p.add_argument("--write", action="store_true", help="freeze new stories in corpus/splits.yaml (none ever moves)")
    p.set_defaults(func=_cmd_splits)

    p = sub.add_parser(
        "guidelines", parents=[common], help="check (or --write) the generated label tables of GUIDELINES.md"
    )
    p.add_argument("--write", action="store_true")
    p.set_defaults(func=_cmd_guidelines)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return args.func(args)
    except PolyphonyError as exc:
        print(f"polyphony: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("polyphony: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
