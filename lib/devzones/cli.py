"""Command line: ``devzones clean``, ``devzones extract`` and ``devzones report``. Argument
parsing only; every command is a thin call into the library modules.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from devzones import tables
from devzones.cache import atomic_write
from devzones.runner import exit_without_teardown


def _report_errors(errors) -> None:
    for err in errors:
        print(f"skipped {err}", file=sys.stderr)


def cmd_clean(args: argparse.Namespace) -> int:
    """Write DIR/<doc_id>.txt (cleaned Simplified text) and DIR/documents.csv; exit 0 when at
    least one file loaded, 1 when none did."""
    docs, errors = tables.load_documents(args.corpus)
    _report_errors(errors)
    out = Path(args.out)
    for doc in docs:
        atomic_write(
            out / f"{doc.doc_id}.txt", lambda p, d=doc: Path(p).write_text(d.text, encoding="utf-8")
        )
    table = tables.documents_table(docs)
    atomic_write(
        out / "documents.csv", lambda p: table.to_csv(p, index=False, encoding="utf-8-sig")
    )
    print(table.to_string(index=False, na_rep=""))
    print(f"{len(docs)} documents cleaned, {len(errors)} skipped -> {out}")
    return 0 if docs else 1


def cmd_extract(args: argparse.Namespace) -> int:
    """Write every table as DIR/<table>.csv and .parquet; exit 0 when at least one file loaded,
    1 when none did, 2 for a missing corpus or an engine that cannot run."""
    if args.scheduler and args.engine != "dask":
        print("devzones: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    try:
        stats, errors = tables.extract_to(
            args.corpus,
            args.out,
            jobs=args.jobs,
            engine=args.engine,
            scheduler=args.scheduler,
            cache=not args.no_cache,
        )
    except tables.EngineError as exc:
        print(f"devzones: {exc}", file=sys.stderr)
        return 2
    _report_errors(errors)
    print(f"{stats} -> {args.out}")
    return 0 if stats.documents else 1


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def cmd_report(args: argparse.Namespace) -> int:
    from devzones import report  # notebooks and charts: imported only for this command

    try:
        given = dict(args.param or [])
        plan = report.plan_run(args.theme, args.corpus, given, args.notebooks)
        progress = sys.stderr.isatty()
        run_dir, results = report.run_report(plan, args.out, args.notebooks, progress, jobs=None)
    except report.ParameterError as exc:
        print(f"devzones report: {exc}", file=sys.stderr)
        return 2
    for r in results:
        print(f"{r.theme:<11} {'ok' if r.ok else 'FAILED'} {r.seconds:>6.1f} s  {r.error or ''}")
    print(f"report -> {run_dir / 'index.html'}")
    return 0 if all(r.ok for r in results) else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="devzones",
        description="Shanxi development zones: clean news articles, extract tables, build reports.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "clean", help="write each article's cleaned Simplified text and documents.csv"
    )
    p.add_argument("corpus", type=Path)
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(func=cmd_clean)
    p = sub.add_parser("extract", help="extract zones, chains and investments as CSV + Parquet")
    p.add_argument("corpus", type=Path)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument(
        "--jobs",
        type=_positive_int,
        default=None,
        help="worker processes (default: one per core, up to 8, when 20 or more files need "
        "extracting)",
    )
    p.add_argument("--engine", choices=tables.ENGINES, default="local")
    p.add_argument("--scheduler", help="dask scheduler address (default: a local cluster)")
    p.add_argument(
        "--no-cache", action="store_true", help="ignore and do not fill the per-document cache"
    )
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser(
        "report",
        help="run the theme notebooks and export HTML reports into outputs/<time>/",
        description="Exit status: 0 all reports ran, 1 a notebook failed (the others still "
        "ran; see index.html), 2 a bad parameter (nothing was run or written).",
    )
    p.add_argument(
        "--theme",
        action="extend",
        nargs="+",
        metavar="THEME",
        help="zones, chains and/or investment (default: all three)",
    )
    p.add_argument(
        "--corpus", type=Path, default=Path("seeds"), help="folder of articles (default: seeds)"
    )
    p.add_argument(
        "--out", type=Path, default=Path("outputs"), help="where runs go (default: outputs)"
    )
    p.add_argument(
        "--notebooks",
        type=Path,
        default=None,
        help="folder of theme notebooks (default: the project's notebooks/)",
    )
    p.add_argument(
        "-p",
        "--param",
        action="append",
        nargs=2,
        metavar=("NAME", "VALUE"),
        help="focus_zone, since, until (YYYY-MM-DD), top_n or script (simplified/traditional)",
    )
    p.set_defaults(func=cmd_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except FileNotFoundError as exc:
        print(f"devzones: {exc}", file=sys.stderr)
        return 2


def run() -> None:
    """The ``devzones`` command: ``main``, then out without tearing the interpreter down (see
    ``runner.exit_without_teardown``), also after ``--help`` or a usage error, so that the
    benchmarks' start-up sample (``--help``) ends the way a run does."""
    try:
        code = main()
    except SystemExit as exc:  # argparse has printed what it had to say
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    exit_without_teardown(code)


if __name__ == "__main__":
    run()
