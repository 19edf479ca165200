"""Vocabulary shift: JSD against scipy, the resampling baseline, the standing of a shift (synthetic series),
gaps and scripts, the windowed view, word shifts, emerging terms, trajectories."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from _metrics import record_metric
from scipy.spatial.distance import jensenshannon

from discourse.corpus.model import from_tables
from discourse.errors import ParameterError
from discourse.measures.emerging import emerging_formulations
from discourse.measures.shift import (
    period_gaps,
    rising_falling,
    shift_window,
    term_trajectories,
    vocabulary_shift,
    word_shift,
    word_shifts,
)

STOP = {"the", "of", "and", "to", "a", "we", "up"}


def by_year(texts: dict[int, list[str]]):
    """One document per year; each string a sentence; non-alphabetic tokens are punctuation."""
    d, s, t = [], [], []
    for year, sents in texts.items():
        doc_id = f"doc{year}"
        d.append({"doc_id": doc_id, "year": year})
        for i, text in enumerate(sents):
            s.append({"doc_id": doc_id, "sent_id": i, "text": text})
            for j, w in enumerate(text.split()):
                word = any(ch.isalpha() for ch in w)
                t.append({"doc_id": doc_id, "sent_id": i, "tok_id": j, "token": w, "norm": w.lower(),
                          "is_word": word, "is_punct": not word, "is_stop": w.lower() in STOP})
    return from_tables(pd.DataFrame(d), pd.DataFrame(s), pd.DataFrame(t))


@pytest.fixture
def small():
    return by_year({2021: ["reform reform growth the law"],
                    2022: ["reform growth growth market and"],
                    2024: ["market market innovation innovation reform"]})


def test_jsd_against_scipy(small):
    out = vocabulary_shift(small, n_boot=20)
    assert list(zip(out["from"], out["to"])) == [(2021, 2022), (2022, 2024)]   # 2023 absent
    # 2021: reform 2, growth 1, law 1 | 2022: reform 1, growth 2, market 1 (stop words removed)
    p = np.array([2, 1, 1, 0]) / 4
    q = np.array([1, 2, 0, 1]) / 4
    assert out.loc[0, "jsd"] == pytest.approx(jensenshannon(p, q, base=2) ** 2)
    # 2022 -> 2024 over reform, growth, market, innovation
    p2 = np.array([1, 2, 1, 0]) / 4
    q2 = np.array([1, 0, 2, 2]) / 5
    assert out.loc[1, "jsd"] == pytest.approx(jensenshannon(p2, q2, base=2) ** 2)
    assert out.loc[0, "n_counted_from"] == 4 and out.loc[1, "n_counted_to"] == 5
    # the token bases: all word tokens, and those after stop words ("the", "and" are stop words)
    assert (out.loc[0, "n_tokens_from"], out.loc[0, "n_content_tokens_from"]) == (5, 4)
    assert (out.loc[0, "n_tokens_to"], out.loc[0, "n_content_tokens_to"]) == (5, 4)
    assert (out.loc[0, "n_types_from"], out.loc[0, "n_types_to"]) == (3, 3)
    assert out.loc[1, "jsd_excess"] == pytest.approx(out.loc[1, "jsd"] - out.loc[1, "jsd_baseline"])
    assert out.loc[1, "jsd_ratio"] == pytest.approx(out.loc[1, "jsd"] / out.loc[1, "jsd_baseline"])


def test_emerging_and_vanishing_counts():
    c = by_year({2020: ["alpha alpha beta beta gamma"],
                 2021: ["beta delta delta gamma gamma"],
                 2022: ["beta delta epsilon epsilon zeta"]})
    out = vocabulary_shift(c, n_boot=5, min_count=2).set_index("to")
    # 2021: delta (2x) is new; alpha (2x in 2020) never appears again
    assert (out.loc[2021, "n_emerging"], out.loc[2021, "n_vanishing"]) == (1, 1)
    # 2022: epsilon (2x) new, zeta only once; gamma (2x in 2021) gone after 2021
    assert (out.loc[2022, "n_emerging"], out.loc[2022, "n_vanishing"]) == (1, 1)
    out1 = vocabulary_shift(c, n_boot=5, min_count=1).set_index("to")
    assert out1.loc[2022, "n_emerging"] == 2


def test_baseline_is_seeded_and_near_zero_excess_for_one_distribution():
    rng = np.random.default_rng(11)
    vocab = np.array([f"w{i}" for i in range(30)])
    probs = rng.dirichlet(np.ones(30))
    texts = {y: [" ".join(rng.choice(vocab, size=50, p=probs)) for _ in range(40)] for y in (2023, 2024)}
    c = by_year(texts)
    a = vocabulary_shift(c, n_boot=100, seed=5)
    b = vocabulary_shift(c, n_boot=100, seed=5)
    pd.testing.assert_frame_equal(a, b)
    other = vocabulary_shift(c, n_boot=100, seed=6)
    assert other.loc[0, "jsd_baseline"] != a.loc[0, "jsd_baseline"]
    r = a.iloc[0]
    assert r["baseline_low"] <= r["jsd"] <= r["baseline_high"]
    assert abs(r["jsd_excess"]) < 0.5 * r["jsd_baseline"]
    # a real change: 2025 draws from another distribution and stands far above chance
    probs2 = rng.dirichlet(np.ones(30))
    texts[2025] = [" ".join(rng.choice(vocab, size=50, p=probs2)) for _ in range(40)]
    changed = vocabulary_shift(by_year(texts), n_boot=100).iloc[1]
    assert changed["jsd"] > changed["baseline_high"]
    assert changed["jsd_ratio"] > 3


def test_shift_errors(small):
    with pytest.raises(ParameterError, match="n_boot"):
        vocabulary_shift(small, n_boot=0)
    with pytest.raises(ParameterError, match="ngram"):
        vocabulary_shift(small, ngram=0)
    with pytest.raises(ParameterError, match="by"):
        vocabulary_shift(small, by="decade")
    with pytest.raises(ParameterError, match="n_perm"):
        vocabulary_shift(small, n_perm=0)
    with pytest.raises(ParameterError, match="z_min"):
        vocabulary_shift(small, z_min=-1)
    with pytest.raises(ParameterError, match="alpha"):
        vocabulary_shift(small, alpha=1.5)
    with pytest.raises(ParameterError, match="k"):
        shift_window(small, k=0)
    one = vocabulary_shift(small.subset(year=2021))
    assert one.empty and "jsd_baseline" in one.columns


def test_rising_falling(small):
    out = rising_falling(small, 2021, 2024, min_count=1, n=2)
    rising = out[out["direction"] == "rising"]
    falling = out[out["direction"] == "falling"]
    assert set(rising["term"]) == {"market", "innovation"}
    assert (rising["z"] > 0).all() and (falling["z"] < 0).all()
    assert set(falling["term"]) == {"growth", "law"}
    assert rising["count_target"].tolist() == [2, 2]          # counts of 2024, the later period
    with pytest.raises(ParameterError, match="2030"):
        rising_falling(small, 2030, 2024)


def test_emerging_formulations():
    c = by_year({2021: ["reform and opening up remains key .", "reform and opening up , as always"],
                 2022: ["new quality productive forces drive growth .",
                        "develop new quality productive forces now"],
                 2023: ["new quality productive forces again , opening up"]})
    out = emerging_formulations(c, min_count=2)
    em = out[out["status"] == "emerging"]
    assert em["term"].tolist()[0] == "new quality productive forces"       # multi-word first
    r = em.set_index("term").loc["new quality productive forces"]
    assert (r["n"], r["first_period"], r["count_first"], r["total_count"]) == (4, 2022, 2, 3)
    assert "productive forces" not in set(em["term"])                     # subsumed by the 4-gram
    assert "growth" not in set(em["term"])                                # only once
    van = out[out["status"] == "vanishing"].set_index("term")
    assert "reform and opening up" in van.index and van.loc["reform and opening up", "last_period"] == 2021
    assert "opening up" not in van.index                                  # still used in 2023
    full = emerging_formulations(c, min_count=2, drop_subsumed=False)
    assert {"productive forces", "quality productive forces"} <= set(full["term"])
    assert full.set_index("term").loc["productive forces", "count_first"] == 2
    with pytest.raises(ParameterError, match="max_n"):
        emerging_formulations(c, max_n=0)


def test_term_trajectories():
    c = by_year({2021: ["Opening up matters , opening up ."], 2022: ["opening , up ; nothing else"],
                 2023: ["New Quality productive forces"]})
    out = term_trajectories(c, ["opening up", "new quality productive forces", "absent"])
    assert list(out.columns) == ["term", "year", "count", "n_tokens", "n_content_tokens", "per_1k"]
    assert len(out) == 9                                                  # zeros kept
    ou = out[out["term"] == "opening up"].set_index("year")
    assert ou["count"].tolist() == [2, 0, 0]                              # punctuation breaks a phrase
    assert ou.loc[2021, "per_1k"] == pytest.approx(2 / 5 * 1000)
    nq = out[out["term"] == "new quality productive forces"].set_index("year")
    assert nq.loc[2023, "count"] == 1                                     # case-insensitive
    assert out[out["term"] == "absent"]["count"].sum() == 0
    with pytest.raises(ParameterError, match="terms"):
        term_trajectories(c, [])


# ----------------------------------------------------------------------------- the standing of a shift
TIERS = [10, 40, 250, 700]            # words per frequency tier; the tiers share the mass below
TIER_MASS = [0.3, 0.3, 0.3, 0.1]


def tier_distributions(n_years, brk, seed, *, drift=(2, 4, 10), jump=(8, 24, 100)):
    """Word probabilities of each year: every year the same number of words (``drift``) move one tier
    up and as many one tier down, so every step has exactly the same JSD (0.042 bits); in year ``brk``
    many more move (``jump``: 0.24 bits). A word moves at most once a year."""
    rng = np.random.default_rng(seed)
    tier = np.repeat(np.arange(len(TIERS)), TIERS)
    rng.shuffle(tier)
    prob = np.array([m / n for m, n in zip(TIER_MASS, TIERS)])
    out = []
    for t in range(n_years):
        if t > 0:
            moved = np.zeros(len(tier), dtype=bool)
            for k, m in enumerate(jump if t == brk else drift):
                up = rng.choice(np.flatnonzero((tier == k) & ~moved), m, replace=False)
                down = rng.choice(np.flatnonzero((tier == k + 1) & ~moved), m, replace=False)
                tier[up], tier[down] = k + 1, k
                moved[up] = moved[down] = True
        out.append(prob[tier].copy())
    return out


def sampled_series(sizes, *, brk, seed=0, n_docs=3, sent_len=20, first_year=2000):
    """A corpus of one period per size: ``n_docs`` documents of 20-word sentences drawn from the year's
    distribution (every word a content word)."""
    rng = np.random.default_rng(seed + 100)
    docs, sents, toks = [], [], []
    for t, (size, p) in enumerate(zip(sizes, tier_distributions(len(sizes), brk, seed))):
        for d in range(n_docs):
            doc_id = f"y{first_year + t}d{d}"
            docs.append({"doc_id": doc_id, "year": first_year + t})
            words = rng.choice(len(p), size=size // n_docs, p=p)
            sent = np.arange(len(words)) // sent_len
            sents.append(pd.DataFrame({"doc_id": doc_id, "sent_id": np.unique(sent), "text": ""}))
            toks.append(pd.DataFrame({"doc_id": doc_id, "sent_id": sent,
                                      "tok_id": np.arange(len(words)) % sent_len,
                                      "token": [f"w{w}" for w in words], "is_word": True,
                                      "is_punct": False, "is_stop": False}))
    tokens = pd.concat(toks, ignore_index=True)
    tokens["norm"] = tokens["token"]
    return from_tables(pd.DataFrame(docs), pd.concat(sents, ignore_index=True), tokens)


def test_tier_drift_is_equal_and_the_break_larger():
    d = tier_distributions(12, 6, 0)
    steps = [float(jensenshannon(d[i], d[i + 1], base=2) ** 2) for i in range(11)]
    assert np.allclose([s for i, s in enumerate(steps) if i != 5], steps[0])
    assert steps[5] > 5 * steps[0]


SMALL, LARGE = 600, 12000
ARRANGEMENTS = {
    "rising": list(np.linspace(SMALL, LARGE, 12).astype(int)),
    "falling": list(np.linspace(LARGE, SMALL, 12).astype(int)),
    "alternating": [SMALL, LARGE] * 6,
    "break between two small years": [LARGE] * 5 + [SMALL, SMALL] + [LARGE] * 5,
    "mixed": [5000, 600, 12000, 2000, 600, 12000, 5000, 2000, 12000, 600, 5000, 2000],
}


@pytest.mark.parametrize("arrangement", list(ARRANGEMENTS))
def test_only_the_break_is_flagged_whatever_the_sizes(arrangement):
    sizes = ARRANGEMENTS[arrangement]
    out = vocabulary_shift(sampled_series(sizes, brk=6), n_boot=50, n_perm=100)
    assert out.loc[out["flag"], "to"].tolist() == [2006]
    # every other pair drifts as much as the others: none stands out
    others = out[out["to"] != 2006]
    assert (others["z"] < 3.5).all()
    # the effect is reported as before, beside the standing
    assert (out["jsd_excess"] == out["jsd"] - out["jsd_baseline"]).all()
    assert (out["excess_permuted"] == out["jsd"] - out["jsd_permuted"]).all()


def test_permutations_shuffle_documents_or_sentences():
    few = vocabulary_shift(sampled_series([3000] * 4, brk=2, n_docs=3), n_boot=10, n_perm=50)
    assert set(few["permuted"]) == {"sentences"}           # 3 + 3 documents: only 20 splits
    many = vocabulary_shift(sampled_series([4000] * 4, brk=2, n_docs=8), n_boot=10, n_perm=50)
    assert set(many["permuted"]) == {"documents"}          # 8 + 8 documents: 12,870 splits
    assert many.loc[many["to"] == 2002, "p_value"].iloc[0] == pytest.approx(1 / 51)
    # the same seed, the same table
    again = vocabulary_shift(sampled_series([4000] * 4, brk=2, n_docs=8), n_boot=10, n_perm=50)
    pd.testing.assert_frame_equal(many, again)


def test_a_gap_is_reported_and_set_apart():
    c = sampled_series([3000] * 8, brk=99)
    kept = c.subset(year=[2000, 2001, 2002, 2005, 2006, 2007])       # 2003 and 2004 missing
    out = vocabulary_shift(kept, n_boot=20, n_perm=50).set_index("to")
    assert out["gap"].to_dict() == {2001: 0, 2002: 0, 2005: 2, 2006: 0, 2007: 0}
    assert not out.loc[2005, "flag"]
    assert out["warning"].eq("").all()
    assert period_gaps([1969, 1973, 1977, 1982, 2002]).tolist() == [0, 0, 0, 3]   # spacing 4.5: 2002 - 1982 = 20
    assert period_gaps(["a", "b", "c"]).tolist() == [0, 0]


def test_a_change_of_script_or_language_is_a_warning_not_a_shift():
    d, s, t = [], [], []
    texts = {2001: ("zh", "改革 开放 发展 经济"), 2002: ("zh", "改革 开放 发展 经济 建设"),
             2003: ("zh", "改革 開放 發展 經濟"), 2004: ("zh", "改革 開放 發展 經濟 建設"),
             2005: ("en", "reform opening development economy")}
    for year, (lang, text) in texts.items():
        d.append({"doc_id": f"d{year}", "year": year})
        for i in range(5):
            s.append({"doc_id": f"d{year}", "sent_id": i, "text": text.replace(" ", ""), "lang": lang})
            for j, w in enumerate(text.split()):
                t.append({"doc_id": f"d{year}", "sent_id": i, "tok_id": j, "token": w, "norm": w, "lang": lang,
                          "is_word": True, "is_punct": False, "is_stop": False})
    c = from_tables(pd.DataFrame(d), pd.DataFrame(s), pd.DataFrame(t))
    out = vocabulary_shift(c, n_boot=10, n_perm=20).set_index("to")
    assert out.loc[2003, "warning"] == "script changes: simplified -> traditional"
    assert out.loc[2005, "warning"] == "language changes: zh -> en"
    assert out.loc[[2002, 2004], "warning"].eq("").all()
    assert not out.loc[[2003, 2005], "flag"].any()
    # a script column, where the corpus has one, is read instead of the text
    marked = from_tables(pd.DataFrame(d), pd.DataFrame(s).assign(script="simplified"), pd.DataFrame(t))
    assert vocabulary_shift(marked, n_boot=10, n_perm=20).set_index("to").loc[2003, "warning"] == ""


def test_windowed_view_finds_a_change_spread_over_two_years():
    # the break happens in two halves, in 2006 and 2007: the pairs see two moderate steps, the
    # windows of two years either side one turning point
    d, s, t = [], [], []
    rng = np.random.default_rng(3)
    old, new = np.array([f"o{i}" for i in range(60)]), np.array([f"n{i}" for i in range(60)])
    for year in range(2000, 2014):
        share_new = 0.0 if year < 2006 else (0.5 if year == 2006 else 1.0)
        for doc in range(2):
            doc_id = f"d{year}{doc}"
            d.append({"doc_id": doc_id, "year": year})
            for i in range(60):
                words = np.where(rng.random(12) < share_new, rng.choice(new, 12), rng.choice(old, 12))
                s.append({"doc_id": doc_id, "sent_id": i, "text": ""})
                t.extend({"doc_id": doc_id, "sent_id": i, "tok_id": j, "token": w, "norm": w,
                          "is_word": True, "is_punct": False, "is_stop": False} for j, w in enumerate(words))
    c = from_tables(pd.DataFrame(d), pd.DataFrame(s), pd.DataFrame(t))
    turns = shift_window(c, k=2, n_boot=20, n_perm=50)
    assert list(turns.columns[:6]) == ["at", "before_first", "before_last", "after_first", "after_last", "gap"]
    assert turns["at"].tolist() == list(range(2002, 2013))        # k periods on both sides
    first = turns.iloc[0]
    assert (first["before_first"], first["before_last"], first["after_first"], first["after_last"]) == \
        (2000, 2001, 2002, 2003)
    peak = turns.loc[turns["jsd_excess"].idxmax()]
    assert peak["at"] in (2006, 2007) and peak["flag"]
    flagged = turns.loc[turns["flag"], "at"].tolist()
    # one turning region: the boundaries whose windows straddle the change, contiguous, one peak
    assert flagged == list(range(flagged[0], flagged[-1] + 1)) and set(flagged) <= {2005, 2006, 2007, 2008}
    pairs = vocabulary_shift(c, n_boot=20, n_perm=50).set_index("to")
    assert peak["jsd"] > pairs.loc[[2006, 2007], "jsd"].max()      # one turn, larger than either step


def test_word_shift_terms_add_up_to_the_jsd():
    c = by_year({2021: ["reform reform growth the law"], 2022: ["reform growth growth market and"]})
    ws = word_shift(c, 2021, 2022, n=None)
    shift = vocabulary_shift(c, n_boot=5, n_perm=5)
    assert ws["contribution"].sum() == pytest.approx(shift.loc[0, "jsd"])
    # by hand: p = (reform 2, growth 1, law 1)/4, q = (reform 1, growth 2, market 1)/4; law and market
    # are in one year only and each adds share / 2 = 1/8 bit
    row = ws.set_index("term")
    assert row.loc["law", "contribution"] == pytest.approx(0.125)
    assert row.loc["market", "contribution"] == pytest.approx(0.125)
    m = (0.5 + 0.25) / 2
    assert row.loc["reform", "contribution"] == pytest.approx(
        0.5 * 0.5 * np.log2(0.5 / m) + 0.5 * 0.25 * np.log2(0.25 / m))
    assert row.loc["reform", "direction"] == "falling" and row.loc["market", "direction"] == "rising"
    assert ws["cumulative_share"].iloc[-1] == pytest.approx(1.0)
    assert list(ws.columns) == ["from", "to", "term", "count_from", "count_to", "share_from", "share_to",
                                "contribution", "share_of_jsd", "cumulative_share", "direction"]
    stacked = word_shifts(c, shift, n=2)
    assert len(stacked) == 2 and stacked["from"].tolist() == [2021, 2021]
    with pytest.raises(ParameterError, match="2030"):
        word_shift(c, 2021, 2030)


@pytest.mark.parametrize("part, seeds", [("dev", (1, 2)), ("test", (101, 102))])
def test_break_detection_out_of_sample(part, seeds):
    # dev: seeds among those the rule was designed on (0-7); test: seeds never run before the rule was
    # fixed. Each series: five size arrangements, the break in year 3 or 9.
    right = wrong_flags = missed = 0
    for seed in seeds:
        for brk in (3, 9):
            for sizes in ARRANGEMENTS.values():
                out = vocabulary_shift(sampled_series(sizes, brk=brk, seed=seed), n_boot=20, n_perm=100)
                flagged = set(out.loc[out["flag"], "to"])
                right += flagged == {2000 + brk}
                wrong_flags += len(flagged - {2000 + brk})
                missed += (2000 + brk) not in flagged
    n = len(seeds) * 2 * len(ARRANGEMENTS)
    record_metric(f"vocabulary shift, synthetic breaks ({part})", series=n, only_break_flagged=right,
                  false_flags=wrong_flags, missed_breaks=missed)
    assert right == n
