"""Hash every table of the sample corpus and of the public corpora, to show a change leaves them equal.

    .venv/bin/python benchmarks/table_hashes.py > before.json
    ... change ...
    .venv/bin/python benchmarks/table_hashes.py > after.json
    diff before.json after.json

Each table is written as CSV (columns in order, no index) and hashed with SHA-256, so the hash follows
the values a reader sees, not the dtypes that hold them. Corpora not present are skipped.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
PATTERN = r"(?P<year>\d{4})-(?P<speaker>[A-Za-z]+)"
CORPORA = {
    "sichuan": (ROOT / "data" / "sichuan", None),
    "cpc_congress": (SHARED / "cpc_congress", None),
    "state_union": (SHARED / "state_union", PATTERN),
    "inaugural": (SHARED / "inaugural", PATTERN),
}
TABLES = ("documents", "sentences", "tokens", "directives", "load_report", "removed", "people")


def table_hash(frame) -> str:
    """SHA-256 of ``frame`` written as CSV (its columns in order, no index)."""
    return hashlib.sha256(frame.to_csv(index=False, lineterminator="\n").encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", nargs="*", default=list(CORPORA), help="which corpora to hash")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    import discourse

    out: dict[str, dict] = {}
    for name in args.corpora:
        folder, pattern = CORPORA[name]
        if not folder.is_dir():
            print(f"skipped {name}: {folder} not found", file=sys.stderr)
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = discourse.load_corpus(folder, pattern=pattern, cache=False, workers=1)
        out[name] = {t: {"rows": len(getattr(corpus, t)), "columns": list(getattr(corpus, t).columns),
                         "sha256": table_hash(getattr(corpus, t))} for t in TABLES}
    json.dump(out, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
