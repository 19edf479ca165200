"""Integer codes of the token table: encoding, document runs, sentence keys."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from discourse.measures.codes import coalesce_codes, doc_codes, encode, first_appearance_codes, sentence_rows

ARROW = "str"          # the Arrow-backed string dtype of pandas 3


@pytest.mark.parametrize("dtype", [ARROW, object])
def test_encode_numbers_in_order_of_first_appearance(dtype):
    values = pd.Series(["b", "a", None, "b", "c", "a"], dtype=dtype)
    codes, uniques = encode(values)
    assert codes.tolist() == [0, 1, -1, 0, 2, 1]
    assert uniques.tolist() == ["b", "a", "c"]
    assert uniques.dtype == object


@pytest.mark.parametrize("dtype", [ARROW, object])
def test_doc_codes_from_runs(dtype):
    codes, uniques = doc_codes(pd.Series(["d2", "d2", "d1", "d1", "d1", "d3"], dtype=dtype))
    assert codes.tolist() == [0, 0, 1, 1, 1, 2]
    assert uniques.tolist() == ["d2", "d1", "d3"]


def test_doc_codes_when_a_document_comes_back():
    # d1 is split into two runs: the codes are still those of first appearance
    codes, uniques = doc_codes(pd.Series(["d1", "d2", "d1", "d1"], dtype=ARROW))
    assert codes.tolist() == [0, 1, 0, 0]
    assert uniques.tolist() == ["d1", "d2"]


def test_doc_codes_short_and_empty():
    assert doc_codes(pd.Series(["x"], dtype=ARROW))[0].tolist() == [0]
    codes, uniques = doc_codes(pd.Series([], dtype=ARROW))
    assert len(codes) == 0 and len(uniques) == 0


def test_first_appearance_codes_written_out():
    codes, uniques = first_appearance_codes(np.array([5, 2, 5, 0, 2]), 6)
    assert codes.tolist() == [0, 1, 0, 2, 1]
    assert uniques.tolist() == [5, 2, 0]
    codes, uniques = first_appearance_codes(np.zeros(0, dtype=np.int64), 3)
    assert len(codes) == 0 and len(uniques) == 0


def test_coalesce_codes_takes_the_other_value_where_unusable():
    # lemma codes: "run", "" (unusable), missing; norm codes: "ran", "x", "run"
    codes, names = coalesce_codes(np.array([0, 1, -1]), np.array(["run", ""], dtype=object),
                                  np.array([True, False]), np.array([0, 1, 2]),
                                  np.array(["ran", "x", "run"], dtype=object))
    assert names[codes].tolist() == ["run", "x", "run"]
    assert codes[0] == codes[2]          # the same string gets the same code from either column


def sentences(pairs):
    return pd.DataFrame({"doc_id": pd.Series([d for d, _ in pairs], dtype=ARROW),
                         "sent_id": [s for _, s in pairs]})


def test_sentence_rows_aligned_and_shuffled():
    table = sentences([("a", 0), ("a", 1), ("b", 0)])
    same = sentence_rows(table, pd.Series(["a", "a", "b"]), np.array([0, 1, 0]))
    assert same.tolist() == [0, 1, 2]
    # other order, a key that is not there, a document that is not there
    rows = sentence_rows(table, pd.Series(["b", "a", "a", "c"]), np.array([0, 1, 5, 0]))
    assert rows.tolist() == [2, 1, -1, -1]


def test_sentence_rows_refuses_repeated_keys():
    table = sentences([("a", 0), ("a", 0)])
    assert sentence_rows(table, pd.Series(["a"]), np.array([0])) is None


def test_encode_and_doc_codes_across_arrow_chunks():
    # concatenated string columns keep one Arrow chunk per part
    values = pd.concat([pd.Series(["b", "a", None], dtype=ARROW),
                        pd.Series(["c", "a", "b", "d"], dtype=ARROW)], ignore_index=True)
    codes, uniques = encode(values)
    assert codes.tolist() == [0, 1, -1, 2, 1, 0, 3]
    assert uniques.tolist() == ["b", "a", "c", "d"]
    runs = pd.concat([pd.Series(["x", "x", "y"], dtype=ARROW), pd.Series(["y", "z"], dtype=ARROW)],
                     ignore_index=True)
    codes, uniques = doc_codes(runs)
    assert codes.tolist() == [0, 0, 1, 1, 2] and uniques.tolist() == ["x", "y", "z"]
