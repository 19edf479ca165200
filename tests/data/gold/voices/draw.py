#!/usr/bin/env python3
"""Draw the random sample behind the voice (speaker) gold set.

Standalone (standard library only) and deterministic: one ``random.Random(20261205)``
drives every choice, in a fixed order:

1. documents: 6 State of the Union addresses, 3 inaugural addresses, one CPC congress
   report from each of five eras (the 1945 stub is skipped), the 4 hand-written
   transcripts in ``transcripts/`` and the 5 Sichuan press releases (``data/sichuan``);
2. sentences: 10-14 per speech or report, 12-15 per transcript, 6-8 per press release,
   drawn without replacement among the sentences that contain a letter or digit;
3. parts: every document (so all its sentences) goes to ``dev`` or ``test`` at random,
   redrawn until each corpus is in both parts and dev holds 45-55 % of the sentences;
   the Sichuan press releases, on which the rules were written, are always ``dev``.

Usage
-----
    python draw.py --out /tmp/sample.tsv # draw, copy the chosen files to docs/, write the sample
    python draw.py --check               # check voices.tsv against the files and a fresh draw

The sample has the columns of ``voices.tsv`` with ``speaker`` and ``note`` left empty;
the annotator fills them in by hand (see GUIDELINES.md).
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

SEED = 20261205
HERE = Path(__file__).resolve().parent          # <repo>/tests/data/gold/voices
REPO = HERE.parents[3]                          # <repo>
SHARED = Path("/work/shared/corpora")
SICHUAN = REPO / "data" / "sichuan"
COLUMNS = ["id", "part", "genre", "lang", "path", "doc_speaker", "para_no", "sent_no",
           "sentence", "speaker", "note"]
HEADER = ("# Voice (speaker) gold set: random sample (draw.py, seed 20261205), hand-annotated; "
          "see GUIDELINES.md. para_no = 1-based line, sent_no = 1-based sentence of the document "
          "by draw.py's splitter.")
MAX_BYTES = 2_000_000

# CPC reports by era; one is drawn from each. 1945-congress07.txt is a stub (edition list).
CPC_ERAS = {
    "founding 1921-1923": (1921, 1923),
    "Mao era 1969-1977": (1969, 1977),
    "reform 1982-1992": (1982, 1992),
    "Jiang-Hu 1997-2012": (1997, 2012),
    "Xi 2017-2022": (2017, 2022),
}
CPC_SKIP = {"1945-congress07.txt"}
PER_DOC = {"speech": (10, 14), "report": (10, 14), "transcript": (12, 15),
           "press_release": (6, 8)}
MIN_TOTAL = 220

# ---------------------------------------------------------------------------------------
# Sentence splitter
# ---------------------------------------------------------------------------------------
ZH_END = "。！？；"
CLOSERS = "\"'”’」』）)]》¡¨¦§"   # ¡¨ ¡¦ ¡§: Big5 quotes mis-decoded in a few C-Span files
OPENERS = "\"'“‘([「『¡"
ABBREV = {
    "mr", "mrs", "ms", "messrs", "mme", "dr", "st", "jr", "sr", "prof", "gen", "gov", "sen",
    "rep", "reps", "hon", "rev", "lt", "col", "capt", "sgt", "adm", "mt", "ft", "no", "nos",
    "art", "sec", "vol", "pp", "cf", "vs", "e.g", "i.e", "rs", "shri", "smt",
}
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"\w")


def read_text(path: Path) -> str:
    """Decode as UTF-8; the few C-Span files that are not valid UTF-8 are read as Latin-1."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def is_chinese(line: str) -> bool:
    """A line is Chinese when CJK characters make up at least 30 % of its units, a unit being
    a CJK character or a word in another script (so a Russian or English word in a Chinese
    footnote weighs as one word, not as its letters)."""
    cjk = len(_CJK.findall(line))
    words = len(re.findall(r"[^\W\d_\u3400-\u9fff\uf900-\ufaff]+", line))
    return cjk > 0 and cjk >= 0.3 * (cjk + words)


def split_zh(line: str) -> list[str]:
    """Split after 。！？； (with any closing quotes or brackets that follow)."""
    out, start, i, n = [], 0, 0, len(line)
    while i < n:
        if line[i] in ZH_END:
            j = i + 1
            while j < n and (line[j] in ZH_END or line[j] in CLOSERS):
                j += 1
            out.append(line[start:j])
            start = i = j
        else:
            i += 1
    out.append(line[start:])
    return [s.strip() for s in out if s.strip()]


def _no_break_after(line: str, i: int) -> bool:
    """True when the period at line[i] ends an abbreviation, an initial or a list number."""
    m = re.search(r"(\S+)$", line[:i])
    if not m:
        return False
    token = m.group(1).lstrip("\"'“‘([")
    if token.lower() in ABBREV:
        return True
    if re.fullmatch(r"(?:[A-Za-z]\.)*[A-Z]", token):      # initials, U.S., H.W., "A." headings
        return True
    if token.isdigit() and line[:m.start(1)].strip() == "":  # "1. This Budget ..." (numbering)
        return True
    return False


