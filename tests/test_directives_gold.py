"""Directive finding on the blind gold sets (tests/data/gold/directives/): precision, recall and F1 out of sample.

The sentences were drawn at random and annotated by MEASURES.md before the rules were run (GUIDELINES.md in
the same folder). Each sentence is scored alone, with its hand-judged ``section_kind`` supplied, since the
gold gives no document context; section detection is tested separately (tests/test_sections.py).

**Parts (second round).** Every sentence of the first two draws is now *development* data, studied and tuned
on: the first draw's dev rows (``draw A dev``), its former test rows (``draw A test``: held out in the first
round, read in the second) and the second English draw (``draw B``). The held-out *test* part is the third
draw (``draw C``: ``directives_zh_c.tsv``, ``directives_en_c.tsv``, 180 sentences each, drawn and annotated
blind by someone else while the rules of the second round were written, and read only once they were
final). Its figures are printed per era and per stratum (``uniform``: a simple random sample of sentences;
``cue``: sentences with a surface cue of a directive), and never asserted: the run fails only below F1 0.9
on the development part of either language.

Scoring:

- **Headline: F1 on lemmas.** Per sentence, the expected and the found hits are matched as multisets of
  lemmas (a lemma found twice and expected once is one true and one false positive); micro precision,
  recall and F1 over the sentences of a part. Commitments are hits like the others here (the gold lists
  them); ``f1_directive`` scores the directive categories alone (commitments left out of both sides).
- **Lemma matching.** Equal lemmas match. For Chinese, GUIDELINES.md notes that jieba splits or joins
  resultative compounds differently from the annotator: a lemma also matches the same lemma with one
  resultative character after it (做 / 做好, 打 / 打好; 好 到 成 完 准 住 牢 实 清 在).
- **Category agreement** beside it: the share of matched lemmas whose category is the expected one. The
  English gold labels negated deontics ``prohibition``; the English finder does too (see
  :mod:`discourse.directives`), so the categories are compared as written.
- **Uncertainty.** ``f1_low`` / ``f1_high``: a 95% percentile interval of F1 from resampling the part's
  sentences with replacement (1,000 resamples, seed 0), within each stratum when the rows carry one (so a
  resample keeps the draw's design). Read the English figures with that interval: a part holds a few dozen
  hits.
"""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
from _metrics import record_metric

from discourse.directives import directives_in_sentence
from discourse.text.analyze import analyze

GOLD = Path(__file__).resolve().parent / "data" / "gold" / "directives"
ERAS = ("pre1978", "1978-1999", "2000on")
STRATA = ("uniform", "cue")
RESULTATIVE = frozenset("好到成完准住牢实清在")
DEV_THRESHOLD = 0.9
#: The development draws of each language: (label, file, the rows' ``part`` to keep or None for all).
DEV_DRAWS = {
    "zh": (("draw A dev", "directives_zh.tsv", "dev"), ("draw A test", "directives_zh.tsv", "test")),
    "en": (("draw A dev", "directives_en.tsv", "dev"), ("draw A test", "directives_en.tsv", "test"),
           ("draw B", "directives_en_b.tsv", None)),
}
#: The held-out test draw of each language.
TEST_DRAW = {"zh": "directives_zh_c.tsv", "en": "directives_en_c.tsv"}


