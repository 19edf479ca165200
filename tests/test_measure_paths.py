"""The measures on unusual tables: rows out of order, groups without words, a single document, Chinese
tokens, words with spaces, repeated keys; and term counting and emerging formulations against a
brute-force count in plain Python."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from discourse.corpus.model import from_tables
from discourse.errors import CorpusError
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
    out = term_counts(corpus, by="speaker")
    assert out.values.tolist() == [
        ["A", "law", 2, 7, 5], ["A", "reform", 2, 7, 5], ["A", "growth", 1, 7, 5],
        ["B", "reform", 2, 3, 3], ["B", "market", 1, 3, 3],
    ]


@pytest.mark.parametrize("call", [
    lambda c: term_counts(c, by="speaker", ngram=2, exclude_stop=False),
    lambda c: distinctive_terms(c, "A", min_count=1, by="speaker"),
    lambda c: lexical_profile(c, by="speaker", window=3),
    lambda c: lexical_profile(c, by="source"),
    lambda c: directive_density(c, by="speaker", n_boot=50),
    lambda c: directive_density(c, by="source", n_boot=50, include_commitments=True),
])
def test_rows_out_of_order_give_the_same_table(corpus, call):
    pd.testing.assert_frame_equal(call(shuffled(corpus)), call(corpus), check_exact=True)


def test_group_without_words(corpus):
    out = distinctive_terms(corpus, "C", min_count=1, by="speaker")
    assert list(out.columns) == COLUMNS and len(out) == 0
    prof = lexical_profile(corpus, by="speaker").set_index("speaker").loc["C"]
    assert (prof["n_sentences"], prof["n_tokens"], prof["n_types"], prof["n_documents"]) == (1, 0, 0, 1)
    assert math.isnan(prof["ttr"]) and math.isnan(prof["mattr"])
    assert math.isnan(prof["mean_sentence_length"])
    dens = directive_density(corpus, by="speaker", n_boot=20).set_index("speaker").loc["C"]
    assert (dens["n_tokens"], dens["n_sentences"], dens["n_directives"]) == (0, 1, 0)
    assert math.isnan(dens["per_1k"]) and math.isnan(dens["ci_low"])


def test_profile_and_density_written_out(corpus):
    prof = lexical_profile(corpus, by="speaker", window=2).set_index("speaker")
    # A: reform and growth | reform of law law -> 7 words, types reform/and/growth/of/law
    a = prof.loc["A"]
    assert (a["n_documents"], a["n_sentences"], a["n_tokens"], a["n_types"]) == (2, 2, 7, 5)
    assert a["mean_sentence_length"] == pytest.approx(3.5)
    # windows of two: (reform and)(and growth)(growth reform)(reform of)(of law)(law law)
    assert a["mattr"] == pytest.approx((2 + 2 + 2 + 2 + 2 + 1) / 12)
    assert a["directive_sentence_share"] == pytest.approx(0.5)   # the commitment does not count
    dens = directive_density(corpus, by="speaker", n_boot=30).set_index("speaker")
    assert (dens.loc["A", "n_directives"], dens.loc["A", "n_commitment"]) == (1, 1)
    assert dens.loc["A", "per_1k"] == pytest.approx(1000 / 7)
    assert dens.loc["B", "n_directives"] == 0 and dens.loc["B", "ci_high"] == 0.0


def test_single_document():
    c = build([("only", 2024, [("A", ["law", "law", "reform", "!"])])])
    prof = lexical_profile(c, by="year")
    assert prof[["n_documents", "n_sentences", "n_tokens", "n_types"]].values.tolist() == [[1, 1, 3, 2]]
    assert prof["ttr"].iloc[0] == pytest.approx(2 / 3)
    assert term_counts(c, by="doc_id").values.tolist() == [["only", "law", 2, 3, 3],
                                                             ["only", "reform", 1, 3, 3]]
    with pytest.raises(ValueError):
        distinctive_terms(c, 2024, by="year")       # no reference group


def test_chinese_tokens():
    c = build([("zh", 2024, [("A", ["改革", "开放", "，", "改革"]), ("B", ["开放", "发展"])])])
    out = term_counts(c, by="speaker")
    assert out.values.tolist() == [["A", "改革", 2, 3, 3], ["A", "开放", 1, 3, 3],
                                   ["B", "发展", 1, 2, 2], ["B", "开放", 1, 2, 2]]
    pairs = term_counts(c, by="speaker", ngram=2)
    assert pairs["term"].tolist() == ["改革 开放", "开放 发展"]   # the comma breaks "开放 改革"


def test_emerging_when_a_word_holds_a_space():
    # "new york" is one token (one word): "new york city" is a two-word term holding it, so with the
    # same count "new york" and "city" are inside it and not listed on their own
    c = build([("d1", 2020, [("A", ["alpha", "alpha"])]),
               ("d2", 2021, [("A", ["new york", "city", ".", "new york", "city"])])])
    out = emerging_formulations(c, min_count=2)
    assert out[["term", "n", "status", "count_first"]].values.tolist() == [
        ["new york city", 2, "emerging", 2], ["alpha", 1, "vanishing", 2]]
    full = emerging_formulations(c, min_count=2, drop_subsumed=False)
    assert set(full["term"]) == {"new york city", "new york", "city", "alpha"}


def test_repeated_keys_are_an_error_not_a_silent_join(corpus):
    sents = pd.concat([corpus.sentences, corpus.sentences.iloc[:1]], ignore_index=True)
    broken = type(corpus)(documents=corpus.documents, sentences=sents, tokens=corpus.tokens,
                          directives=corpus.directives)
    with pytest.raises(CorpusError, match=r"\('d1', 0\) appears more than once"):
        term_counts(broken, by="speaker")
    docs = pd.concat([corpus.documents, corpus.documents.iloc[:1]], ignore_index=True)
    broken = type(corpus)(documents=docs, sentences=corpus.sentences, tokens=corpus.tokens)
    with pytest.raises(CorpusError, match="doc_id 'd1' appears more than once"):
        lexical_profile(broken, by="year")
    orphan = corpus.tokens.assign(doc_id=corpus.tokens["doc_id"].replace({"d2": "d9"}))
    broken = type(corpus)(documents=corpus.documents, sentences=corpus.sentences, tokens=orphan)
    with pytest.raises(CorpusError, match="tokens: doc_id 'd9' is not in the documents table"):
        directive_density(broken, by="speaker", n_boot=10)


def random_corpus(seed):
    rng = np.random.default_rng(seed)
    vocab = ["a", "b", "c", "d", "the", "of", "e", "f", ","]
    docs = []
    for k in range(12):
        sents = [("A" if rng.random() < 0.5 else "B",
                  [vocab[i] for i in rng.integers(0, len(vocab), rng.integers(2, 9))] + ["."])
                 for _ in range(3)]
        docs.append((f"doc{k}", 2015 + k // 2, sents))
    return build(docs)


def brute_counts(c, by, n):
    """{(group, term): count} of terms of n words, stop words dropped at the edges, by plain loops."""
    group_of = {}
    for row in c.sentences.itertuples():
        group_of[(row.doc_id, row.sent_id)] = getattr(row, by)
    counts = {}
    for (doc_id, sent_id), rows in c.tokens.groupby(["doc_id", "sent_id"], sort=False):
        run = []
        runs = [run]
        for w, word in zip(rows["norm"], rows["is_word"]):
            if word:
                run.append(w)
            else:
                run = []
                runs.append(run)
        for words in runs:
            for i in range(len(words) - n + 1):
                gram = words[i:i + n]
                if gram[0] in STOP or gram[-1] in STOP:
                    continue
                key = (group_of[(doc_id, sent_id)], " ".join(gram))
                counts[key] = counts.get(key, 0) + 1
    return counts


def brute_emerging(c, by, max_n, min_count):
    """The (term, n, status, period, count) rows of emerging_formulations, without subsumption."""
    periods = c.groups(by)
    rows = set()
    for n in range(1, max_n + 1):
        counts = brute_counts(c, by, n)
        for term in {t for _, t in counts}:
            seen = [p for p in periods if counts.get((p, term))]
            first, last = seen[0], seen[-1]
            if first != periods[0] and counts[(first, term)] >= min_count:
                rows.add((term, n, "emerging", first, counts[(first, term)]))
            if last != periods[-1] and counts[(last, term)] >= min_count:
                rows.add((term, n, "vanishing", last, counts[(last, term)]))
    return rows


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("n", [1, 2, 3])
def test_term_counts_agree_with_brute_force(seed, n):
    c = random_corpus(seed)
    out = term_counts(c, by="year", ngram=n)
    assert {(g, t): k for g, t, k in out[["year", "term", "count"]].values.tolist()} == \
        brute_counts(c, "year", n)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("kw", [{}, {"min_count": 1}, {"max_n": 3, "by": "speaker"}])
def test_emerging_agrees_with_brute_force(seed, kw):
    c = random_corpus(seed)
    by, max_n, min_count = kw.get("by", "year"), kw.get("max_n", 4), kw.get("min_count", 2)
    out = emerging_formulations(c, drop_subsumed=False, **kw)
    got = {(t, n, s, f if s == "emerging" else la, cf if s == "emerging" else cl)
           for t, n, s, f, cf, la, cl in out[["term", "n", "status", "first_period", "count_first",
                                              "last_period", "count_last"]].values.tolist()}
    assert got == brute_emerging(c, by, max_n, min_count)
    assert len(out)
    # the order: emerging before vanishing, by period, longer terms first, then count, then term
    key = out.assign(p=np.where(out["status"] == "emerging", out["first_period"], out["last_period"]),
                     k=np.where(out["status"] == "emerging", out["count_first"], out["count_last"]))
    expected = key.sort_values(["status", "p", "n", "k", "term"],
                               ascending=[True, True, False, False, True], kind="mergesort")
    assert out["term"].tolist() == expected["term"].tolist()
    # subsumed terms are those with the count of a longer listed term of the same period and status
    kept = emerging_formulations(c, **kw)
    assert set(kept["term"]) <= set(out["term"])
