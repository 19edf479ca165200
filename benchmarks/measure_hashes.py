"""Hash every measure's output on the sample corpus and the public corpora, column by column, to show a
change of the measures' code leaves their tables equal where no change of output is meant.

    .venv/bin/python benchmarks/measure_hashes.py > before.json
    ... change ...
    .venv/bin/python benchmarks/measure_hashes.py > after.json
    .venv/bin/python benchmarks/measure_hashes.py --compare before.json after.json

Each table is hashed one column at a time (the column's values written as CSV, no index, no header,
SHA-256), with its number of rows, so a comparison says which columns of which table changed, which were
renamed (a column gone whose values are those of a new one), added or gone. The calls name every option by keyword, so the same script runs against the API before and
after it was made keyword-only. Where a measure accepts ``keep_names`` it is passed ``True`` (the default
that leaves speakers' own names out is a change asked for; with the option the rest of the table is
comparable). Corpora not present are skipped.
"""
from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import sys
import warnings
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
PATTERN = r"(?P<year>\d{4})-(?P<speaker>[A-Za-z]+)"
CORPORA = {
    "sichuan": (ROOT / "data" / "sichuan", None),
    "cpc_congress": (SHARED / "cpc_congress", None),
    "state_union": (SHARED / "state_union", PATTERN),
    "inaugural": (SHARED / "inaugural", PATTERN),
}
QUERIES = {"en": ["opening up", "high-quality development", "the people", "reform", "rule of law"],
           "zh": ["改革开放", "人民", "社会主义", "发展"]}


def column_hashes(frame) -> dict[str, Any]:
    """Rows and the SHA-256 of each column written as CSV (no index)."""
    out: dict[str, Any] = {"rows": len(frame)}
    cols = {}
    for col in frame.columns:
        text = frame[[col]].to_csv(index=False, header=False, lineterminator="\n")
        cols[str(col)] = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    out["columns"] = cols
    return out


def call(fn: Callable, *args: Any, **kwargs: Any):
    """``fn(*args, **kwargs)``, with ``keep_names=True`` added where ``fn`` takes it."""
    if "keep_names" in inspect.signature(fn).parameters:
        kwargs.setdefault("keep_names", True)
    return fn(*args, **kwargs)


def measures(corpus, name: str) -> dict[str, Callable[[], Any]]:
    import discourse
    from discourse.report import tables

    d = discourse
    words = corpus.tokens[corpus.tokens["is_word"].astype(bool)]
    lang = "zh" if (words["lang"] == "zh").mean() > 0.5 else "en"
    queries = QUERIES[lang]
    voices = corpus.sentences["speaker"].value_counts()
    persons = [v for v in voices.index if v not in ("narrator", "meeting", "")]
    speakers = (persons[:2] + ["narrator"]) if len(persons) >= 2 else list(voices.index[:3])
    sub = corpus.subset(speaker=speakers)
    years = corpus.groups("year")
    a, b = years[0], years[1]
    calls: dict[str, Callable[[], Any]] = {
        "term_counts/speaker": lambda: call(d.term_counts, corpus, by="speaker"),
        "term_counts/year/2": lambda: call(d.term_counts, corpus, by="year", ngram=2, min_count=2),
        "term_counts/year/lemma": lambda: call(d.term_counts, corpus, by="year", unit="lemma", min_count=2),
        "distinctive_terms/speaker": lambda: call(d.distinctive_terms, corpus, by="speaker", target=speakers[0]),
        "distinctive_terms/year/2": lambda: call(d.distinctive_terms, corpus, by="year", target=b,
                                                 reference=a, ngram=2, min_count=2),
        "distinctive_terms_all/speaker": lambda: call(d.distinctive_terms_all, sub, by="speaker", min_count=3),
        "pairwise_distinctive/speaker": lambda: call(d.pairwise_distinctive, sub, by="speaker", min_count=3),
        "rising_falling/year": lambda: call(d.rising_falling, corpus, a, b, by="year", n=25, min_count=2),
        "vocabulary_shift/year": lambda: call(d.vocabulary_shift, corpus, by="year", n_boot=50),
        "vocabulary_shift/year/2": lambda: call(d.vocabulary_shift, corpus, by="year", ngram=2, n_boot=20),
        "emerging_formulations/year": lambda: call(d.emerging_formulations, corpus, by="year"),
        "emerging_formulations/speaker/3": lambda: call(d.emerging_formulations, corpus, by="speaker", max_n=3),
        "term_trajectories/year": lambda: call(d.term_trajectories, corpus, queries, by="year"),
        "lexical_profile/speaker": lambda: call(d.lexical_profile, corpus, by="speaker"),
        "lexical_profile/year": lambda: call(d.lexical_profile, corpus, by="year"),
        "directive_density/speaker": lambda: call(d.directive_density, corpus, by="speaker", n_boot=100),
        "directive_density/year": lambda: call(d.directive_density, corpus, by="year", n_boot=100),
        "top_directive_verbs/speaker": lambda: call(d.top_directive_verbs, corpus, by="speaker"),
        "directive_hits": lambda: call(d.directive_hits, corpus),
        "rising_falling_by_pair": lambda: call(tables.rising_falling_by_pair, corpus, years[:4], by="year",
                                               n=10, min_count=2),
    }
    for q in queries:
        calls[f"kwic/{q}"] = lambda q=q: call(d.kwic, corpus, q, window=6)
    return calls


