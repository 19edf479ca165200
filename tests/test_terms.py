"""The one matcher of words and phrases: the same query gives the same count in KWIC, trajectories,
term counts and emerging formulations; hyphens, quotes, case and punctuation written out by hand."""
from __future__ import annotations

import pandas as pd
import pytest

from discourse.corpus.model import from_tables
from discourse.errors import ParameterError
from discourse.measures.concordance import kwic
from discourse.measures.emerging import emerging_formulations
from discourse.measures.shift import term_trajectories
from discourse.measures.terms import query_pieces, term_counts

STOP = {"the", "of", "and", "to", "we", "up", "must"}


def corpus_of(texts: dict[int, list[str]]):
    """One document per year; each string a sentence split on spaces; tokens without a letter are
    punctuation."""
    d, s, t = [], [], []
    for year, sents in texts.items():
        d.append({"doc_id": f"d{year}", "year": year})
        for i, text in enumerate(sents):
            s.append({"doc_id": f"d{year}", "sent_id": i, "text": text})
            for j, w in enumerate(text.split()):
                word = any(ch.isalpha() for ch in w)
                t.append({"doc_id": f"d{year}", "sent_id": i, "tok_id": j, "token": w, "norm": w.lower(),
                          "is_word": word, "is_punct": not word, "is_stop": w.lower() in STOP})
    return from_tables(pd.DataFrame(d), pd.DataFrame(s), pd.DataFrame(t))


@pytest.fixture
def spellings():
    # "opening up" written six ways (each counted), and three near misses (none counted)
    return corpus_of({
        2019: ["The economy grows ."],
        2020: ["We must expand opening up .", "Opening-up matters", "reform ."],
        2021: ['Deepen " opening " up and reform', "opening - up , opening", "high-quality growth"],
        2022: ["OPENING UP now", "the opening-up policy", "opening , up", "opening . up",
               "reopening up"],
    })


PER_YEAR = {2020: 2, 2021: 2, 2022: 2}


def test_the_same_query_gives_the_same_count_everywhere(spellings):
    lines = kwic(spellings, "opening up")
    assert len(lines) == sum(PER_YEAR.values())
    assert lines.groupby("year").size().to_dict() == PER_YEAR
    traj = term_trajectories(spellings, "opening up").set_index("year")["count"]
    assert traj.to_dict() == {2019: 0, **PER_YEAR}
    counts = term_counts(spellings, by="year", ngram=2)
    assert counts[counts["term"] == "opening up"].set_index("year")["count"].to_dict() == PER_YEAR
    formulations = emerging_formulations(spellings, min_count=1)
    row = formulations.set_index("term").loc["opening up"]
    assert (row["n"], row["status"], row["first_period"], row["count_first"], row["total_count"]) == \
        (2, "emerging", 2020, 2, 6)
    # the other spellings of the query find the same
    for query in ("opening-up", "Opening Up", '"opening up"', "opening  -  up"):
        assert len(kwic(spellings, query)) == 6
        assert term_trajectories(spellings, query)["count"].sum() == 6


def test_single_words_and_hyphenated_words(spellings):
    for table in (term_counts(spellings, by="year"), term_counts(spellings, by="year", exclude_stop=False)):
        reform = table[table["term"] == "reform"].set_index("year")["count"].to_dict()
        assert reform == {2020: 1, 2021: 1} == kwic(spellings, "reform").groupby("year").size().to_dict()
    # a hyphenated word is one word in a single-word table, as written, and a phrase of its parts
    words = set(term_counts(spellings, by="year")["term"])
    assert {"opening-up", "high-quality"} <= words and "high quality" not in words
    pairs = term_counts(spellings, by="year", ngram=2).set_index("term")["count"]
    assert pairs["high quality"] == 1 and len(kwic(spellings, "high quality")) == 1
    assert "quality growth" not in pairs.index                # a phrase starts where a token starts
    assert term_counts(spellings, by="year", ngram=3).set_index("term").loc["high quality growth", "count"] == 1
    assert kwic(spellings, "quality").empty                  # not inside "high-quality"
    # "opening" as a word: not inside "opening-up" (a match ends where a token ends) nor "reopening"
    assert kwic(spellings, "opening").shape[0] == 7
    # in emerging formulations a hyphenated word is listed as its phrase only
    formulations = emerging_formulations(spellings, min_count=1, drop_subsumed=False)
    assert "high quality" in set(formulations["term"]) and "high-quality" not in set(formulations["term"])


def test_query_pieces():
    assert query_pieces("High-Quality  development") == ["high", "quality", "development"]
    assert query_pieces('"opening" up') == ["opening", "up"]
    assert query_pieces("Reform", case_sensitive=True) == ["Reform"]
    for bad in ("", " - ", '""', None):
        with pytest.raises(ParameterError, match="query"):
            query_pieces(bad)
