"""Seconds of each measure on the benchmark corpus (about 1M word tokens), best and median of rounds.

    .venv/bin/python benchmarks/measure_speed.py [--tokens N] [--rounds R]

The corpus is built by ``build.py`` (the same one ``make bench`` uses) and loaded from its cache; each
round runs every measure once, in turn, so the load of the machine falls on all of them alike. The calls
name every option by keyword, so the script times the measures of an older checkout too (put its folder
first on ``PYTHONPATH``): runs of two versions taken in turn are what to compare, since this machine's
speed drifts with its host's load. Prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build import PATTERN, build_corpus_folder  # noqa: E402


def calls(corpus, target: str) -> dict:
    import discourse as d

    years = corpus.groups("year")
    return {
        "directive_density": lambda: d.directive_density(corpus, by="speaker"),
        "distinctive_terms": lambda: d.distinctive_terms(corpus, by="speaker", target=target),
        "distinctive_terms_all": lambda: d.distinctive_terms_all(corpus, by="speaker"),
        "lexical_profile": lambda: d.lexical_profile(corpus, by="speaker"),
        "term_counts": lambda: d.term_counts(corpus, by="speaker"),
        "term_counts_bigrams": lambda: d.term_counts(corpus, by="year", ngram=2),
        "vocabulary_shift": lambda: d.vocabulary_shift(corpus, by="year"),
        "rising_falling": lambda: d.rising_falling(corpus, years[0], years[1], by="year"),
        "emerging_formulations": lambda: d.emerging_formulations(corpus, by="year"),
        "term_trajectories": lambda: d.term_trajectories(corpus, ["the people", "opening up"], by="year"),
        "kwic": lambda: d.kwic(corpus, "the people"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--times", type=int, default=1,
                        help="replicate the corpus's tables this many times (as make bench does for 10M)")
    parser.add_argument("--only", nargs="*", help="time only these measures")
    args = parser.parse_args(argv)
    import discourse

    folder = build_corpus_folder(args.tokens)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = discourse.load_corpus(folder, pattern=PATTERN)
        if args.times > 1:
            from run import replicate

            corpus = replicate(corpus, args.times)
        voices = corpus.sentences["speaker"].value_counts()
        target = voices.drop(["narrator", "meeting"], errors="ignore").index[0]
        todo = {k: v for k, v in calls(corpus, target).items() if not args.only or k in args.only}
        seconds: dict[str, list[float]] = {k: [] for k in todo}
        for _ in range(args.rounds):
            for name, fn in todo.items():
                start = time.perf_counter()
                fn()
                seconds[name].append(time.perf_counter() - start)
    n_words = int(corpus.tokens["is_word"].sum())
    out = {"package": str(Path(discourse.__file__).parent), "word_tokens": n_words,
           "best": {k: round(min(v), 3) for k, v in seconds.items()},
           "median": {k: round(statistics.median(v), 3) for k, v in seconds.items()}}
    json.dump(out, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
