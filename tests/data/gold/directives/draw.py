#!/usr/bin/env python3
"""Draw the random sentence sample for the hand-annotated directive-verb gold set.

Standalone (Python standard library only); it reads the shared corpora and nothing of the
project's own code, so that the sample is fixed before anyone looks at rule output.

    python3 draw.py [--corpora /work/shared/corpora] [--out DIR]

writes sample_zh.tsv and sample_en.tsv (annotation columns empty) into DIR (default: the
folder of this script). The draw is fully determined by SEED; re-running gives the same files.
To re-draw a *different* sample change SEED (and say so in GUIDELINES.md) - never re-draw
after looking at the finder's output.

Design (see GUIDELINES.md):
- Chinese (cpc_congress): 62 sentences per era (pre1978 / 1978-1999 / 2000on); within an era
  the 62 are allocated to the era's documents in proportion to their number of sentences
  (largest remainder) with at least MIN_PER_DOC per document, then drawn without replacement
  inside each document. The 1945 file is a stub listing editions (no report text): excluded.
- English: state_union, 18 sentences per decade (1940s ... 2000s, 7 strata = 126); inaugural,
  12 sentences per period 1789-1849 / 1850-1899 / 1900-1949 / 1950-1999 / 2000-2021 (60).
  Within a stratum, simple random sampling from the pooled sentences of its documents
  (so documents are represented in proportion to size).
- part: inside each (language, source, era) cell the drawn sentences are shuffled and
  alternately assigned dev / test, so each cell is balanced (difference at most 1).
"""
import argparse
import csv
import os
import random
import re
import sys

SEED = 20261204
ZH_PER_ERA = 62
MIN_PER_DOC = 3
SOTU_PER_DECADE = 18
INAUG_PERIODS = [(1789, 1849), (1850, 1899), (1900, 1949), (1950, 1999), (2000, 2099)]
INAUG_PER_PERIOD = 12
MIN_WORD_CHARS = 6  # pieces with fewer word characters (CJK, letters, digits) are not sentences

COLUMNS = ["id", "part", "era", "year", "source", "section_kind", "heading",
           "sentence", "expected", "note"]

HEADER_COMMENT = (
    "# id: zh|en-<file stem>-L<line>-<k-th sentence of that line>; part: dev|test; "
    "era: pre1978|1978-1999|2000on (by year); year; source: corpus/file; "
    "section_kind: review|plan|other (hand-judged); heading: nearest preceding heading line "
    "(empty if none); sentence: verbatim after draw.py's splitter; expected: directive and "
    "commitment verbs as lemma:category, space-separated, in text order (empty = none); "
    "note: annotator remarks\n"
)

STUBS = {"1945-congress07.txt"}  # lists editions only, no report text

# --------------------------------------------------------------------------- helpers


def era_of(year):
    if year < 1978:
        return "pre1978"
    if year <= 1999:
        return "1978-1999"
    return "2000on"


def n_word_chars(s):
    return sum(1 for ch in s if ch.isalnum())


# --------------------------------------------------------------------------- Chinese

ZH_END = set("。！？；!?")
ZH_CLOSE = set("”’」』）》】〕)\"'")

CN_NUM = "一二三四五六七八九十百零〇"
ZH_HEADING_RES = [
    re.compile(r"^[%s]+、" % CN_NUM),                       # 一、
    re.compile(r"^第[%s]+(部分|部份|章|节|節|、)" % CN_NUM),  # 第一部分 / 第一、
    re.compile(r"^[（(][%s]+[）)]" % CN_NUM),                 # （一） (一)
    re.compile(r"^[0-9０-９]+[．.、]"),                         # 1．（short lines only)
]
# unnumbered section headings (checked by reading the files); a short standalone line
ZH_EXTRA_HEADINGS = {
    "1921-congress01a.txt": {"在工人中的宣传工作", "在知识分子中的宣传工作"},
    "1973-congress10.txt": {"关于九大路线", "关于粉碎林彪反党集团的胜利", "关于形势和任务"},
    "1977-congress11.txt": {"形势和任务"},
}
ZH_FOOTER_RES = [re.compile(r"^(本作品来自|这部作品在)"), re.compile(r"^↑\s*$")]


