#!/usr/bin/env python3
"""Draw B: a second, separately seeded English sample for the directive-verb gold set.

Standalone (Python standard library only). It reuses the splitter, heading detection and row
format of draw.py (imported from this folder) and reads nothing of the project's own code, so
that the sample is fixed before anyone looks at rule output.

    python3 draw_b.py [--corpora /work/shared/corpora] [--out DIR]

writes sample_en_b.tsv (annotation columns empty) into DIR (default: the folder of this
script). The draw is fully determined by SEED; re-running gives the same file. Never re-draw
after looking at the finder's output.

Design (see GUIDELINES.md, section "Draw B"):
- Only sentences that are new: a sentence whose (source, id), or whose exact text, occurs in
  the first draw (directives_en.tsv) is not in the pool. Ids alone are not unique across the
  two corpora (1961-Kennedy.txt, 1973-Nixon.txt ... exist in both), hence (source, id).
- state_union: 150 sentences over the 7 decades 1940s ... 2000s; inaugural: 70 sentences over
  the 5 periods of draw.py (14 each). In each decade / period, half of the sentences are a
  simple random sample of the whole pool (stratum `uniform`), half a simple random sample of
  the remaining pool sentences that contain a surface cue (stratum `cue`, CUE_RE below).
  State_union: 10 + 10 per decade, and the 5 left-over pairs (75 = 7*10 + 5 per stratum) go to
  5 decades chosen at random, the same 5 for both strata (so decades have 20 or 22 sentences).
- The uniform part is drawn first, then the cue part from the cue sentences not yet drawn,
  so the two strata never overlap (a uniform sentence may still contain a cue).
- part = test for every row (a held-out test set).
- The pool sizes (all sentences / cue sentences per decade or period) are printed to stderr,
  so inclusion probabilities (weights) can be computed.
"""
import argparse
import csv
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep the gold folder free of __pycache__
from draw import en_sentences, make_row, sort_key, INAUG_PERIODS  # noqa: E402  same splitter

SEED = 20261206
SOTU_TOTAL_PER_STRATUM = 75       # 150 state_union sentences: 75 uniform + 75 cue
INAUG_PER_PERIOD_PER_STRATUM = 7  # 70 inaugural sentences: 5 periods x (7 + 7)

# surface cues, lower-cased, whole words ("let" also covers let us / let's / let me,
# "will" also covers we will / i will; they are listed as given in the brief)
CUES = ["must", "should", "shall", "ought", "need", "needs", "have to", "has to", "let us",
        "let's", "let me", "urge", "ask", "call on", "call upon", "it is essential",
        "it is necessary", "it is important", "we will", "i will", "will", "let"]
CUE_RE = re.compile(r"\b(?:%s)\b" % "|".join(
    re.escape(c).replace(r"\ ", r"\s+").replace("'", "['’]") for c in CUES))

COLUMNS = ["id", "part", "era", "year", "source", "section_kind", "heading",
           "sentence", "expected", "note", "stratum"]

HEADER_COMMENT = (
    "# Draw B (draw_b.py, seed 20261206). id: en-<file stem>-L<line>-<k-th sentence of that "
    "line>; part: test (all rows); era: pre1978|1978-1999|2000on (by year); year; source: "
    "corpus/file; section_kind: review|plan|other (hand-judged); heading: nearest preceding "
    "heading line (empty if none); sentence: verbatim after draw.py's splitter; expected: "
    "directive and commitment verbs as lemma:category, space-separated, in text order "
    "(empty = none); note: annotator remarks; stratum: uniform|cue (how the row was drawn)\n"
)


def has_cue(sentence):
    return CUE_RE.search(sentence.lower()) is not None


def read_first_draw(path):
    ids, texts = set(), set()
    with open(path, encoding="utf-8") as f:
        next(f)  # '#' comment line
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            ids.add((row["source"], row["id"]))
            texts.add(row["sentence"])
    return ids, texts


def write_tsv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER_COMMENT)
        f.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            for c in COLUMNS:
                if "\t" in r[c] or "\n" in r[c] or "\r" in r[c]:
                    raise ValueError("tab/newline in field %s of %s" % (c, r["id"]))
            f.write("\t".join(r[c] for c in COLUMNS) + "\n")


def pool_of(items, corpus, old_ids, old_texts):
    """items: (fname, year, sentence dict); drop sentences of the first draw."""
    out = []
    for f, y, s in items:
        row = make_row("en", corpus, f, y, s)
        if (row["source"], row["id"]) in old_ids or row["sentence"] in old_texts:
            continue
        out.append((row, has_cue(row["sentence"])))
    return out


def draw_stratum(pool, n_uniform, n_cue, rng):
    uni = rng.sample(range(len(pool)), n_uniform)
    taken = set(uni)
    cue_idx = [i for i, (_, c) in enumerate(pool) if c and i not in taken]
    cue = rng.sample(cue_idx, n_cue)
    rows = []
    for stratum, idx in (("uniform", uni), ("cue", cue)):
        for i in idx:
            r = dict(pool[i][0])
            r["stratum"] = stratum
            r["part"] = "test"
            rows.append(r)
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", default="/work/shared/corpora")
    ap.add_argument("--out", default=HERE)
    a = ap.parse_args(argv)
    rng = random.Random(SEED)
    old_ids, old_texts = read_first_draw(os.path.join(HERE, "directives_en.tsv"))
    rows, report = [], []

    # state of the union: decades
    d = os.path.join(a.corpora, "state_union")
    files = sorted(f for f in os.listdir(d) if f.endswith(".txt"))
    strata = {}
    for f in files:
        y = int(f[:4])
        strata.setdefault(y // 10 * 10, []).extend(
            (f, y, s) for s in en_sentences(os.path.join(d, f)))
    decades = sorted(strata)
    base, extra = divmod(SOTU_TOTAL_PER_STRATUM, len(decades))
    plus = set(rng.sample(decades, extra))
    for dec in decades:
        pool = pool_of(strata[dec], "state_union", old_ids, old_texts)
        n = base + (1 if dec in plus else 0)
        rows.extend(draw_stratum(pool, n, n, rng))
        report.append(("state_union", "%ds" % dec, len(pool), sum(c for _, c in pool), n, n))

    # inaugural: periods of draw.py
    d = os.path.join(a.corpora, "inaugural")
    files = sorted(f for f in os.listdir(d) if f.endswith(".txt"))
    for lo, hi in INAUG_PERIODS:
        items = []
        for f in files:
            y = int(f[:4])
            if lo <= y <= hi:
                items.extend((f, y, s) for s in en_sentences(os.path.join(d, f)))
        pool = pool_of(items, "inaugural", old_ids, old_texts)
        n = INAUG_PER_PERIOD_PER_STRATUM
        rows.extend(draw_stratum(pool, n, n, rng))
        report.append(("inaugural", "%d-%d" % (lo, min(hi, 2021)), len(pool),
                       sum(c for _, c in pool), n, n))

    rows.sort(key=sort_key)
    keys = {(r["source"], r["id"]) for r in rows}
    assert len(keys) == len(rows) and not (keys & old_ids)
    write_tsv(os.path.join(a.out, "sample_en_b.tsv"), rows)
    print("stratum\tpool_sentences\tpool_cue_sentences\tn_uniform\tn_cue", file=sys.stderr)
    for corpus, stratum, n_pool, n_cuepool, nu, nc in report:
        print("%s %s\t%d\t%d\t%d\t%d" % (corpus, stratum, n_pool, n_cuepool, nu, nc),
              file=sys.stderr)
    print("rows", len(rows), file=sys.stderr)


if __name__ == "__main__":
    main()
