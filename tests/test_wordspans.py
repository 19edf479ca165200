"""Tests for discourse.wordspans: hand-written token lists per convention, and agreement with
NLTKWordTokenizer on the seed corpus and on random strings made of the hard cases."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from nltk.tokenize import NLTKWordTokenizer

from discourse.errors import ParameterError
from discourse.text.analyze import split_sentences
from discourse.text.words import word_spans, word_tokens

SEED = Path(__file__).resolve().parent.parent / "data" / "sichuan"
NLTK = NLTKWordTokenizer()

KNOWN_DIFFERENCES: dict[str, list[str]] = {}
"""Texts on which :func:`word_tokens` is allowed to differ from NLTK, with our tokens (none known)."""


def _nltk_spans(text: str) -> list[tuple[int, int]]:
    return list(NLTK.span_tokenize(text))


def _ascii_apostrophes(text: str) -> str:
    """The pipeline's input: a typographic apostrophe after a word character read as "'"."""
    return re.sub(r"(?<=\w)[’‘ʼ]", "'", text)


# ---------------------------------------------------------------------------- conventions, by hand

CASES = [
    # the final period is split off; periods inside the text stay with their word
    ("It grew in New York. Then it fell.", ["It", "grew", "in", "New", "York.", "Then", "it", "fell", "."]),
    ("He left (at noon).", ["He", "left", "(", "at", "noon", ")", "."]),
    ('He said "go."', ["He", "said", '"', "go", ".", '"']),
    ("It is over. ", ["It", "is", "over", "."]),
    # clitics
    ("It isn't China's, we'll see; they're here", ["It", "is", "n't", "China", "'s", ",", "we", "'ll", "see", ";",
                                                  "they", "'re", "here"]),
    ("I'm sure you'd agree we've won", ["I", "'m", "sure", "you", "'d", "agree", "we", "'ve", "won"]),
    ("DON'T stop; can't stop", ["DO", "N'T", "stop", ";", "ca", "n't", "stop"]),
    ("It isn't.", ["It", "is", "n't", "."]),
    ("China's. Next", ["China's.", "Next"]),
    ("the students' books", ["the", "students", "'", "books"]),
    ("rock'n'roll and O'Brien", ["rock'n'roll", "and", "O'Brien"]),
    ("the '90s", ["the", "'", "90s"]),
    # contractions
    ("We cannot wait", ["We", "can", "not", "wait"]),
    ("Cannot. We", ["Can", "not", ".", "We"]),
    ("gonna and wanna go", ["gon", "na", "and", "wan", "na", "go"]),
    # quotes
    ('"Go," he said', ['"', "Go", ",", '"', "he", "said"]),
    ("``Go'' he said", ["``", "Go", "''", "he", "said"]),
    ("“Go” he said ‘now’", ["“", "Go", "”", "he", "said", "‘", "now", "’"]),
    # ellipses and dashes
    ("wait... and see..", ["wait", "...", "and", "see", ".."]),
    ("growth--fast growth---fast", ["growth", "--", "fast", "growth", "--", "-fast"]),
    ("growth—fast – slow", ["growth", "—", "fast", "–", "slow"]),
    # brackets and symbols
    ("[a] {b} <c> (d)", ["[", "a", "]", "{", "b", "}", "<", "c", ">", "(", "d", ")"]),
    ("$3.88 or 5% & more? Yes! *", ["$", "3.88", "or", "5", "%", "&", "more", "?", "Yes", "!", "*"]),
    # commas and colons: tokens, except before a digit
    ("3,000 people at 10:30, Luke 4:18: done", ["3,000", "people", "at", "10:30", ",", "Luke", "4:18", ":",
                                                "done"]),
    ("a,b and 1,b and a,1", ["a", ",", "b", "and", "1", ",", "b", "and", "a,1"]),
    ("a,,b", ["a", ",", ",b"]),
    # initialisms and abbreviations stay whole inside the text, not at its end
    ("The U.S. and China, e.g. trade", ["The", "U.S.", "and", "China", ",", "e.g.", "trade"]),
    ("Made in the U.S.", ["Made", "in", "the", "U.S", "."]),
    # hyphenated words
    ("opening-up and high-quality growth, -5", ["opening-up", "and", "high-quality", "growth", ",", "-5"]),
    # URLs and e-mail addresses
    ("See http://www.gov.cn/a-b/c.html now", ["See", "http", ":", "//www.gov.cn/a-b/c.html", "now"]),
    ("Write to info@sc.gov.cn.", ["Write", "to", "info", "@", "sc.gov.cn", "."]),
    ("#1 and a/b", ["#", "1", "and", "a/b"]),
    # whitespace of every kind separates; an empty text has no token
    ("a\tb\u00a0c\u3000d", ["a", "b", "c", "d"]),
    ("", []),
    ("   ", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_conventions(text: str, expected: list[str]) -> None:
    assert word_tokens(text) == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_conventions_are_nltks(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in _nltk_spans(text)] == expected


def test_spans_are_offsets_in_the_text() -> None:
    text = "  It isn't over,  said he. "
    spans = word_spans(text)
    assert spans == [(2, 4), (5, 7), (7, 10), (11, 15), (15, 16), (18, 22), (23, 25), (25, 26)]
    assert all(not text[s:e].isspace() and s < e for s, e in spans)


def test_unicode_word_characters_follow_nltks_engine() -> None:
    # re and the regex engine NLTK uses disagree on "²" and on combining marks
    assert word_tokens("'Re²") == ["'Re²"]
    assert word_tokens("23e\u0301's") == ["23e\u0301", "'s"]
    assert word_tokens("23e\u0301'sS") == ["23e\u0301'sS"]


def test_rejects_non_string() -> None:
    with pytest.raises(ParameterError, match="text"):
        word_spans(b"bytes")  # type: ignore[arg-type]


# ------------------------------------------------------------------------------ agreement with NLTK

def _seed_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(SEED.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                line = _ascii_apostrophes(line)
                texts.append(line)
                texts.extend(line[s:e] for s, e in split_sentences(line))
    return texts


def test_agrees_with_nltk_on_the_seed_corpus() -> None:
    texts = _seed_texts()
    assert len(texts) > 100
    for text in texts:
        if text in KNOWN_DIFFERENCES:
            assert word_tokens(text) == KNOWN_DIFFERENCES[text]
        else:
            assert word_spans(text) == _nltk_spans(text), text


PIECES = ["a", "S", "n", "t", "the", "do", "'", "''", '"', "'s", "'S", "n't", "N'T", "'ll", "'re", "'m", "'d",
          "'ve", "'Re", "'n", "'t", ".", "..", ",", ":", "1", "23", "-", "--", " ", " ", "\t", "(", ")", "[",
          "`", "’", "“", "»", "!", "?", "$", "%", ";", "—", "/", "*", "<", "cannot", "Cannot", "wanna", "gonna",
          "more'n", "d'ye", "U.S.", "3,000", "é", "中", "e\u0301", "²", "\u00a0", "\x1c"]


def test_agrees_with_nltk_on_random_hard_strings() -> None:
    rng = random.Random(20240611)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 12)))
        assert word_spans(text) == _nltk_spans(text), repr(text)