def split_en(line: str) -> list[str]:
    """Split after . ? ! (plus closing quotes/brackets) followed by a space and a capital
    letter, an opening quote or an opening bracket; not after abbreviations (Mr. Mrs. Dr. St.
    No. ...), initials and acronyms (F. U.S.) or a list number at the start of the line."""
    out, start, i, n = [], 0, 0, len(line)
    while i < n:
        ch = line[i]
        if ch in ".?!":
            j = i + 1
            while j < n and line[j] in ".?!":
                j += 1
            while j < n and line[j] in CLOSERS:
                j += 1
            k = j
            while k < n and line[k] in " \t\u00a0":
                k += 1
            if (k > j and k < n and (line[k].isupper() or line[k] in OPENERS)
                    and not (ch == "." and j == i + 1 and _no_break_after(line, i))):
                out.append(line[start:j])
                start = k
            i = j
        else:
            i += 1
    out.append(line[start:])
    return [s.strip() for s in out if s.strip()]


def split_document(text: str) -> list[tuple[int, int, str, str]]:
    """(para_no, sent_no, lang, sentence) for every sentence; lines end sentences too."""
    rows, sent_no = [], 0
    for para_no, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        zh = is_chinese(line)
        for sent in (split_zh(line) if zh else split_en(line)):
            sent_no += 1
            rows.append((para_no, sent_no, "zh" if zh else "en", sent.replace("\t", " ")))
    return rows


# ---------------------------------------------------------------------------------------
# The draw
# ---------------------------------------------------------------------------------------
def doc_speaker_from_name(name: str) -> str:
    """'1965-Johnson-1.txt' -> 'Johnson' (the Name part of YEAR-Name[-N].txt)."""
    stem = Path(name).stem
    parts = stem.split("-")
    if parts[-1].isdigit() and len(parts) > 2:
        parts = parts[:-1]
    return "-".join(parts[1:])


def choose_documents(rng: random.Random, shared: Path) -> list[dict]:
    su = sorted(p.name for p in (shared / "state_union").glob("*.txt"))
    ina = sorted(p.name for p in (shared / "inaugural").glob("*.txt"))
    cpc = sorted(p.name for p in (shared / "cpc_congress").glob("*.txt") if p.name not in CPC_SKIP)
    docs = []
    for name in sorted(rng.sample(su, 6)):
        docs.append({"corpus": "state_union", "genre": "speech", "name": name,
                     "src": shared / "state_union" / name,
                     "path": f"docs/state_union/{name}", "doc_speaker": doc_speaker_from_name(name)})
    for name in sorted(rng.sample(ina, 3)):
        docs.append({"corpus": "inaugural", "genre": "speech", "name": name,
                     "src": shared / "inaugural" / name,
                     "path": f"docs/inaugural/{name}", "doc_speaker": doc_speaker_from_name(name)})
    for lo, hi in CPC_ERAS.values():
        era = [n for n in cpc if lo <= int(n[:4]) <= hi]
        name = rng.choice(era)
        docs.append({"corpus": "cpc_congress", "genre": "report", "name": name,
                     "src": shared / "cpc_congress" / name,
                     "path": f"docs/cpc_congress/{name}", "doc_speaker": ""})
    for p in sorted((HERE / "transcripts").glob("*.txt")):
        docs.append({"corpus": "transcripts", "genre": "transcript", "name": p.name, "src": p,
                     "path": f"transcripts/{p.name}", "doc_speaker": ""})
    for p in sorted(SICHUAN.glob("*.txt")):
        docs.append({"corpus": "sichuan", "genre": "press_release", "name": p.name, "src": p,
                     "path": f"data/sichuan/{p.name}", "doc_speaker": ""})
    return docs