def split_zh(line):
    out, buf, i = [], [], 0
    while i < len(line):
        ch = line[i]
        buf.append(ch)
        i += 1
        if ch in ZH_END:
            while i < len(line) and line[i] in ZH_CLOSE:
                buf.append(line[i])
                i += 1
            out.append("".join(buf))
            buf = []
    if buf:
        out.append("".join(buf))
    return [s.strip() for s in out if s.strip()]


def zh_heading(fname, line, prev_line):
    s = line.strip()
    if not s:
        return None
    if s in ZH_EXTRA_HEADINGS.get(fname, ()):
        return s
    # a line that continues an open quotation ("一、两年之内..." in 1977) is not a heading
    if prev_line.rstrip().endswith(("“", "‘", "「")):
        return None
    for k, rx in enumerate(ZH_HEADING_RES):
        if rx.match(s):
            if k == 3 and (len(s) > 30 or "。" in s[:-1]):
                return None
            if len(s) > 40:  # heading run into its paragraph: keep the heading sentence
                m = re.search(r"[。！？；]", s)
                return s[: m.end()] if m else s[:40]
            return s
    return None


def zh_sentences(path, fname):
    lines = open(path, encoding="utf-8").read().split("\n")
    sents, heading, prev = [], "", ""
    for ln, line in enumerate(lines, 1):
        if any(rx.match(line.strip()) for rx in ZH_FOOTER_RES):
            break
        h = zh_heading(fname, line, prev)
        if h is not None:
            heading = h
        k = 0
        for s in split_zh(line):
            k += 1
            if n_word_chars(s) >= MIN_WORD_CHARS:
                sents.append({"line": ln, "k": k, "sentence": s, "heading": heading})
        if line.strip():
            prev = line
    return sents


# --------------------------------------------------------------------------- English

EN_ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "messrs", "gen", "gov", "sen", "rep", "rev",
    "hon", "prof", "lt", "col", "capt", "sgt", "adm", "no", "nos", "vs", "etc", "e.g", "i.e",
    "u.s", "u.n", "u.k", "u.s.a", "u.s.s.r", "d.c", "a.m", "p.m", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "co", "corp", "ltd",
    "dept", "approx", "fig", "vol", "art", "sec", "ft", "mt",
}
EN_BOUNDARY = re.compile(r"[.?!][\"'”’)\]]*(?=\s+[A-Z\"“'‘(])")


def split_en(line):
    out, start = [], 0
    for m in EN_BOUNDARY.finditer(line):
        end = m.end()
        if line[m.start()] == ".":
            # the token before the period
            tok = re.search(r"([A-Za-z][A-Za-z.]*)\.$", line[start:m.start() + 1])
            if tok:
                w = tok.group(1).lower()
                if w in EN_ABBREV or len(w) == 1:  # abbreviation or an initial ("Harry S. Truman")
                    continue
        out.append(line[start:end])
        start = end
    out.append(line[start:])
    return [s.strip() for s in out if s.strip()]


EN_HEAD_RE = re.compile(r"^(([IVX]+\.|\d+\.)?\s*[^a-z]*[A-Z]{3}[^a-z]*|[IVX]+\.)$")


def en_sentences(path):
    lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
    sents, heading = [], ""
    for ln, line in enumerate(lines, 1):
        if "WEB RESOURCES >>" in line:  # web page boilerplate after the address
            break
        s = line.strip()
        if (ln > 1 and s and len(s) <= 80 and EN_HEAD_RE.match(s)
                and not re.search(r"\d:\d\d", s)):  # not a time stamp ("9:10 P.M. EST")
            heading = s
        k = 0
        for sent in split_en(line):
            k += 1
            if n_word_chars(sent) >= MIN_WORD_CHARS:
                sents.append({"line": ln, "k": k, "sentence": sent, "heading": heading})
    return sents


# --------------------------------------------------------------------------- drawing


def allocate(sizes, total, minimum):
    """Largest-remainder allocation of total over sizes with a per-item minimum."""
    alloc = {k: min(minimum, v) for k, v in sizes.items()}
    rest = total - sum(alloc.values())
    avail = {k: v - alloc[k] for k, v in sizes.items()}
    tot = sum(avail.values())
    quotas = {k: rest * avail[k] / tot for k in sizes}
    for k in sizes:
        alloc[k] += int(quotas[k])
    left = total - sum(alloc.values())
    order = sorted(sizes, key=lambda k: (-(quotas[k] - int(quotas[k])), k))
    for k in order[:left]:
        alloc[k] += 1
    return alloc