def read_gold(name: str) -> list[dict]:
    """Rows of a gold TSV (a ``#`` comment line, then a header; tab-separated, no quoting)."""
    with open(GOLD / name, encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        row["gold"] = [tuple(item.rsplit(":", 1)) for item in (row["expected"] or "").split()]
    return rows


def dev_rows(lang: str) -> list[dict]:
    """Every development row of ``lang``, each with its ``draw`` label (see the module docstring)."""
    rows = []
    for label, name, part in DEV_DRAWS[lang]:
        rows += [dict(r, draw=label) for r in read_gold(name) if part is None or r["part"] == part]
    return rows


def found(row: dict, lang: str) -> list[tuple[str, str]]:
    """The finder's hits on the gold sentence, with the gold's section kind supplied."""
    kind = row["section_kind"] or None
    return [(h["lemma"], h["category"]) for s in analyze(row["sentence"], lang)
            for h in directives_in_sentence(s, lang=lang, section_kind=kind)]


def same_lemma(a: str, b: str, lang: str) -> bool:
    if a == b:
        return True
    if lang != "zh":
        return False
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and long_.startswith(short) and long_[-1] in RESULTATIVE


def match(gold: list[tuple[str, str]], pred: list[tuple[str, str]], lang: str) -> tuple[int, int, int, int]:
    """(true positives, false positives, false negatives, matched pairs with the same category)."""
    left = list(pred)
    tp = agree = 0
    for lemma, category in gold:
        j = next((k for k, (l2, c2) in enumerate(left) if same_lemma(lemma, l2, lang) and c2 == category), None)
        if j is None:
            j = next((k for k, (l2, _) in enumerate(left) if same_lemma(lemma, l2, lang)), None)
        if j is None:
            continue
        tp += 1
        agree += left[j][1] == category
        left.pop(j)
    return tp, len(left), len(gold) - tp, agree


def prf(counts: np.ndarray) -> tuple[float, float, float]:
    tp, fp, fn = counts[..., 0], counts[..., 1], counts[..., 2]
    with np.errstate(invalid="ignore", divide="ignore"):
        p = np.where(tp + fp > 0, tp / (tp + fp), 1.0)
        r = np.where(tp + fn > 0, tp / (tp + fn), 1.0)
        f = np.where(p + r > 0, 2 * p * r / (p + r), 0.0)
    return p, r, f


def resample(groups: list[int], n_boot: int, seed: int = 0) -> np.ndarray:
    """Bootstrap indices (``n_boot`` x rows): rows drawn with replacement within each group of ``groups``."""
    rng = np.random.default_rng(seed)
    groups_arr = np.asarray(groups)
    idx = np.empty((n_boot, len(groups)), dtype=np.int64)
    for g in np.unique(groups_arr):
        members = np.flatnonzero(groups_arr == g)
        idx[:, members] = members[rng.integers(0, len(members), size=(n_boot, len(members)))]
    return idx


def score(rows: list[dict], lang: str) -> dict:
    """Micro P/R/F1 over ``rows`` (see the module docstring), with a sentence-bootstrap interval for F1."""
    per = np.zeros((len(rows), 4), dtype=np.int64)
    per_dir = np.zeros((len(rows), 3), dtype=np.int64)
    for i, row in enumerate(rows):
        pred = found(row, lang)
        per[i] = match(row["gold"], pred, lang)
        drop = [(lemma, c) for lemma, c in row["gold"] if c != "commitment"]
        per_dir[i] = match(drop, [(lemma, c) for lemma, c in pred if c != "commitment"], lang)[:3]
    total = per.sum(axis=0)
    p, r, f = (float(x) for x in prf(total))
    strata = sorted({row.get("stratum") or "" for row in rows})
    boot = prf(per[resample([strata.index(row.get("stratum") or "") for row in rows], 1000)].sum(axis=1))[2]
    f_dir = float(prf(per_dir.sum(axis=0))[2])
    return {"precision": p, "recall": r, "f1": f, "f1_low": float(np.percentile(boot, 2.5)),
            "f1_high": float(np.percentile(boot, 97.5)), "f1_directive": f_dir,
            "category_agreement": float(total[3] / total[0]) if total[0] else float("nan"),
            "n_sentences": len(rows), "n_gold": int(total[0] + total[2]), "n_found": int(total[0] + total[1])}


@pytest.fixture(scope="module", params=["zh", "en"])
def lang(request) -> str:
    return request.param


def test_gold_files_are_as_documented(lang):
    rows = dev_rows(lang)
    first = read_gold(f"directives_{lang}.tsv")
    assert len(first) == 186 and {r["part"] for r in first} == {"dev", "test"}
    assert len(rows) == {"zh": 186, "en": 406}[lang]
    assert {r["era"] for r in rows} == set(ERAS)
    assert all(r["section_kind"] in ("review", "plan", "other") for r in first)
    categories = {c for r in rows for _, c in r["gold"]}
    assert categories <= {"imperative", "obligation", "recommendation", "prohibition", "reported", "commitment"}


def test_gold_development_part(lang):
    """Every sentence of draws A and B: the rules were tuned on these; fails below F1 0.9."""
    rows = dev_rows(lang)
    m = score(rows, lang)
    record_metric(f"directives gold ({lang}, dev)", **m)
    for label, _, _ in DEV_DRAWS[lang]:
        record_metric(f"directives gold ({lang}, dev ({label}))",
                      **score([r for r in rows if r["draw"] == label], lang))
    for era in ERAS:
        record_metric(f"directives gold ({lang}, dev, {era})", **score([r for r in rows if r["era"] == era], lang))
    assert m["f1"] >= DEV_THRESHOLD, f"{lang} development F1 {m['f1']:.3f} below {DEV_THRESHOLD}"


def test_gold_test_part(lang):
    """Draw C, the held-out test part: printed, never asserted against a threshold (the rules were not
    tuned on it)."""
    if not (GOLD / TEST_DRAW[lang]).exists():
        pytest.skip(f"the held-out draw C ({TEST_DRAW[lang]}) is not in {GOLD}")
    rows = read_gold(TEST_DRAW[lang])
    assert len(rows) == 180 and all(r["stratum"] in STRATA and r["part"] == "test" for r in rows)
    m = score(rows, lang)
    record_metric(f"directives gold ({lang}, test (draw C))", **m)
    for stratum in STRATA:
        record_metric(f"directives gold ({lang}, test (draw C), {stratum})",
                      **score([r for r in rows if r["stratum"] == stratum], lang))
    for era in ERAS:
        record_metric(f"directives gold ({lang}, test (draw C), {era})",
                      **score([r for r in rows if r["era"] == era], lang))
    assert 0.0 <= m["f1_low"] <= m["f1"] <= m["f1_high"] <= 1.0


def test_scorer_by_hand():
    # one sentence: gold 做好 + 坚持, found 做 (resultative split) + 加强 -> 1 tp, 1 fp, 1 fn
    assert match([("做好", "obligation"), ("坚持", "obligation")],
                 [("做", "imperative"), ("加强", "obligation")], "zh") == (1, 1, 1, 0)
    assert match([("act", "reported")], [("act", "reported"), ("act", "reported")], "en") == (1, 1, 0, 1)
    assert not same_lemma("做", "做好", "en") and not same_lemma("建设", "建", "zh")
    p, r, f = prf(np.array([3, 1, 2]))
    assert (p, r) == (0.75, 0.6) and f == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_resampling_keeps_strata():
    groups = [0, 0, 0, 1, 1]
    idx = resample(groups, 50, seed=1)
    assert idx.shape == (50, 5)
    assert set(idx[:, :3].ravel()) <= {0, 1, 2} and set(idx[:, 3:].ravel()) <= {3, 4}


def test_annotators_agree_on_a_part_of_draw_c():
    """A second annotator, blind to the first, annotated 60 Chinese and 60 English sentences of draw C
    (gold/directives/agreement/): how far the two agree is the ceiling any finder can be measured
    against on these sentences; the finder's figure against each annotator on the same sentences is
    printed beside it."""
    folder = GOLD / "agreement"
    if not (folder / "second_zh_c.tsv").is_file() or not all((GOLD / name).is_file() for name in TEST_DRAW.values()):
        pytest.skip("the agreement files or draw C are absent")
    for lang in ("zh", "en"):
        first = {row["id"]: row for row in read_gold(TEST_DRAW[lang])}
        with open(folder / f"second_{lang}_c.tsv", encoding="utf-8", newline="") as f:
            second = list(csv.DictReader([line for line in f if not line.startswith("#")], delimiter="\t",
                                         quoting=csv.QUOTE_NONE))
        assert len(second) == 60 and all(row["id"] in first for row in second)
        between = np.zeros(4, dtype=np.int64)
        finder = np.zeros(4, dtype=np.int64)
        for row in second:
            other = [tuple(item.rsplit(":", 1)) for item in (row["expected"] or "").split()]
            between += match(first[row["id"]]["gold"], other, lang)
            finder += match(first[row["id"]]["gold"], found(first[row["id"]], lang), lang)
        p, r, f = (float(x) for x in prf(between[:3]))
        fp, fr, ff = (float(x) for x in prf(finder[:3]))
        record_metric(f"directives gold ({lang}, draw C, two annotators)", precision=p, recall=r, f1=f,
                      finder_f1_on_the_same=ff, n_sentences=len(second), n_gold=int(between[0] + between[2]))
        assert f >= 0.9, f"the two annotators agree only at F1 {f:.3f}: the gold itself is in doubt"