def draw(shared: Path = SHARED) -> tuple[list[dict], list[dict]]:
    """Return (documents, sample rows without speaker/note)."""
    rng = random.Random(SEED)
    docs = choose_documents(rng, shared)
    for doc in docs:
        sents = split_document(read_text(doc["src"]))
        eligible = [s for s in sents if _WORD.search(s[3])]
        lo, hi = PER_DOC[doc["genre"]]
        k = min(rng.randint(lo, hi), len(eligible))
        doc["sample"] = sorted(rng.sample(eligible, k), key=lambda s: s[1])
    total = sum(len(d["sample"]) for d in docs)
    if total < MIN_TOTAL:
        raise SystemExit(f"only {total} sentences drawn; need {MIN_TOTAL}")

    # dev/test by document
    fixed_dev = [d for d in docs if d["corpus"] == "sichuan"]
    free = [d for d in docs if d["corpus"] != "sichuan"]
    corpora = sorted({d["corpus"] for d in free})
    for _attempt in range(10_000):
        parts = ["dev" if rng.random() < 0.5 else "test" for _ in free]
        dev = sum(len(d["sample"]) for d in fixed_dev) + sum(
            len(d["sample"]) for d, p in zip(free, parts) if p == "dev")
        both = all({p for d, p in zip(free, parts) if d["corpus"] == c} == {"dev", "test"}
                   for c in corpora)
        if both and 0.45 <= dev / total <= 0.55:
            break
    else:
        raise SystemExit("no admissible dev/test split found")
    for d in fixed_dev:
        d["part"] = "dev"
    for d, p in zip(free, parts):
        d["part"] = p

    order = {"press_release": 0, "speech": 1, "report": 2, "transcript": 3}
    rows = []
    for d in sorted(docs, key=lambda d: (order[d["genre"]], d["path"])):
        for para_no, sent_no, lang, sent in d["sample"]:
            rows.append({"id": "", "part": d["part"], "genre": d["genre"], "lang": lang,
                         "path": d["path"], "doc_speaker": d["doc_speaker"],
                         "para_no": str(para_no), "sent_no": str(sent_no), "sentence": sent,
                         "speaker": "", "note": ""})
    for n, row in enumerate(rows, start=1):
        row["id"] = f"v{n:03d}"
    return docs, rows


def copy_documents(docs: list[dict]) -> int:
    """Copy the chosen speeches and reports, byte for byte, to docs/<corpus>/; return bytes."""
    size = 0
    for d in docs:
        if d["corpus"] in ("state_union", "inaugural", "cpc_congress"):
            dst = HERE / d["path"]
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(d["src"], dst)
            assert dst.read_bytes() == Path(d["src"]).read_bytes()
            size += dst.stat().st_size
        elif d["corpus"] == "transcripts":
            size += Path(d["src"]).stat().st_size
    if size > MAX_BYTES:
        raise SystemExit(f"docs and transcripts take {size} bytes, more than {MAX_BYTES}")
    return size


def write_tsv(rows: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER + "\n")
        f.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            f.write("\t".join(row[c] for c in COLUMNS) + "\n")


def read_tsv(path: Path) -> list[dict]:
    """Read voices.tsv: first line a '#' comment, then the column names (no quoting)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("#"), "first line must be the # comment"
    cols = lines[1].split("\t")
    return [dict(zip(cols, ln.split("\t"))) for ln in lines[2:] if ln]


def check(shared: Path) -> int:
    """Check voices.tsv: sentences match the files; sample matches a fresh draw."""
    rows = read_tsv(HERE / "voices.tsv")
    errors = 0
    cache: dict[str, dict[int, tuple]] = {}
    for r in rows:
        base = REPO if r["path"].startswith("data/") else HERE
        if r["path"] not in cache:
            cache[r["path"]] = {s[1]: s for s in split_document(read_text(base / r["path"]))}
        s = cache[r["path"]].get(int(r["sent_no"]))
        if s is None or s[3] != r["sentence"] or s[0] != int(r["para_no"]) or s[2] != r["lang"]:
            errors += 1
            print(f"{r['id']}: sentence/para/lang does not match {r['path']}", file=sys.stderr)
        if not r.get("speaker"):
            errors += 1
            print(f"{r['id']}: no speaker", file=sys.stderr)
    if (shared / "state_union").is_dir():
        _, fresh = draw(shared)
        key = lambda r: tuple(r[c] for c in COLUMNS[:9])
        if [key(r) for r in fresh] != [key(r) for r in rows]:
            errors += 1
            print("voices.tsv differs from a fresh draw", file=sys.stderr)
    else:
        print(f"{shared} not found: fresh draw skipped", file=sys.stderr)
    print(f"{len(rows)} rows checked, {errors} problem(s)")
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=SHARED, help="folder with the corpora")
    ap.add_argument("--out", type=Path, help="write the unannotated sample here (and copy docs/)")
    ap.add_argument("--check", action="store_true", help="check voices.tsv")
    args = ap.parse_args(argv)
    if args.check:
        return check(args.shared)
    if args.out is None:
        ap.error("give --out FILE to draw (voices.tsv is never overwritten), or --check")
    docs, rows = draw(args.shared)
    size = copy_documents(docs)
    out = args.out
    write_tsv(rows, out)
    counts: dict[tuple[str, str], int] = {}
    for r in rows:
        counts[(r["genre"], r["part"])] = counts.get((r["genre"], r["part"]), 0) + 1
    for d in docs:
        print(f"{d['part']:4}  {d['genre']:13}  {len(d['sample']):3}  {d['path']}")
    for (g, p), n in sorted(counts.items()):
        print(f"{g:13} {p:4} {n}")
    print(f"{len(rows)} sentences; {size} bytes in docs/ and transcripts/; sample -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
