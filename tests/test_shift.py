"""Vocabulary shift: JSD against scipy, the resampling baseline, emerging terms, trajectories."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.spatial.distance import jensenshannon

from discourse.corpus.model import from_tables
from discourse.errors import ParameterError
from discourse.measures.emerging import emerging_formulations
from discourse.measures.shift import rising_falling, term_trajectories, vocabulary_shift

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
