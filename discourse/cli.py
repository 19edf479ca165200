"""Command line: ``python -m discourse load PATH`` and ``python -m discourse report ...``."""
from __future__ import annotations

import argparse
import sys
import warnings
from typing import Sequence

from . import __version__
from .errors import DiscourseError


def _add_corpus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--manifest", help="metadata CSV (default: metadata.csv in the folder)")
    parser.add_argument("--pattern", help="regex with named groups for file names, e.g. "
                                          r"'(?P<year>\d{4})-(?P<speaker>\w+)'")
    parser.add_argument("--lang", choices=["en", "zh"], help="force the language of every paragraph")
    parser.add_argument("--workers", type=int, help="processes for document processing (default: all cores)")
    parser.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://host:8786")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the processed-corpus cache")
    parser.add_argument("--cache-dir", help="cache folder (default: .cache/discourse/ in the project holding the corpus)")


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
    from .loader import load_corpus

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(args.path, progress=True, **corpus_options(args))
    print(corpus.summary())
    for w in caught:
        print(f"warning: {w.message}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m discourse``."""
    parser = argparse.ArgumentParser(
        prog="python -m discourse",
        description="Comparative policy discourse: load a corpus, regenerate the report suite.")
    parser.add_argument("--version", action="version", version=f"discourse {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p_load = sub.add_parser("load", help="load a corpus folder and print a summary")
    p_load.add_argument("path", help="corpus folder")
    _add_corpus_options(p_load)
    p_load.set_defaults(func=_cmd_load)

    from .report import add_report_parser

    add_report_parser(sub, _add_corpus_options)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except DiscourseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
