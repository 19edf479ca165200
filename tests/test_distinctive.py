"""Distinctive terms (weighted log-odds, G2, Log Ratio) and the shared term counting."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency

from discourse.corpus.model import from_tables
from discourse.errors import ParameterError
from discourse.processing.load import load_corpus
from discourse.measures.distinctive import (
    distinctive_terms,
    distinctive_terms_all,
    name_words,
    pairwise_distinctive,
    without_names,
)
from discourse.measures.terms import term_counts

STOP = {"the", "of", "and", "to", "a", "in", "we", "up", "is"}


def toy(docs: list[tuple[str, int, list[tuple[str, str]]]]):
    """Corpus from (doc_id, year, [(speaker, sentence)]); tokens split on spaces, non-alphabetic = punctuation."""
    d, s, t = [], [], []
    for doc_id, year, sents in docs:
        d.append({"doc_id": doc_id, "year": year, "source": f"src-{doc_id}"})
        for i, (speaker, text) in enumerate(sents):
            s.append({"doc_id": doc_id, "sent_id": i, "text": text, "speaker": speaker})
            for j, w in enumerate(text.split()):
                word = any(ch.isalpha() for ch in w)
                t.append({"doc_id": doc_id, "sent_id": i, "tok_id": j, "token": w, "norm": w.lower(),
                          "lemma": w.lower(), "is_word": word, "is_punct": not word,
                          "is_stop": w.lower() in STOP})
    return from_tables(pd.DataFrame(d), pd.DataFrame(s), pd.DataFrame(t))


@pytest.fixture
def two():
    # A: 6 word tokens (one stop word), B: 5 word tokens; corpus n = 11
    return toy([("d1", 2023, [("A", "reform reform reform growth law the"),
                              ("B", "law law law market reform")])])


def row(table, term):
    return table.set_index("term").loc[term]


def test_log_odds_written_out(two):
    out = distinctive_terms(two, "A", alpha0=10.0, min_count=1, by="speaker")
    # reform: y_A = 3, y_B = 1, y = 4, n = 11, alpha = 10 * 4 / 11
    a = 40 / 11
    delta = math.log((3 + a) / (6 + 10 - 3 - a)) - math.log((1 + a) / (5 + 10 - 1 - a))
    var = 1 / (3 + a) + 1 / (1 + a)
    r = row(out, "reform")
    assert r["log_odds"] == pytest.approx(delta)
    assert r["z"] == pytest.approx(delta / math.sqrt(var))
    assert r["z"] > 0
    # law: y_A = 1, y_B = 3, y = 4
    delta_law = math.log((1 + a) / (16 - 1 - a)) - math.log((3 + a) / (15 - 3 - a))
    assert row(out, "law")["z"] == pytest.approx(delta_law / math.sqrt(1 / (1 + a) + 1 / (3 + a)))
    # growth: y_A = 1, y_B = 0, y = 1, alpha = 10 / 11
    b = 10 / 11
    delta_g = math.log((1 + b) / (16 - 1 - b)) - math.log(b / (15 - b))
    assert row(out, "growth")["log_odds"] == pytest.approx(delta_g)
    assert row(out, "growth")["z"] == pytest.approx(delta_g / math.sqrt(1 / (1 + b) + 1 / b))
    assert list(out["z"]) == sorted(out["z"], reverse=True)
    assert "the" not in set(out["term"])


def test_counts_rates_and_sizes(two):
    out = distinctive_terms(two, "A", min_count=1, by="speaker")
    r = row(out, "reform")
    assert (r["count_target"], r["count_reference"], r["n_tokens_target"], r["n_tokens_reference"]) == (3, 1, 6, 5)
    assert r["rate_target"] == pytest.approx(500.0)
    assert r["rate_reference"] == pytest.approx(200.0)
    assert (r["n_content_tokens_target"], r["n_content_tokens_reference"]) == (5, 5)   # "the" is a stop word
    assert list(out.columns) == ["term", "count_target", "count_reference", "n_tokens_target",
                                 "n_tokens_reference", "n_content_tokens_target",
                                 "n_content_tokens_reference", "rate_target", "rate_reference",
                                 "log_odds", "z", "g2", "p_value", "log_ratio"]


def test_g2_matches_scipy_and_is_signed(two):
    out = distinctive_terms(two, "A", min_count=1, by="speaker")
    for term, (ya, yb), sign in (("reform", (3, 1), 1), ("law", (1, 3), -1), ("growth", (1, 0), 1)):
        stat = chi2_contingency([[ya, yb], [6 - ya, 5 - yb]], correction=False,
                                lambda_="log-likelihood")[0]
        assert row(out, term)["g2"] == pytest.approx(sign * stat)
    from scipy.stats import chi2
    assert row(out, "law")["p_value"] == pytest.approx(chi2.sf(abs(row(out, "law")["g2"]), 1))


def test_log_ratio_half_count_rule(two):
    out = distinctive_terms(two, "A", min_count=1, by="speaker")
    assert row(out, "reform")["log_ratio"] == pytest.approx(math.log2((3 / 6) / (1 / 5)))
    assert row(out, "growth")["log_ratio"] == pytest.approx(math.log2((1 / 6) / (0.5 / 5)))
    assert row(out, "market")["log_ratio"] == pytest.approx(math.log2((0.5 / 6) / (1 / 5)))


def test_min_count_filters_on_target_plus_reference(two):
    out = distinctive_terms(two, "A", min_count=3, by="speaker")
    assert set(out["term"]) == {"reform", "law"}


@pytest.fixture
def three():
    return toy([("d1", 2022, [("A", "reform reform growth"), ("B", "law law market")]),
                ("d2", 2023, [("C", "reform law market market")])])


def test_reference_value_list_and_default(three):
    one = distinctive_terms(three, "A", "B", min_count=1, by="speaker")
    assert set(one["n_tokens_reference"]) == {3}
    listed = distinctive_terms(three, "A", ["B", "C"], min_count=1, by="speaker")
    default = distinctive_terms(three, "A", min_count=1, by="speaker")
    pd.testing.assert_frame_equal(listed, default)
    assert set(default["n_tokens_reference"]) == {7}
    # prior from the whole corpus even when the reference is one group: market alpha = 1000 * 3 / 10
    a = 1000 * 3 / 10
    expected = math.log(a / (3 + 1000 - a)) - math.log((1 + a) / (3 + 1000 - 1 - a))
    assert row(one, "market")["log_odds"] == pytest.approx(expected)


def test_year_given_as_string(three):
    out = distinctive_terms(three, "2023", min_count=1, by="year")
    assert set(out["n_tokens_target"]) == {4}


def test_errors(three):
    with pytest.raises(ParameterError, match=r"'D'.*known: A, B, C"):
        distinctive_terms(three, "D", by="speaker")
    with pytest.raises(ParameterError, match="reference"):
        distinctive_terms(three, "A", ["B", "Z"], by="speaker")
    with pytest.raises(ParameterError, match="overlap"):
        distinctive_terms(three, "A", ["A", "B"], by="speaker")
    with pytest.raises(ParameterError, match="ngram"):
        distinctive_terms(three, "A", ngram=0, by="speaker")
    with pytest.raises(ParameterError, match="alpha0"):
        distinctive_terms(three, "A", alpha0=0, by="speaker")
    with pytest.raises(ParameterError, match="alpha0"):
        distinctive_terms(three, "A", alpha0="many", by="speaker")
    with pytest.raises(ParameterError, match="unit"):
        distinctive_terms(three, "A", unit="stem", by="speaker")
    with pytest.raises(ParameterError, match="by"):
        distinctive_terms(three, "A", by="colour")
    with pytest.raises(TypeError, match="alpha"):
        distinctive_terms_all(three, by="speaker", alpha=3)      # options are named, no **kw


def test_all_and_pairwise(three):
    every = distinctive_terms_all(three, by="speaker", min_count=1)
    assert list(every["speaker"].unique()) == ["A", "B", "C"]
    block = every[every["speaker"] == "B"].drop(columns="speaker").reset_index(drop=True)
    pd.testing.assert_frame_equal(block, distinctive_terms(three, "B", min_count=1, by="speaker"))
    pairs = pairwise_distinctive(three, by="speaker", min_count=1)
    assert len(pairs.groupby(["target", "reference"])) == 6
    ab = pairs[(pairs["target"] == "A") & (pairs["reference"] == "B")]
    ba = pairs[(pairs["target"] == "B") & (pairs["reference"] == "A")]
    merged = ab.merge(ba, on="term")
    np.testing.assert_allclose(merged["z_x"], -merged["z_y"])
    np.testing.assert_allclose(merged["g2_x"], -merged["g2_y"])


def test_term_counts_ngrams_and_stop_words():
    c = toy([("d1", 2024, [("A", "We deepen reform and expand opening up , rule of law ."),
                           ("A", "the rule of law and new quality productive forces"),
                           ("B", "opening")])])
    bi = term_counts(c, by="speaker", ngram=2)
    terms = set(bi["term"])
    assert "opening up" in terms                      # particle at the end is kept
    assert "deepen reform" in terms
    assert "up rule" not in terms                     # punctuation breaks n-grams
    assert "reform and" not in terms and "and expand" not in terms
    assert "forces opening" not in terms              # n-grams stay within a sentence
    tri = term_counts(c, by="speaker", ngram=3)
    assert tri.set_index("term").loc["rule of law", "count"] == 2
    assert "the rule of" not in set(tri["term"])
    four = term_counts(c, by="speaker", ngram=4)
    assert "new quality productive forces" in set(four["term"])
    uni = term_counts(c, by="speaker")
    assert "the" not in set(uni["term"]) and "up" not in set(uni["term"])
    a = uni[uni["speaker"] == "A"]
    assert set(a["n_tokens"]) == {19}                 # word tokens, stop words included
    with_stop = term_counts(c, by="speaker", exclude_stop=False)
    assert with_stop.set_index(["speaker", "term"]).loc[("A", "the"), "count"] == 1
    assert set(term_counts(c, by="speaker", min_count=2)["term"]) == {"rule", "law"}


def test_speakers_own_names_are_not_terms(sichuan_dir):
    corpus = load_corpus(sichuan_dir, cache=False)
    persons = [s for s in corpus.groups("speaker") if s not in ("meeting", "narrator")]
    assert {"Wang Xiaohui", "Shi Xiaolin"} <= set(persons)
    names = name_words(tuple(persons))
    assert {"wang", "xiaohui", "shi", "xiaolin"} <= names and "meeting" not in names
    kept = distinctive_terms_all(corpus, by="speaker", min_count=2, keep_names=True)
    # without the option a speaker's own name tops his own list
    top = kept[kept["speaker"] == "Wang Xiaohui"].head(10)["term"].tolist()
    assert {"wang", "xiaohui"} & set(top)
    out = distinctive_terms_all(corpus, by="speaker", min_count=2)
    assert not out["term"].isin(names).any()
    # only the name words are left out: every other row is the same
    expected = kept[~kept["term"].isin(names)].reset_index(drop=True)
    pd.testing.assert_frame_equal(out, expected)
    pair = distinctive_terms(corpus, "Wang Xiaohui", "Shi Xiaolin", min_count=1)
    assert not pair["term"].isin(names).any()
    # grouped by anything but the speaker, names are terms like any other
    by_year = distinctive_terms(corpus, 2024, by="year", min_count=1)
    assert by_year["term"].isin(names).any()


def test_name_words_written_out():
    assert name_words(("Wang Xiaohui", "meeting", "narrator", "习近平", "Jean-Claude Juncker")) == {
        "wang", "xiaohui", "wang xiaohui", "习近平", "jean", "claude", "juncker", "jean-claude juncker"}
    terms = pd.Series(["wang", "wang xiaohui", "trade", "xiaohui 's", "jean-claude"]).to_numpy(dtype=object)
    assert without_names(terms, frozenset({"wang", "xiaohui", "jean", "claude"})).tolist() == [
        False, False, True, False, False]
