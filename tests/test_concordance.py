"""KWIC: phrases, case, window, quotes, hyphens, lemmas, the by column and empty results."""
from __future__ import annotations

import pandas as pd
import pytest

from discourse.corpus.model import from_tables
from discourse.errors import ParameterError
from discourse.measures.concordance import kwic


@pytest.fixture
def corpus():
    sents = [("d1", 0, "Shi", 'We must deepen Reform and expand " opening up " .'),
             ("d1", 1, "meeting", "The rule of law , reform and opening up matter"),
             ("d2", 0, "Wang", "Pursue high - quality development and reform"),
             ("d2", 1, "Wang", "high-quality development , reform opening up")]
    t = []
    for doc_id, sent_id, _, text in sents:
        for j, w in enumerate(text.split()):
            word = any(ch.isalpha() for ch in w)
            lemma = {"opening": "open", "matter": "matter"}.get(w.lower(), w.lower())
            t.append({"doc_id": doc_id, "sent_id": sent_id, "tok_id": j, "token": w, "norm": w.lower(),
                      "lemma": lemma, "is_word": word, "is_punct": not word})
    s = pd.DataFrame([{"doc_id": d, "sent_id": i, "speaker": sp, "text": x} for d, i, sp, x in sents])
    docs = pd.DataFrame({"doc_id": ["d1", "d2"], "year": [2023, 2024], "source": ["gov", "xinhua"]})
    return from_tables(docs, s, pd.DataFrame(t))


def test_phrase_through_quotes_and_window(corpus):
    out = kwic(corpus, "opening up", window=3)
    assert list(out.columns) == ["doc_id", "sent_id", "speaker", "year", "left", "match", "right"]
    assert out["match"].tolist() == ['opening up', "opening up", "opening up"]
    first = out.iloc[0]
    assert (first["doc_id"], first["sent_id"], first["speaker"], first["year"]) == ("d1", 0, "Shi", 2023)
    assert first["left"] == 'and expand "'                       # three tokens, quote included
    assert first["right"] == '". The'                            # runs into the next sentence
    last = out.iloc[2]
    assert last["right"] == ""                                   # end of the document
    assert last["left"] == "development, reform"


def test_case_and_by(corpus):
    assert len(kwic(corpus, "reform")) == 4
    assert len(kwic(corpus, "REFORM")) == 4
    exact = kwic(corpus, "Reform", case_sensitive=True, by="source")
    assert exact["doc_id"].tolist() == ["d1"] and exact["source"].tolist() == ["gov"]
    assert kwic(corpus, "reform", case_sensitive=True)["match"].tolist() == ["reform"] * 3


def test_hyphenated_phrase_matches_either_tokenization(corpus):
    out = kwic(corpus, "high-quality development", window=2)
    assert out["match"].tolist() == ["high - quality development", "high-quality development"]
    assert out["left"].tolist() == ["Pursue", "and reform"]      # previous sentence, same document
    assert len(kwic(corpus, "high quality development")) == 2
    assert len(kwic(corpus, "quality development")) == 1         # not inside the token "high-quality"


def test_punctuation_breaks_phrase_and_empty_result(corpus):
    assert kwic(corpus, "law reform").empty
    empty = kwic(corpus, "dual circulation", by="source")
    assert empty.empty and list(empty.columns)[-1] == "source"


def test_lemma_unit(corpus):
    out = kwic(corpus, "open up", unit="lemma", window=0)
    assert len(out) == 3 and set(out["left"]) == {""} and set(out["right"]) == {""}


def test_errors(corpus):
    with pytest.raises(ParameterError, match="query"):
        kwic(corpus, "  ")
    with pytest.raises(ParameterError, match="window"):
        kwic(corpus, "reform", window=-1)
    with pytest.raises(ParameterError, match="unit"):
        kwic(corpus, "reform", unit="norm")
    with pytest.raises(ParameterError, match="by"):
        kwic(corpus, "reform", by="colour")
