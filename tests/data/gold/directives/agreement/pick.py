#!/usr/bin/env python3
"""Pick the rows of Draw C that a second annotator re-annotates (inter-annotator agreement).

One random.Random(SEED) is used in a fixed order: 60 of the 180 Chinese rows of
sample_zh_c.tsv, then 60 of the 180 English rows of sample_en_c.tsv. Rows are chosen by
position in file order; a row is named by (source, id), because English ids are unique only
together with source. The chosen rows are written to picked.txt in file order, one per line:
<lang> TAB <source> TAB <id>. Standard library only; the output is the same on every run.
"""
import csv
import os
import random
import sys

SEED = 20261208
N = 60
HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.dirname(HERE)


def read_rows(path):
    with open(path, encoding="utf-8") as f:
        f.readline()  # '#' comment line
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def main(out=os.path.join(HERE, "picked.txt")):
    rng = random.Random(SEED)
    lines = []
    for lang in ("zh", "en"):
        rows = read_rows(os.path.join(GOLD, f"sample_{lang}_c.tsv"))
        keys = [(r["source"], r["id"]) for r in rows]
        assert len(set(keys)) == len(keys)
        chosen = sorted(rng.sample(range(len(rows)), N))
        lines += [f"{lang}\t{keys[i][0]}\t{keys[i][1]}" for i in chosen]
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {len(lines)} rows to {out}")


if __name__ == "__main__":
    main(*sys.argv[1:])
