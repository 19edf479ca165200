"""The Corpus object: grouping, subsetting, hashing, summary (built from hand-written tables)."""
from __future__ import annotations

import pandas as pd
import pytest

from discourse.corpus.model import from_tables
from discourse.errors import ParameterError


@pytest.fixture()
def tiny():
    documents = pd.DataFrame({"doc_id": ["a", "b"], "year": [2023, 2024], "source": ["x", "y"],
                              "title": ["A", "B"]})
    sentences = pd.DataFrame({
        "doc_id": ["a", "a", "b"],
        "sent_id": [0, 1, 0],
        "text": ["We must act.", "It rained.", "Expand trade."],
        "speaker": ["Shi Xiaolin", "narrator", "meeting"],
        "lang": ["en", "en", "en"],
    })
    tokens = pd.DataFrame({
        "doc_id": ["a"] * 4 + ["a"] * 3 + ["b"] * 3,
        "sent_id": [0] * 4 + [1] * 3 + [0] * 3,
        "token": ["We", "must", "act", ".", "It", "rained", ".", "Expand", "trade", "."],
    })
    tokens["norm"] = tokens["token"].str.lower()
    tokens["is_punct"] = tokens["token"] == "."
    tokens["is_word"] = ~tokens["is_punct"]
    return from_tables(documents, sentences, tokens)


def test_counts_filled_from_tables(tiny):
    docs = tiny.documents.set_index("doc_id")
    assert docs.loc["a", "n_tokens"] == 5  # punctuation is not a word token
    assert docs.loc["b", "n_tokens"] == 2
    assert docs.loc["a", "n_sentences"] == 2
    assert list(tiny.sentences["year"]) == [2023, 2023, 2024]


def test_annotate_sentence_and_document_columns(tiny):
    out = tiny.annotate(tiny.tokens, ["speaker", "source"])
    first = out[out["token"] == "must"].iloc[0]
    assert first["speaker"] == "Shi Xiaolin"
    assert first["source"] == "x"
    assert out[out["token"] == "trade"].iloc[0]["speaker"] == "meeting"
    assert len(out) == len(tiny.tokens)


def test_unknown_group_names_it_and_lists_columns(tiny):
    with pytest.raises(ParameterError, match=r"by='nope'.*available: .*speaker"):
        tiny.annotate(tiny.tokens, "nope")


def test_groups_sorted_distinct(tiny):
    assert tiny.groups("speaker") == ["Shi Xiaolin", "meeting", "narrator"]
    assert tiny.groups("year") == [2023, 2024]


def test_subset_filters_every_table(tiny):
    sub = tiny.subset(speaker="meeting")
    assert list(sub.documents["doc_id"]) == ["b"]
    assert list(sub.tokens["token"]) == ["Expand", "trade", "."]
    both = tiny.subset(year=[2023])
    assert set(both.sentences["text"]) == {"We must act.", "It rained."}


def test_content_hash_changes_with_text(tiny):
    h1 = tiny.content_hash()
    assert h1 == tiny.content_hash()
    changed = tiny.sentences.copy()
    changed.loc[0, "text"] = "We should act."
    other = from_tables(tiny.documents, changed, tiny.tokens)
    assert other.content_hash() != h1


def test_summary_mentions_documents_and_voices(tiny):
    text = tiny.summary()
    assert "2 documents" in text and "7 word tokens" in text
    assert "Shi Xiaolin 1" in text


def test_every_public_name_resolves():
    import discourse

    missing = [name for name in discourse.__all__ if getattr(discourse, name, None) is None]
    assert missing == []
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        discourse.nope  # noqa: B018
