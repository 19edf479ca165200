"""Chinese text: sentences, and words with their part-of-speech flags from jieba.

Sentences end after 。！？；!? (and any closing quotes or brackets that follow) and at line breaks.
Words and tags come from ``jieba.posseg`` (its flags ``v``, ``vn``, ``n``, ... are kept as ``pos``); a few
multi-word policy formulations (:data:`CHINESE_POLICY_TERMS`) are added to jieba's dictionary so that they
come out as one word. Words are found in the simplified form of the text (OpenCC); ``norm`` and
``lemma`` are the word in simplified script (Latin letters lower-cased), ``text`` the word as written.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

from discourse.text.stopwords import CHINESE_STOPWORDS
from discourse.text.tokens import HAS_ALNUM, NUMBER, Token, trim_span

CHINESE_POLICY_TERMS: tuple[str, ...] = (
    "高质量发展", "新质生产力", "一带一路", "双循环", "共同富裕", "对外开放", "改革开放",
    "成渝地区双城经济圈", "乡村振兴", "碳达峰", "碳中和", "营商环境", "民营经济", "数字经济",
)
"""Policy formulations added to jieba's dictionary so that each is segmented as a single word."""

_ZH_SENTENCE = re.compile(
    r"[^\r\n\u2028\u2029。！？；!?]+(?:[。！？；!?]+[”’」』）)\"'】》]*)?|[。！？；!?]+[”’」』）)\"'】》]*"
)
_ZH_DIGIT = re.compile(r"[0-9０-９]")


@lru_cache(maxsize=1)
def _converter():
    """OpenCC's traditional-to-simplified converter (the ``opencc`` wheel ships its tables)."""
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """``text`` with traditional characters written in simplified script (OpenCC ``t2s``).

    The conversion is character for character, so offsets into the original text hold (checked for
    every text it converts: a conversion that changed the length would raise). Simplified text comes
    back unchanged. OpenCC was chosen over zhconv: on the 1921 and 1923 reports of the CPC series
    (traditional script) both give the same characters but for 著 (kept by OpenCC, 着 by zhconv), and
    OpenCC converts a 34,000-character report in 0.7 ms against zhconv's 12 ms.
    """
    if text.isascii():
        return text
    out = _converter().convert(text)
    if len(out) != len(text):  # pragma: no cover - t2s maps characters one to one
        raise ValueError("traditional-to-simplified conversion changed the length of the text")
    return out


#: A text is in traditional script when conversion changes at least this share of its Chinese characters.
#: On the paragraphs of the CPC reports (public corpora), those in traditional script have 14-60% of
#: their characters changed (1923: median 34%), those in simplified script 0%, or at most 0.4% (one
#: character of 250, a variant that OpenCC maps: 1977, 2002); 5% lies well between.
TRADITIONAL_MIN_SHARE = 0.05


def script_of(text: str) -> str | None:
    """``traditional`` when converting ``text`` to simplified script changes at least
    :data:`TRADITIONAL_MIN_SHARE` of its Chinese characters, ``simplified`` when it holds Chinese
    characters and conversion changes fewer, None when it holds no Chinese character."""
    n_cjk = sum(1 for ch in text if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff")
    if not n_cjk:
        return None
    changed = sum(1 for a, b in zip(text, to_simplified(text)) if a != b)
    return "traditional" if changed and changed >= TRADITIONAL_MIN_SHARE * n_cjk else "simplified"


def split_chinese(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of the sentences of Chinese ``text`` (see the module docstring)."""
    spans: list[tuple[int, int]] = []
    for m in _ZH_SENTENCE.finditer(text):
        trim_span(text, m.start(), m.end(), spans)
    return spans


@lru_cache(maxsize=1)
def _posseg():
    """Import and initialise jieba once per process (quietly), with the policy formulations added."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    for term in CHINESE_POLICY_TERMS:
        jieba.add_word(term, tag="n")
    return jieba.posseg


def chinese_tokens(text: str) -> list[Token]:
    """The tokens of one Chinese sentence: jieba's words and flags; punctuation and numbers are not words.

    Segmentation, stop words, ``norm`` and ``lemma`` work on the simplified form of the text
    (:func:`to_simplified`), so that a report in traditional script is analysed as one in simplified
    script (恢復 is one word, 社會主義 the stop-word-free term 社会主义); each token's ``text`` keeps the
    original characters, and its ``norm`` and ``lemma`` the simplified ones.
    """
    out: list[Token] = []
    pos = 0
    simple = to_simplified(text)
    for pair in _posseg().cut(simple):
        word, flag = pair.word, pair.flag
        start = pos
        pos += len(word)
        if not word or word.isspace():
            continue
        norm = word.lower()
        word = text[start:pos]  # as written (the same length: conversion is character for character)
        if HAS_ALNUM.search(word) is None:
            is_punct, is_word = True, False
        elif (flag.startswith("m") and _ZH_DIGIT.search(word)) or NUMBER.match(word):
            is_punct, is_word = False, False
        else:
            is_punct, is_word = False, True
        out.append(Token(word, start, pos, norm, norm, flag, is_punct, is_word,
                         is_word and norm in CHINESE_STOPWORDS))
    return out