def make_row(lang, corpus, fname, year, s):
    stem = os.path.splitext(fname)[0]
    return {
        "id": "%s-%s-L%d-%d" % (lang, stem, s["line"], s["k"]),
        "part": "", "era": era_of(year), "year": str(year),
        "source": "%s/%s" % (corpus, fname), "section_kind": "",
        "heading": s["heading"], "sentence": s["sentence"], "expected": "", "note": "",
    }


def assign_parts(rows, rng):
    cells = {}
    for r in rows:
        cells.setdefault((r["source"].split("/")[0], r["era"]), []).append(r)
    for key in sorted(cells):
        cell = cells[key]
        rng.shuffle(cell)
        first = rng.choice(["dev", "test"])
        second = "test" if first == "dev" else "dev"
        for i, r in enumerate(cell):
            r["part"] = first if i % 2 == 0 else second


def sort_key(r):
    m = re.search(r"-L(\d+)-(\d+)$", r["id"])
    return (r["source"], int(m.group(1)), int(m.group(2)))


def write_tsv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER_COMMENT)
        # plain tab-separated, no quoting (read back with csv QUOTE_NONE)
        f.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            for c in COLUMNS:
                if "\t" in r[c] or "\n" in r[c] or "\r" in r[c]:
                    raise ValueError("tab/newline in field %s of %s" % (c, r["id"]))
            f.write("\t".join(r[c] for c in COLUMNS) + "\n")


def draw_zh(corpora, rng):
    d = os.path.join(corpora, "cpc_congress")
    years = {}
    with open(os.path.join(d, "metadata.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            years[row["file"]] = int(row["year"])
    docs = {}
    for fname in sorted(years):
        if fname in STUBS:
            continue
        docs[fname] = zh_sentences(os.path.join(d, fname), fname)
    rows = []
    for era in ["pre1978", "1978-1999", "2000on"]:
        files = [f for f in sorted(docs) if era_of(years[f]) == era]
        alloc = allocate({f: len(docs[f]) for f in files}, ZH_PER_ERA, MIN_PER_DOC)
        for f in files:
            for s in rng.sample(docs[f], alloc[f]):
                rows.append(make_row("zh", "cpc_congress", f, years[f], s))
    assign_parts(rows, rng)
    return sorted(rows, key=sort_key)


def draw_en(corpora, rng):
    rows = []
    # state of the union: decades
    d = os.path.join(corpora, "state_union")
    files = sorted(f for f in os.listdir(d) if f.endswith(".txt"))
    strata = {}
    for f in files:
        y = int(f[:4])
        strata.setdefault(y // 10 * 10, []).extend(
            (f, y, s) for s in en_sentences(os.path.join(d, f)))
    for dec in sorted(strata):
        for f, y, s in rng.sample(strata[dec], SOTU_PER_DECADE):
            rows.append(make_row("en", "state_union", f, y, s))
    # inaugural: periods
    d = os.path.join(corpora, "inaugural")
    files = sorted(f for f in os.listdir(d) if f.endswith(".txt"))
    for lo, hi in INAUG_PERIODS:
        pool = []
        for f in files:
            y = int(f[:4])
            if lo <= y <= hi:
                pool.extend((f, y, s) for s in en_sentences(os.path.join(d, f)))
        for f, y, s in rng.sample(pool, INAUG_PER_PERIOD):
            rows.append(make_row("en", "inaugural", f, y, s))
    assign_parts(rows, rng)
    return sorted(rows, key=sort_key)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", default="/work/shared/corpora")
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    a = ap.parse_args(argv)
    rng = random.Random(SEED)
    zh = draw_zh(a.corpora, rng)
    en = draw_en(a.corpora, rng)
    write_tsv(os.path.join(a.out, "sample_zh.tsv"), zh)
    write_tsv(os.path.join(a.out, "sample_en.tsv"), en)
    for name, rows in (("zh", zh), ("en", en)):
        cnt = {}
        for r in rows:
            key = (r["source"].split("/")[0], r["era"], r["part"])
            cnt[key] = cnt.get(key, 0) + 1
        print(name, len(rows), sorted(cnt.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
