#!/usr/bin/env python3
"""Draw C: a third, separately seeded sample (Chinese and English) for the directive-verb gold set.

Standalone (Python standard library only). It reuses the splitter, heading detection and row
builder of draw.py (imported from this folder) and reads nothing of the project's own code, so
that the sample is fixed before anyone looks at rule output.

    python3 draw_c.py [--corpora /work/shared/corpora] [--out DIR]

writes sample_zh_c.tsv and sample_en_c.tsv (annotation columns empty) into DIR (default: the
folder of this script). The draw is fully determined by SEED; re-running gives the same files.
Never re-draw after looking at the finder's output.

Design (see GUIDELINES.md, section "Draw C"):
- Only new sentences: a sentence whose (source, id), or whose exact text, occurs in an earlier
  draw (directives_zh.tsv, directives_en.tsv, directives_en_b.tsv) is not in the pool.
- Chinese (cpc_congress, without the 1945 stub): 60 sentences per era (pre1978 / 1978-1999 /
  2000on). The 60 are allocated to the era's documents in proportion to their pool size
  (largest remainder, draw.allocate) with at least 3 per document. A document's n is split
  into n//2 uniform and n//2 cue; for the documents with an odd n (an even number in each era,
  since 60 is even) the extra sentence goes alternately to uniform and cue, in file order,
  starting from a random choice, so each era has exactly 30 uniform and 30 cue rows.
- English: state_union 120 = 60 uniform + 60 cue over the 7 decades (8 + 8 each, and the 4
  left-over pairs go to 4 decades chosen at random, the same for both strata); inaugural 60 =
  6 uniform + 6 cue in each of draw.py's 5 periods. The cue list is draw_b.py's (CUE_RE).
- In every document (Chinese) or decade / period (English): the uniform part is a simple
  random sample of the pool, then the cue part a simple random sample of the pool sentences
  that contain a cue and were not drawn as uniform (the strata never overlap; a uniform
  sentence may still contain a cue).
- part = test for every row (a held-out test set).
- Pool sizes (all / cue sentences per document or stratum) are printed to stderr, so that
  inclusion probabilities (weights) can be computed.
- One random.Random(SEED), used in this order: Chinese era by era (odd-extra start, then each
  document in file order: uniform, cue), then English (decade choice, state_union decades,
  inaugural periods).
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
from draw import (zh_sentences, en_sentences, make_row, sort_key, allocate, era_of,  # noqa: E402
                  STUBS, INAUG_PERIODS, MIN_PER_DOC)
from draw_b import has_cue as en_has_cue  # noqa: E402  draw_b.py's English cue list

SEED = 20261207
ZH_PER_ERA = 60                   # 30 uniform + 30 cue per era
SOTU_TOTAL_PER_STRATUM = 60       # 120 state_union sentences: 60 uniform + 60 cue
INAUG_PER_PERIOD_PER_STRATUM = 6  # 60 inaugural sentences: 5 periods x (6 + 6)
ERAS = ["pre1978", "1978-1999", "2000on"]

# Chinese surface cues (matched on the text with the cue characters' traditional forms
# mapped to simplified ones; 1921b and 1923 are in traditional script)
ZH_CUES = ["要", "必须", "须", "务必", "应", "应当", "应该", "需要", "不得", "不能", "不要", "严禁",
           "禁止", "决不", "让我们", "将", "力争", "决心", "号召", "要求"]
ZH_CLAUSE_OPENERS = ["一是", "二是", "三是", "首先", "第一"]
ZH_CUE_RE = re.compile("|".join(map(re.escape, ZH_CUES)))
ZH_OPENER_RE = re.compile(r"(?:^|[，,；;：:、。！？!?“”‘’「」『』（）()\s])(?:%s)"
                          % "|".join(ZH_CLAUSE_OPENERS))
T2S = str.maketrans("須務應該嚴決讓們將爭號當", "须务应该严决让们将争号当")

COLUMNS = ["id", "part", "era", "year", "source", "section_kind", "heading",
           "sentence", "expected", "note", "stratum"]

HEADER_COMMENT = (
    "# Draw C (draw_c.py, seed 20261207). id: %s-<file stem>-L<line>-<k-th sentence of that "
    "line>; part: test (all rows); era: pre1978|1978-1999|2000on (by year); year; source: "
    "corpus/file; section_kind: review|plan|other (hand-judged); heading: nearest preceding "
    "heading line (empty if none); sentence: verbatim after draw.py's splitter; expected: "
    "directive and commitment verbs as lemma:category, space-separated, in text order "
    "(empty = none); note: annotator remarks; stratum: uniform|cue (how the row was drawn)\n"
)


def zh_has_cue(sentence):
    s = sentence.translate(T2S)
    return ZH_CUE_RE.search(s) is not None or ZH_OPENER_RE.search(s) is not None


def read_earlier(paths):
    ids, texts = set(), set()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            next(f)  # '#' comment line
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                ids.add((row["source"], row["id"]))
                texts.add(row["sentence"])
    return ids, texts


def write_tsv(path, rows, lang):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER_COMMENT % lang)
        f.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            for c in COLUMNS:
                if "\t" in r[c] or "\n" in r[c] or "\r" in r[c]:
                    raise ValueError("tab/newline in field %s of %s" % (c, r["id"]))
            f.write("\t".join(r[c] for c in COLUMNS) + "\n")


def pool_of(lang, items, corpus, old_ids, old_texts, has_cue):
    """items: (fname, year, sentence dict); drop sentences of the earlier draws."""
    out = []
    for f, y, s in items:
        row = make_row(lang, corpus, f, y, s)
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


def draw_zh(corpora, rng, old_ids, old_texts, report):
    d = os.path.join(corpora, "cpc_congress")
    years = {}
    with open(os.path.join(d, "metadata.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            years[row["file"]] = int(row["year"])
    pools = {}
    for fname in sorted(years):
        if fname in STUBS:
            continue
        items = [(fname, years[fname], s) for s in zh_sentences(os.path.join(d, fname), fname)]
        pools[fname] = pool_of("zh", items, "cpc_congress", old_ids, old_texts, zh_has_cue)
    rows = []
    for era in ERAS:
        files = [f for f in sorted(pools) if era_of(years[f]) == era]
        alloc = allocate({f: len(pools[f]) for f in files}, ZH_PER_ERA, MIN_PER_DOC)
        extra_to_uniform = rng.choice([True, False])
        for f in files:
            n = alloc[f]
            nu = nc = n // 2
            if n % 2:
                if extra_to_uniform:
                    nu += 1
                else:
                    nc += 1
                extra_to_uniform = not extra_to_uniform
            pool = pools[f]
            rows.extend(draw_stratum(pool, nu, nc, rng))
            report.append(("cpc_congress", f, len(pool), sum(c for _, c in pool), nu, nc))
    return rows


def draw_en(corpora, rng, old_ids, old_texts, report):
    rows = []
    d = os.path.join(corpora, "state_union")
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
        pool = pool_of("en", strata[dec], "state_union", old_ids, old_texts, en_has_cue)
        n = base + (1 if dec in plus else 0)
        rows.extend(draw_stratum(pool, n, n, rng))
        report.append(("state_union", "%ds" % dec, len(pool), sum(c for _, c in pool), n, n))
    d = os.path.join(corpora, "inaugural")
    files = sorted(f for f in os.listdir(d) if f.endswith(".txt"))
    for lo, hi in INAUG_PERIODS:
        items = []
        for f in files:
            y = int(f[:4])
            if lo <= y <= hi:
                items.extend((f, y, s) for s in en_sentences(os.path.join(d, f)))
        pool = pool_of("en", items, "inaugural", old_ids, old_texts, en_has_cue)
        n = INAUG_PER_PERIOD_PER_STRATUM
        rows.extend(draw_stratum(pool, n, n, rng))
        report.append(("inaugural", "%d-%d" % (lo, min(hi, 2021)), len(pool),
                       sum(c for _, c in pool), n, n))
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", default="/work/shared/corpora")
    ap.add_argument("--out", default=HERE)
    a = ap.parse_args(argv)
    rng = random.Random(SEED)
    old_ids, old_texts = read_earlier([os.path.join(HERE, n) for n in (
        "directives_zh.tsv", "directives_en.tsv", "directives_en_b.tsv")])
    report = []
    zh = draw_zh(a.corpora, rng, old_ids, old_texts, report)
    en = draw_en(a.corpora, rng, old_ids, old_texts, report)
    for name, rows in (("zh", zh), ("en", en)):
        rows.sort(key=sort_key)
        keys = {(r["source"], r["id"]) for r in rows}
        assert len(keys) == len(rows) and not (keys & old_ids)
        assert not ({r["sentence"] for r in rows} & old_texts)
        write_tsv(os.path.join(a.out, "sample_%s_c.tsv" % name), rows, name)
    print("stratum\tpool_sentences\tpool_cue_sentences\tn_uniform\tn_cue", file=sys.stderr)
    for corpus, stratum, n_pool, n_cuepool, nu, nc in report:
        print("%s %s\t%d\t%d\t%d\t%d" % (corpus, stratum, n_pool, n_cuepool, nu, nc),
              file=sys.stderr)
    print("rows zh %d en %d" % (len(zh), len(en)), file=sys.stderr)


if __name__ == "__main__":
    main()
