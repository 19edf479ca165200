"""Command line: ``python -m discourse load PATH`` and ``python -m discourse report ...``."""
from __future__ import annotations

import argparse
import sys
import warnings
from typing import Any, Callable, Sequence

from discourse.errors import CorpusWarning, DiscourseError
from discourse.processing.load import load_corpus
from discourse.report.params import PARAMETERS
from discourse.report.run import coerce_parameter, run_report
from discourse.text.clean import CLEANING_STEPS
from discourse.version import __version__


def _add_corpus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--manifest", help="metadata CSV (default: metadata.csv in the folder)")
    parser.add_argument("--pattern", help="regex with named groups for file names, e.g. "
                                          r"'(?P<year>\d{4})-(?P<speaker>\w+)'")
    parser.add_argument("--lang", choices=["en", "zh"], help="force the language of every paragraph")
    parser.add_argument("--workers", type=int, help="processes for document processing (default: all cores)")
    parser.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://host:8786")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the processed-corpus cache")
    parser.add_argument("--cache-dir", help="cache folder (default: .cache/discourse/ of the working project, else the user cache folder)")


def corpus_options(args: argparse.Namespace) -> dict:
    """The ``load_corpus`` keyword arguments given on the command line."""
    opts = {"manifest": args.manifest, "pattern": args.pattern, "lang": args.lang}
    if args.workers is not None:
        opts["workers"] = args.workers
    if args.scheduler:
        opts["scheduler"] = args.scheduler
    if args.no_cache:
        opts["cache"] = False
    elif args.cache_dir:
        opts["cache"] = args.cache_dir
    return opts


def _cmd_load(args: argparse.Namespace) -> int:
    options = corpus_options(args)
    if args.clean is not None:
        options["clean"] = args.clean
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(args.path, progress=True, turns=not args.no_turns, **options)
    print(corpus.summary())
    for w in caught:
        print(f"warning: {w.message}", file=sys.stderr)
    return 0


def _parse_value(name: str, text: str) -> Any:
    import yaml

    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        value = text
    return coerce_parameter(name, value)


def _cmd_report(args: argparse.Namespace) -> int:
    params = {name: _parse_value(name, value) for name, value in (args.parameter or [])}
    index = run_report(args.corpus, args.out, parameters=params, show_code=args.show_code,
                       notebooks=args.notebooks, jobs=args.jobs, load_options=corpus_options(args),
                       overwrite=args.overwrite)
    print(index)
    return 0


def add_report_parser(subparsers: Any, add_corpus_options: Callable[[argparse.ArgumentParser], None]
                      ) -> argparse.ArgumentParser:
    """Register ``report`` on the ``python -m discourse`` subcommands; return its parser."""
    names = ", ".join(PARAMETERS)
    p = subparsers.add_parser(
        "report", help="run the notebook suite on a corpus and write HTML reports",
        description="Execute notebooks/NN-*.ipynb with papermill on a corpus and write HTML reports, "
                    "tables, figures and an index with provenance into --out.",
        epilog=f"Parameters (-p NAME VALUE, values parsed as YAML): {names}.")
    p.add_argument("--corpus", required=True, help="corpus folder")
    p.add_argument("--out", required=True, help="report folder (e.g. reports/sichuan): missing, empty or an "
                                                "earlier report's own folder, which is replaced")
    p.add_argument("--overwrite", action="store_true",
                   help="replace --out even if it holds files no report wrote: everything inside it is "
                        "deleted once the new report is in place (never the project, the corpus or a file)")
    p.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"),
                   help="notebook parameter, e.g. -p speakers '[Shi Xiaolin, Wang Xiaohui]'")
    p.add_argument("--show-code", action="store_true", help="show code cells in the HTML")
    p.add_argument("--notebooks", nargs="+", metavar="NN", help="run only these notebooks, e.g. 01 03")
    p.add_argument("--jobs", type=int, help="notebooks executed at once (default 2)")
    add_corpus_options(p)
    p.set_defaults(func=_cmd_report)
    return p


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m discourse``."""
    parser = argparse.ArgumentParser(
        prog="python -m discourse",
        description="Comparative policy discourse: load a corpus, regenerate the report suite.")
    parser.add_argument("--version", action="version", version=f"discourse {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p_load = sub.add_parser("load", help="load a corpus folder and print a summary")
    p_load.add_argument("path", help="corpus folder")
    p_load.add_argument("--clean", metavar="STEPS",
                        help="cleaning steps, comma-separated, or 'none' (default: all: "
                             f"{', '.join(CLEANING_STEPS)})")
    _add_corpus_options(p_load)
    p_load.add_argument("--no-turns", action="store_true",
                        help="do not split transcripts into turns at speaker labels ('Mr Speaker:')")
    p_load.set_defaults(func=_cmd_load)

    add_report_parser(sub, _add_corpus_options)
    return parser


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: Any = None, line: str | None = None) -> None:
    """A corpus warning as one line for a reader (``warning: ...``); any other as Python shows it."""
    if issubclass(category, CorpusWarning):
        print(f"warning: {message}", file=file or sys.stderr)
    else:
        _python_show_warning(message, category, filename, lineno, file, line)


_python_show_warning = warnings.showwarning


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    shown, warnings.showwarning = warnings.showwarning, _show_warning
    try:
        return int(args.func(args) or 0)
    except DiscourseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        warnings.showwarning = shown


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
