"""Lexical profile: sizes, types, MATTR against a brute-force loop, sentence length, directive share."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from discourse.corpus.model import from_tables
from discourse.errors import ParameterError
from discourse.measures.profile import lexical_profile, mattr_by_group


def build(sentences: list[tuple[str, int, str, str]], directives: list[tuple[str, int, str]] = ()):
    """Corpus from (doc_id, sent_id, speaker, text) and directives (doc_id, sent_id, category)."""
    docs = sorted({d for d, *_ in sentences})
    t = []
    for doc_id, sent_id, _, text in sentences:
        for j, w in enumerate(text.split()):
            word = any(ch.isalpha() for ch in w)
            t.append({"doc_id": doc_id, "sent_id": sent_id, "tok_id": j, "token": w, "norm": w.lower(),
                      "is_word": word, "is_punct": not word, "is_stop": w.lower() in {"the", "we"}})
    s = pd.DataFrame([{"doc_id": d, "sent_id": i, "speaker": sp, "text": x} for d, i, sp, x in sentences])
    dirs = pd.DataFrame([{"doc_id": d, "sent_id": i, "lemma": "do", "verb": "do", "category": c}
                         for d, i, c in directives], columns=["doc_id", "sent_id", "lemma", "verb",
                                                             "category"])
    return from_tables(pd.DataFrame({"doc_id": docs, "year": [2024] * len(docs)}), s, pd.DataFrame(t),
                       directives=dirs)


def brute_mattr(seq: list, window: int) -> float:
    w = min(window, len(seq))
    return float(np.mean([len(set(seq[s:s + w])) / w for s in range(len(seq) - w + 1)]))


def test_profile_counts_by_hand():
    c = build([("d1", 0, "Shi", "We must deepen reform ."),
               ("d1", 1, "Shi", "Reform and opening up 2024"),
               ("d1", 2, "narrator", "The meeting was held ."),
               ("d2", 0, "Shi", "Deepen reform !"),
               ("d2", 1, "Shi", "---")],
              directives=[("d1", 0, "obligation"), ("d1", 0, "obligation"), ("d2", 0, "imperative"),
                          ("d1", 2, "commitment")])
    out = lexical_profile(c, by="speaker").set_index("speaker")
    shi = out.loc["Shi"]
    assert shi["n_documents"] == 2 and shi["n_sentences"] == 4
    assert shi["n_tokens"] == 4 + 4 + 2                      # numbers and punctuation are not words
    assert shi["n_types"] == 7                               # we must deepen reform and opening up
    assert shi["ttr"] == pytest.approx(7 / 10)
    assert shi["mattr"] == pytest.approx(7 / 10)             # group shorter than the window
    assert shi["mean_sentence_length"] == pytest.approx(10 / 3)   # "---" has no word
    assert shi["directive_sentence_share"] == pytest.approx(2 / 4)
    nar = out.loc["narrator"]
    assert nar["directive_sentence_share"] == 0.0            # commitments are not directives
    assert nar["n_tokens"] == 4 and nar["n_documents"] == 1
    assert list(lexical_profile(c, by="speaker").columns) == [
        "speaker", "n_documents", "n_sentences", "n_tokens", "n_types", "ttr", "mattr",
        "mean_sentence_length", "directive_sentence_share"]


def test_mattr_matches_brute_force_on_a_corpus():
    rng = np.random.default_rng(7)
    vocab = [f"w{i}" for i in range(40)]
    rows = []
    for d in range(4):
        for s in range(12):
            words = rng.choice(vocab, size=int(rng.integers(3, 15)))
            rows.append((f"d{d}", s, ["A", "B"][(d + s) % 2], " ".join(words)))
    c = build(rows)
    for window in (1, 5, 30, 500):
        out = lexical_profile(c, by="speaker", window=window).set_index("speaker")
        for sp in ("A", "B"):
            seq = [w for d, s, who, text in sorted(rows) if who == sp for w in text.split()]
            assert out.loc[sp, "mattr"] == pytest.approx(brute_mattr(seq, window))


def test_mattr_function_interleaved_groups():
    rng = np.random.default_rng(3)
    g = rng.integers(-1, 3, 3000)
    t = rng.integers(0, 60, 3000)
    got = mattr_by_group(g, t, 4, window=100)
    for k in range(3):
        assert got[k] == pytest.approx(brute_mattr(list(t[g == k]), 100))
    assert np.isnan(got[3])


def test_profile_by_document_column_and_errors():
    c = build([("d1", 0, "A", "one two three"), ("d2", 0, "B", "one one")])
    out = lexical_profile(c, by="doc_id").set_index("doc_id")
    assert out.loc["d2", "n_types"] == 1 and out.loc["d2", "ttr"] == pytest.approx(0.5)
    with pytest.raises(ParameterError, match="by"):
        lexical_profile(c, by="colour")
    with pytest.raises(ParameterError, match="window"):
        lexical_profile(c, by="speaker", window=0)
