"""Tests for discourse.sentspans: hand-written sentence lists per rule, and agreement with NLTK's
Punkt (with the same abbreviations) on the seed corpus, the test data, the public corpora and on
random strings made of the hard cases."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from discourse.errors import ParameterError
from discourse.text.analyze import ENGLISH_ABBREVIATIONS
from discourse.text.sentences import sentence_spans

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "sichuan"
TEST_DATA = ROOT / "tests" / "data"
PUBLIC = ROOT.parent / "shared" / "corpora"
LINES = re.compile(r"[^\r\n\u2028\u2029\x0b\x0c\x85]+")
_PARAMS = PunktParameters()
_PARAMS.abbrev_types = set(ENGLISH_ABBREVIATIONS)
_PUNKT = PunktSentenceTokenizer(_PARAMS)  # the reference: NLTK's Punkt with the same abbreviations


def _nltk_spans(text: str) -> list[tuple[int, int]]:
    return list(_PUNKT.span_tokenize(text))


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


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_conventions_are_nltks(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in _nltk_spans(text)] == expected


def test_spans_are_offsets_in_the_text() -> None:
    text = "  Mr. Li spoke. \u201cGo!\u201d  Then  "
    assert sentence_spans(text) == [(0, 15), (16, 21), (23, 27)]


@pytest.mark.parametrize("text", [
    "x \u00b2. in",          # a superscript: a letter for re, not for NLTK's regex engine
    "x \u0301. in",          # a combining mark: a letter for NLTK's regex engine, not for re
    "x \U00010d40. in",      # a recent digit
    "x \u0663. in",          # an Arabic-Indic digit
    "x \u00c9. Smith and \u00e9. in",
    "x.\x1cY and x. \x1cY",  # U+001C: whitespace for re, not for NLTK's regex engine
    "a.\u2028b. C\x85d. E",
])
def test_unicode_follows_nltks_engine(text: str) -> None:
    assert sentence_spans(text) == _nltk_spans(text)


def test_line_feed_is_passed_to_nltk() -> None:
    for text in ["It ended.\nThen it began.", "a.\n b. C\n\nD. e", ".\na. \nxThe"]:
        assert sentence_spans(text) == _nltk_spans(text)
    assert sentence_spans(".\na. \nxThe") == [(0, 1), (2, 10)]
    assert sentence_spans("It ended.\nThen it began.") == [(0, 9), (10, 24)]


def test_custom_abbreviations() -> None:
    params = PunktParameters()
    params.abbrev_types = {"approx", "cf"}
    nltk = PunktSentenceTokenizer(params)
    text = "It costs approx. Ten yuan. Mr. Li cf. Smith. Then No. 5"
    ours = sentence_spans(text, abbreviations=frozenset({"approx", "cf"}))
    assert ours == list(nltk.span_tokenize(text))
    assert [text[s:e] for s, e in ours] == ["It costs approx. Ten yuan.", "Mr.", "Li cf. Smith.", "Then No.", "5"]
    text = text.replace("Then ", "Then\n")  # through NLTK itself
    assert sentence_spans(text, abbreviations=frozenset({"approx", "cf"})) == list(nltk.span_tokenize(text))
    assert sentence_spans("Mr. Li", abbreviations=frozenset()) == [(0, 3), (4, 6)]


def test_rejects_bad_arguments() -> None:
    with pytest.raises(ParameterError, match="text"):
        sentence_spans(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ParameterError, match="abbreviations"):
        sentence_spans("Mr. Li", abbreviations={"mr"})  # type: ignore[arg-type]
    with pytest.raises(ParameterError, match="abbreviations"):
        sentence_spans("Mr. Li", abbreviations=frozenset({"mr", 3}))  # type: ignore[arg-type]


# ------------------------------------------------------------------------------ agreement with NLTK

def _lines(folder: Path) -> list[str]:
    lines: list[str] = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in {".txt", ".tsv", ".csv", ".jsonl", ".md"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            lines.extend(m.group() for m in LINES.finditer(text) if not m.group().isspace())
    return lines


@pytest.mark.parametrize("folder", [SEED, TEST_DATA], ids=["sichuan", "tests-data"])
def test_agrees_with_nltk_on_the_seed_corpus(folder: Path) -> None:
    lines = _lines(folder)
    assert len(lines) > 50
    for line in lines:
        assert sentence_spans(line) == _nltk_spans(line), line


@pytest.mark.skipif(not PUBLIC.is_dir(), reason="public corpora not present")
def test_agrees_with_nltk_on_the_public_corpora() -> None:
    lines = _lines(PUBLIC)
    assert len(lines) > 1000
    for line in lines:
        assert sentence_spans(line) == _nltk_spans(line), line


WORDS = ["Mr", "mr", "U.S", "Co", "Ltd", "No", "e.g", "vice-Gov", "J", "j", "A", "\u00e9", "\u00c9", "\u4e2d\u56fd",
         "5", "3,000", "2019-2020", "-5", ".5", "5-", "the", "The", "Li", "_", "\u00b2", "e\u0301", "\u0663", "a-b"]
PREFIXES = ["", "", "", "(", '"', "'", "\u201c", "\u2018", "\u00ab", "[", "{", "*", "-", "--", "`", ".", "...", "?",
            ",", ";", ":", "@"]
SUFFIXES = ["", "", ".", ".", ".", "?", "!", "?!", "..", "...", ". . .", ".)", '."', ".\u201d", ".\u2019", ".\u00bb",
            ".'", ".]", ".}", ".,", ".;", ".:", ".*", ".@", ".(", ".--", ")", '"', ",", ";", ":", "--", ".-", ".x",
            "'s.", ".?", ".!", "!)", "?\u201d"]
SEPARATORS = [" ", " ", " ", " ", "  ", "\t", "\u00a0", "\x1c", "\x1f", "\r", "\x0b", "\x0c", "\u2028", "\x85",
              "\u3000", " -- ", "", " . ", " ' "]


def _random_text(rng: random.Random) -> str:
    text = "".join(rng.choice(PREFIXES) + rng.choice(WORDS) + rng.choice(SUFFIXES) + rng.choice(SEPARATORS)
                   for _ in range(rng.randint(0, 8)))
    return rng.choice(SEPARATORS) + text if rng.random() < 0.2 else text


def test_agrees_with_nltk_on_random_hard_strings() -> None:
    rng = random.Random(20240611)
    breaks = 0
    for _ in range(4000):
        text = _random_text(rng)
        spans = sentence_spans(text)
        assert spans == _nltk_spans(text), repr(text)
        breaks += len(spans) - 1
    assert breaks > 4000  # the strings do exercise the decisions


def test_agrees_with_nltk_on_random_pieces() -> None:
    rng = random.Random(7)
    pieces = WORDS + ["."] * 6 + SUFFIXES + PREFIXES + SEPARATORS
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert sentence_spans(text) == _nltk_spans(text), repr(text)


def test_default_abbreviations_are_the_tokenizers() -> None:
    assert sentence_spans("Mr. Li", abbreviations=ENGLISH_ABBREVIATIONS) == sentence_spans("Mr. Li") == [(0, 6)]