def run(names: list[str]) -> dict[str, Any]:
    sys.path.append(str(ROOT))  # after PYTHONPATH, so an older checkout put there is the one hashed
    import discourse

    out: dict[str, Any] = {}
    for name in names:
        folder, pattern = CORPORA[name]
        if not folder.is_dir():
            print(f"skipped {name}: {folder} not found", file=sys.stderr)
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = discourse.load_corpus(folder, pattern=pattern)
            result = {}
            for label, fn in measures(corpus, name).items():
                try:
                    result[label] = column_hashes(fn())
                except Exception as exc:  # a failing call is recorded, not fatal
                    result[label] = {"error": f"{type(exc).__name__}: {exc}"[:300]}
                print(f"{name} {label}", file=sys.stderr, flush=True)
        out[name] = result
    return out


def compare(before: dict, after: dict) -> int:
    """Print, table by table, the columns that are equal, changed, added or gone."""
    changed = 0
    for corpus in sorted(set(before) | set(after)):
        for label in sorted(set(before.get(corpus, {})) | set(after.get(corpus, {}))):
            b = before.get(corpus, {}).get(label)
            a = after.get(corpus, {}).get(label)
            if b is None or a is None or "error" in b or "error" in a:
                print(f"{corpus:<13} {label:<34} before: {b and b.get('error', 'ok')}  after: {a and a.get('error', 'ok')}")
                changed += 1
                continue
            bc, ac = b["columns"], a["columns"]
            same = [c for c in bc if c in ac and bc[c] == ac[c]]
            diff = [c for c in bc if c in ac and bc[c] != ac[c]]
            gone = [c for c in bc if c not in ac]
            new = [c for c in ac if c not in bc]
            renamed = [f"{g}->{n}" for g in gone for n in new if bc[g] == ac[n]]
            gone = [g for g in gone if not any(r.startswith(g + "->") for r in renamed)]
            new = [n for n in new if not any(r.endswith("->" + n) for r in renamed)]
            rows = "" if a["rows"] == b["rows"] else f" rows {b['rows']}->{a['rows']}"
            status = "identical" if not (diff or gone or new or rows) else "differs"
            status = "identical but renamed" if status == "identical" and renamed else status
            changed += status != "identical"
            print(f"{corpus:<13} {label:<34} {status}{rows}; {len(same)} equal"
                  + (f"; changed {diff}" if diff else "") + (f"; renamed {renamed}" if renamed else "")
                  + (f"; gone {gone}" if gone else "")
                  + (f"; new {new}" if new else ""))
    return 0 if changed == 0 else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", nargs="*", default=list(CORPORA), help="which corpora to hash")
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"),
                        help="compare two outputs of this script instead of hashing")
    args = parser.parse_args(argv)
    if args.compare:
        before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in args.compare)
        return compare(before, after)
    json.dump(run(args.corpora), sys.stdout, indent=1, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
