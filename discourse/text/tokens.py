"""The records of analysed text (:class:`Token`, :class:`Sentence`) and the patterns both languages share."""
from __future__ import annotations

import re
from typing import NamedTuple


class Token(NamedTuple):
    """One token of a sentence; ``start``/``end`` are character offsets in the sentence text."""

    text: str
    start: int
    end: int
    norm: str
    lemma: str
    pos: str
    is_punct: bool
    is_word: bool
    is_stop: bool


class Sentence(NamedTuple):
    """One sentence; ``start``/``end`` are character offsets in the analysed text."""

    start: int
    end: int
    text: str
    tokens: list[Token]


#: A token with no letter or digit (punctuation, symbols) is not a word.
HAS_ALNUM = re.compile(r"\w")
#: Numbers, amounts, percentages and ordinals: tokens, but not words.
NUMBER = re.compile(
    r"^[+\-±]?[$€£¥]?(?:\d[\d,.:/\-]*%?|\d+(?:st|nd|rd|th|s)|[\d０-９]+[.,．]?[\d０-９]*[%％]?)$",
    re.IGNORECASE,
)


def trim_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append ``(start, end)`` to ``spans`` without surrounding whitespace, if anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
