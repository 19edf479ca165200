"""Chinese text: sentences, and words with their part-of-speech flags from jieba.

Sentences end after 。！？；!? (and any closing quotes or brackets that follow) and at line breaks.
Words and tags come from ``jieba.posseg`` (its flags ``v``, ``vn``, ``n``, ... are kept as ``pos``); a few
multi-word policy formulations (:data:`CHINESE_POLICY_TERMS`) are added to jieba's dictionary so that they
come out as one word. ``norm`` and ``lemma`` are the word itself (Latin letters lower-cased).
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
    """The tokens of one Chinese sentence: jieba's words and flags; punctuation and numbers are not words."""
    out: list[Token] = []
    pos = 0
    for pair in _posseg().cut(text):
        word, flag = pair.word, pair.flag
        start = pos
        pos += len(word)
        if not word or word.isspace():
            continue
        norm = word.lower()
        if HAS_ALNUM.search(word) is None:
            is_punct, is_word = True, False
        elif (flag.startswith("m") and _ZH_DIGIT.search(word)) or NUMBER.match(word):
            is_punct, is_word = False, False
        else:
            is_punct, is_word = False, True
        out.append(Token(word, start, pos, norm, norm, flag, is_punct, is_word,
                         is_word and norm in CHINESE_STOPWORDS))
    return out
