"""Tests for discourse.corpus.outliers: stubs, lengths, near duplicates, heavy cleaning, gaps, scripts."""
from __future__ import annotations

import pandas as pd
import pytest

from discourse.corpus.outliers import find_outliers
from discourse.errors import ParameterError


def _documents(rows):
    return pd.DataFrame(rows, columns=["doc_id", "year", "n_tokens", "script", "removed_share",
                                       "n_removed_tokens", "near_duplicate_of", "similarity", "source"])


def test_every_kind_with_its_figures():
    docs = _documents([
        ("a", 1950, 1000, "simplified", 0.0, 0, "", float("nan"), "x"),
        ("b", 1955, 1200, "simplified", 0.0, 0, "", float("nan"), "x"),
        ("c", 1960, 22, "traditional", 0.0, 0, "", float("nan"), "x"),
        ("d", 1980, 4000, "simplified", 0.9, 36000, "", float("nan"), "y"),
        ("e", 1985, 300, "simplified", 0.0, 0, "b", 0.93, "y"),
    ])
    out = find_outliers(docs)
    # median of the five: 1000; d is 4.0x, e 0.30x, c a stub; years step 5, 5, 20, 5: the 20 is a gap
    got = [(r.kind, r.doc_id, r.value) for r in out.itertuples()]
    assert got == [("stub", "c", 22), ("long", "d", 4.0), ("short", "e", 0.3),
                   ("near duplicate", "e", 0.93), ("heavily cleaned", "d", 0.9),
                   ("year gap", "d", 20),
                   ("script change", "c", 1), ("script change", "d", 1)]
    assert out.loc[0, "detail"] == "22 word tokens (under 100)"
    assert out.loc[1, "detail"] == "4000 word tokens, 4.0x the median of the corpus (1000)"
    assert out.loc[5, "detail"] == "no document between 1960 and 1980 (20 years; the usual step is 5)"


def test_groups_have_their_own_median_and_bad_columns_are_named():
    docs = _documents([(f"d{i}", 2000 + i, n, "", 0.0, 0, "", float("nan"), s) for i, (n, s) in
                       enumerate([(100, "a"), (110, "a"), (120, "a"), (1000, "b"), (1100, "b"), (1200, "b")])])
    # median of the corpus 560: the three of source a are under a third of it (186.7)
    assert find_outliers(docs)[["kind", "doc_id"]].values.tolist() == [["short", "d0"], ["short", "d1"],
                                                                       ["short", "d2"]]
    assert find_outliers(docs, by="source").empty  # medians 110 and 1100: none is 3x off its own
    with pytest.raises(ParameterError, match="by='speaker' is not a column"):
        find_outliers(docs, by="speaker")


def test_a_year_with_two_scripts():
    docs = _documents([("a", 1921, 500, "simplified", 0, 0, "", float("nan"), ""),
                       ("b", 1921, 500, "traditional", 0, 0, "", float("nan"), "")])
    out = find_outliers(docs)
    assert out["detail"].tolist() == ["documents of 1921 are in simplified and traditional script"]
