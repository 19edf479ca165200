"""Tests for discourse.text.sentences: NLTK's Punkt with the project's abbreviations, checked against
sentence lists written by hand for each of its conventions."""
from __future__ import annotations

import pytest

from discourse.errors import ParameterError
from discourse.text.analyze import ENGLISH_ABBREVIATIONS
from discourse.text.sentences import bound_spans, sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


# ---------------------------------------------------------------------------- conventions, by hand

CASES = [
    # plain breaks; "?" and "!" always end a sentence
    ("It grew. Then it fell.", ["It grew.", "Then it fell."]),
    ("Why? Because! it is", ["Why?", "Because!", "it is"]),
    ("Really?! Yes", ["Really?!", "Yes"]),
    ("x ?! Y", ["x ?", "!", "Y"]),
    # abbreviations: never a break, whatever follows
    ("Mr. Li met Mrs. Wang.", ["Mr. Li met Mrs. Wang."]),
    ("The U.S. Trade Representative", ["The U.S. Trade Representative"]),
    ("Sichuan Injet Electric Co., Ltd. in Deyang", ["Sichuan Injet Electric Co., Ltd. in Deyang"]),
    ("He met vice-Gov. Li", ["He met vice-Gov. Li"]),
    ("e.g. Chengdu, i.e. Sichuan", ["e.g. Chengdu, i.e. Sichuan"]),
    # ... unless a later token of the context is a break (as in NLTK)
    ("Mr. Li?! Yes", ["Mr.", "Li?!", "Yes"]),
    ("Mr. Smith.) Then", ["Mr.", "Smith.)", "Then"]),
    # initials: no break before a lower- or upper-case word, a break before anything else
    ("J. Smith arrived", ["J. Smith arrived"]),
    ("plan b. and more", ["plan b. and more"]),
    ("Annex A. 5 items", ["Annex A.", "5 items"]),
    ('grade A. "Yes"', ["grade A.", '"Yes"']),
    ("grade A. ; next", ["grade A. ; next"]),
    ("see A.! x", ["see A.!", "x"]),  # a mark right after the period: "!" counts as punctuation
    ("see A.: x", ["see A.: x"]),
    ("see 5.) x", ["see 5.)", "x"]),
    # numbers: no break before a lower-case word or lone punctuation, a break before a capital
    ("No. 5 in the list", ["No. 5 in the list"]),
    ("Article 3. The rest", ["Article 3.", "The rest"]),
    ("up 3. percent", ["up 3. percent"]),
    ("in 2023. The year", ["in 2023.", "The year"]),
    ("grew 3,000. Then", ["grew 3,000.", "Then"]),
    # ellipsis: never a break
    ("wait... and see... Then", ["wait... and see... Then"]),
    ("wait . . . Then", ["wait .", ".", ".", "Then"]),  # a lone "." is a break
    # no candidate: a period before a letter, a digit, a comma or a period
    ("3.5 per cent of U.S.A.,", ["3.5 per cent of U.S.A.,"]),
    ("no period at all", ["no period at all"]),
    # quotes and brackets after the period: realigned into the sentence
    ('He said." Then he left.', ['He said."', "Then he left."]),
    ("He said.\u201d Then", ["He said.\u201d", "Then"]),
    ("(He left.) Then (she came.)", ["(He left.)", "Then (she came.)"]),
    ("It ended.'' Next", ["It ended.''", "Next"]),
    ("It ended.)-- Next", ["It ended.)", "-- Next"]),
    ("(Mr. Li.) Next", ["(Mr.", "Li.)", "Next"]),
    # the word runs back to an ASCII space only
    ("word.\u00a0Next one", ["word.", "Next one"]),
    ("ok.\u00a0x. Next", ["ok.\u00a0x.", "Next"]),
    # leading and trailing whitespace; empty text
    ("  Hi. There  ", ["  Hi.", "There"]),
    (" .! x", [" .!", "x"]),
    (" .!) x", [" .!)", "x"]),
    ("Stop.  ", ["Stop."]),
    ("", []),
    ("   ", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_conventions(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_spans_are_offsets_in_the_text() -> None:
    text = "  Mr. Li spoke. \u201cGo!\u201d  Then  "
    assert sentence_spans(text) == [(0, 15), (16, 21), (23, 27)]


def test_line_feeds() -> None:
    assert sentence_spans(".\na. \nxThe") == [(0, 1), (2, 10)]
    assert sentence_spans("It ended.\nThen it began.") == [(0, 9), (10, 24)]


def test_custom_abbreviations() -> None:
    text = "It costs approx. Ten yuan. Mr. Li cf. Smith. Then No. 5"
    ours = sentence_spans(text, abbreviations=frozenset({"approx", "cf"}))
    assert [text[s:e] for s, e in ours] == ["It costs approx. Ten yuan.", "Mr.", "Li cf. Smith.", "Then No.", "5"]
    assert sentence_spans("Mr. Li", abbreviations=frozenset()) == [(0, 3), (4, 6)]


def test_rejects_bad_arguments() -> None:
    with pytest.raises(ParameterError, match="text"):
        sentence_spans(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ParameterError, match="abbreviations"):
        sentence_spans("Mr. Li", abbreviations={"mr"})  # type: ignore[arg-type]
    with pytest.raises(ParameterError, match="abbreviations"):
        sentence_spans("Mr. Li", abbreviations=frozenset({"mr", 3}))  # type: ignore[arg-type]


def test_default_abbreviations_are_the_tokenizers() -> None:
    assert sentence_spans("Mr. Li", abbreviations=ENGLISH_ABBREVIATIONS) == sentence_spans("Mr. Li") == [(0, 6)]


# ---------------------------------------------------------------------------- long sentences cut
def _pieces(text: str, limit: int) -> list[str]:
    return [text[s:e] for s, e in bound_spans(text, [(0, len(text))], limit=limit)]


def test_long_sentences_are_cut_at_the_last_clause_mark() -> None:
    assert _pieces("aa, bb; cc: dd, ee", 8) == ["aa, bb;", "cc: dd,", "ee"]
    assert _pieces("一二，三四；五六：七八", 5) == ["一二，", "三四；", "五六：七八"]
    assert _pieces("short, enough", 20) == ["short, enough"]


def test_without_clause_marks_at_whitespace_else_hard_wrapped() -> None:
    assert _pieces("aaa bbb ccc ddd", 8) == ["aaa bbb", "ccc ddd"]
    assert _pieces("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    text = "x" * 25
    assert [len(p) for p in _pieces(text, 10)] == [10, 10, 5]


def test_spans_within_the_limit_are_kept_and_offsets_hold() -> None:
    text = "One. Two, three four five six."
    spans = [(0, 4), (5, 30)]
    assert bound_spans(text, spans, limit=100) == spans
    cut = bound_spans(text, spans, limit=12)
    assert cut[0] == (0, 4) and [text[s:e] for s, e in cut[1:]] == ["Two,", "three four", "five six."]
    assert all(e - s <= 12 for s, e in cut)
