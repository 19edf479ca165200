"""One document's rows of every table: directive rows refer to their sentence by id, and long sentences
are cut so that memory grows with the text."""
from __future__ import annotations

import tracemalloc
import warnings

import pytest

from discourse.corpus.schema import DIRECTIVE_COLUMNS, Document
from discourse.errors import CorpusWarning
from discourse.processing.document import default_settings, process_batch
from discourse.processing.load import from_texts
from discourse.text.sentences import MAX_SENTENCE_CHARS


def test_directive_rows_refer_to_their_sentence_by_id() -> None:
    text = "The county must repair the roads. We will inspect every dam."
    batch = process_batch([Document("d", "d.txt", text, "utf-8", {})], default_settings())
    directives, sentences = batch.tables["directives"], batch.tables["sentences"]
    assert list(directives.columns) == DIRECTIVE_COLUMNS and "sentence" not in directives.columns
    assert directives["lemma"].tolist() == ["repair", "inspect"]
    joined = directives.merge(sentences, on=["doc_id", "sent_id"])
    assert [t[s:e] for t, s, e in zip(joined["text"], joined["start"], joined["end"])] == ["repair", "inspect"]


@pytest.mark.slow
def test_a_one_megabyte_sentence_is_cut_and_bounded_in_memory() -> None:
    """1 MB of text without a sentence mark or a comma, full of directives (which once stored the whole
    sentence each: 7.8 GB): cut into pieces of at most MAX_SENTENCE_CHARS, under 200 MB of Python
    allocations at the peak (tracemalloc; 69 MB measured)."""
    unit = "the county must repair the roads and officials should inspect every dam "
    text = unit * (1_000_000 // len(unit) + 1)
    doc = Document("big", "big.txt", text, "utf-8", {})
    tracemalloc.start()
    try:
        batch = process_batch([doc], default_settings())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    sentences = batch.tables["sentences"]
    assert len(text) > 1_000_000 and peak < 200 * 2**20, f"peak {peak / 2**20:.0f} MB"
    assert sentences["text"].str.len().max() <= MAX_SENTENCE_CHARS
    assert len(sentences) >= len(text) // MAX_SENTENCE_CHARS
    assert batch.infos[0]["long_sentences"] == 1
    assert len(batch.tables["directives"]) >= 2 * (len(text) // len(unit)) - len(sentences)


def test_cut_sentences_are_noted_in_the_load_report() -> None:
    long = "word " * (MAX_SENTENCE_CHARS // 5 + 100)
    with pytest.warns(CorpusWarning, match="sentences over 10,000 characters cut"):
        corpus = from_texts({"long": long, "short": "A short text."}, workers=1)
    report = corpus.load_report.set_index("doc_ids")["reason"]
    assert report["long"] == "sentences over 10,000 characters cut at clause marks: long (1)"
    assert report["short"] == ""
    with warnings.catch_warnings(record=True) as caught:  # the load's one warning names no cut
        warnings.simplefilter("always")
        from_texts({"short": "A short text."}, workers=1)
    assert not any("characters cut" in str(w.message) for w in caught)


def test_a_large_text_is_processed_in_parts_with_ids_continued(monkeypatch: pytest.MonkeyPatch) -> None:
    import pandas as pd

    from discourse.processing import document

    paragraphs = [f"Paragraph {i}. The county must repair road {i}. We will inspect dam {i}." for i in range(40)]
    paragraphs[25] = "Editor: Li Wei"
    text = "\n\n".join(paragraphs) + "\n"
    doc = Document("d", "d.txt", text, "utf-8", {})
    whole = process_batch([doc], default_settings())
    monkeypatch.setattr(document, "PART_CHARS", 700)
    assert len(document._part_ends(text, 700)) >= 5
    parts = process_batch([doc, Document("e", "e.txt", "A short one. It must stay.", "utf-8", {})],
                          default_settings())
    assert parts.doc_ids == ["d", "e"] and parts.infos[0] == whole.infos[0]
    for name in ("sentences", "tokens", "directives", "removed", "people"):
        pd.testing.assert_frame_equal(parts.document(0).tables[name], whole.tables[name], obj=name)
    assert parts.tables["sentences"]["sent_id"].tolist()[-2:] == [0, 1]  # the next document counts anew


def test_part_ends_prefer_paragraph_then_line_breaks() -> None:
    from discourse.processing.document import _part_ends

    assert _part_ends("aaaa\n\nbbbb\n\ncc", 7) == [6, 12, 14]
    assert _part_ends("aaaa\nbbbb\ncc", 6) == [5, 10, 12]
    assert _part_ends("abcdefghij", 4) == [4, 8, 10]
