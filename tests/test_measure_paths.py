"""The measures on the code paths of unusual tables: rows out of order, groups without words, a single
document, Chinese tokens, words with spaces; and the integer shortcuts against their string forms."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from discourse.corpus.model import from_tables
from discourse.measures import emerging
from discourse.measures.density import directive_density
from discourse.measures.distinctive import COLUMNS, distinctive_terms
from discourse.measures.emerging import emerging_formulations
from discourse.measures.profile import lexical_profile
from discourse.measures.terms import term_counts

STOP = {"the", "of", "and"}


def build(docs, *, directives=None):
    """Corpus from (doc_id, year, [(speaker, [words])]); a word without letters is punctuation."""
    d, s, t = [], [], []
    for doc_id, year, sents in docs:
        d.append({"doc_id": doc_id, "year": year, "source": f"src-{year}"})
        for i, (speaker, words) in enumerate(sents):
            s.append({"doc_id": doc_id, "sent_id": i, "text": " ".join(words), "speaker": speaker})
            for j, w in enumerate(words):
                word = any(ch.isalpha() for ch in w)
                t.append({"doc_id": doc_id, "sent_id": i, "tok_id": j, "token": w, "norm": w.lower(),
                          "lemma": w.lower(), "is_word": word, "is_punct": not word,
                          "is_stop": w.lower() in STOP})
    return from_tables(pd.DataFrame(d), pd.DataFrame(s), pd.DataFrame(t), directives)


@pytest.fixture
def corpus():
    return build([
        ("d1", 2020, [("A", ["Reform", "and", "growth", "."]), ("B", ["market", "reform", "reform"])]),
        ("d2", 2021, [("A", ["reform", "of", "law", "law"]), ("C", [",", "."])]),
    ], directives=pd.DataFrame([
        {"doc_id": "d1", "sent_id": 0, "lemma": "reform", "verb": "Reform", "category": "imperative",
         "trigger": "", "start": 0, "end": 6, "sentence": "", "lang": "en"},
        {"doc_id": "d2", "sent_id": 0, "lemma": "reform", "verb": "reform", "category": "commitment",
         "trigger": "", "start": 0, "end": 6, "sentence": "", "lang": "en"},
    ]))


def shuffled(c, seed=1):
    """The same corpus with the rows of tokens and sentences in another order."""
    rng = np.random.default_rng(seed)
    tokens = c.tokens.iloc[rng.permutation(len(c.tokens))].reset_index(drop=True)
    sents = c.sentences.iloc[rng.permutation(len(c.sentences))].reset_index(drop=True)
    return type(c)(documents=c.documents, sentences=sents, tokens=tokens, directives=c.directives)


def test_term_counts_written_out(corpus):
    out = term_counts(corpus, "speaker")
    assert out.values.tolist() == [
        ["A", "law", 2, 7], ["A", "reform", 2, 7], ["A", "growth", 1, 7],
        ["B", "reform", 2, 3], ["B", "market", 1, 3],
    ]


@pytest.mark.parametrize("call", [
    lambda c: term_counts(c, "speaker", ngram=2, exclude_stop=False),
    lambda c: distinctive_terms(c, "speaker", "A", min_count=1),
    lambda c: lexical_profile(c, "speaker", window=3),
    lambda c: lexical_profile(c, "source"),
    lambda c: directive_density(c, "speaker", n_boot=50),
    lambda c: directive_density(c, "source", n_boot=50, include_commitments=True),
])
def test_rows_out_of_order_give_the_same_table(corpus, call):
    pd.testing.assert_frame_equal(call(shuffled(corpus)), call(corpus), check_exact=True)


def test_group_without_words(corpus):
    out = distinctive_terms(corpus, "speaker", "C", min_count=1)
    assert list(out.columns) == COLUMNS and len(out) == 0
    prof = lexical_profile(corpus, "speaker").set_index("speaker").loc["C"]
    assert (prof["n_sentences"], prof["n_tokens"], prof["n_types"], prof["n_documents"]) == (1, 0, 0, 1)
    assert math.isnan(prof["ttr"]) and math.isnan(prof["mattr"])
    assert math.isnan(prof["mean_sentence_length"])
    dens = directive_density(corpus, "speaker", n_boot=20).set_index("speaker").loc["C"]
    assert (dens["n_tokens"], dens["n_sentences"], dens["n_directives"]) == (0, 1, 0)
    assert math.isnan(dens["per_1k"]) and math.isnan(dens["ci_low"])


def test_profile_and_density_written_out(corpus):
    prof = lexical_profile(corpus, "speaker", window=2).set_index("speaker")
    # A: reform and growth | reform of law law -> 7 words, types reform/and/growth/of/law
    a = prof.loc["A"]
    assert (a["n_documents"], a["n_sentences"], a["n_tokens"], a["n_types"]) == (2, 2, 7, 5)
    assert a["mean_sentence_length"] == pytest.approx(3.5)
    # windows of two: (reform and)(and growth)(growth reform)(reform of)(of law)(law law)
    assert a["mattr"] == pytest.approx((2 + 2 + 2 + 2 + 2 + 1) / 12)
    assert a["directive_sentence_share"] == pytest.approx(0.5)   # the commitment does not count
    dens = directive_density(corpus, "speaker", n_boot=30).set_index("speaker")
    assert (dens.loc["A", "n_directives"], dens.loc["A", "n_commitment"]) == (1, 1)
    assert dens.loc["A", "per_1k"] == pytest.approx(1000 / 7)
    assert dens.loc["B", "n_directives"] == 0 and dens.loc["B", "ci_high"] == 0.0


def test_single_document():
    c = build([("only", 2024, [("A", ["law", "law", "reform", "!"])])])
    prof = lexical_profile(c, "year")
    assert prof[["n_documents", "n_sentences", "n_tokens", "n_types"]].values.tolist() == [[1, 1, 3, 2]]
    assert prof["ttr"].iloc[0] == pytest.approx(2 / 3)
    assert term_counts(c, "doc_id").values.tolist() == [["only", "law", 2, 3], ["only", "reform", 1, 3]]
    with pytest.raises(ValueError):
        distinctive_terms(c, "year", 2024)       # no reference group


def test_chinese_tokens():
    c = build([("zh", 2024, [("A", ["改革", "开放", "，", "改革"]), ("B", ["开放", "发展"])])])
    out = term_counts(c, "speaker")
    assert out.values.tolist() == [["A", "改革", 2, 3], ["A", "开放", 1, 3],
                                   ["B", "发展", 1, 2], ["B", "开放", 1, 2]]
    pairs = term_counts(c, "speaker", ngram=2)
    assert pairs["term"].tolist() == ["改革 开放", "开放 发展"]   # the comma breaks "开放 改革"


def test_emerging_when_a_word_holds_a_space():
    # "new york" is one token: the removal of subsumed terms then works on the strings, as it always
    # has; split on spaces, "new york city" (n=2) yields the pieces "new" and "york", so neither
    # "new york" nor "city" is recognised as inside it and both stay listed
    c = build([("d1", 2020, [("A", ["alpha", "alpha"])]),
               ("d2", 2021, [("A", ["new york", "city", ".", "new york", "city"])])])
    out = emerging_formulations(c, min_count=2)
    assert out[["term", "n", "status", "count_first"]].values.tolist() == [
        ["new york city", 2, "emerging", 2], ["city", 1, "emerging", 2],
        ["new york", 1, "emerging", 2], ["alpha", 1, "vanishing", 2]]


def random_corpus(seed):
    rng = np.random.default_rng(seed)
    vocab = ["a", "b", "c", "d", "the", "of", "e", "f"]
    docs = []
    for k in range(12):
        sents = [("A" if rng.random() < 0.5 else "B",
                  [vocab[i] for i in rng.integers(0, len(vocab), rng.integers(2, 9))] + ["."])
                 for _ in range(3)]
        docs.append((f"doc{k}", 2015 + k // 2, sents))
    return build(docs)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("kw", [{}, {"min_count": 1}, {"max_n": 3, "by": "speaker"}])
def test_emerging_codes_agree_with_strings(monkeypatch, seed, kw):
    c = random_corpus(seed)
    fast = emerging_formulations(c, **kw)
    monkeypatch.setattr(emerging, "_words_are_tokens", lambda vocab: False)
    by_text = emerging_formulations(c, **kw)
    pd.testing.assert_frame_equal(fast, by_text, check_exact=True)
    assert len(fast)
