"""Penn Treebank tags for English words: the Pattern lexicon plus rules for policy prose.

The base tagger is the one behind TextBlob's ``PatternTagger``: a lexicon lookup in the bundled
Brill lexicon (``textblob/en/en-lexicon.txt``, one most frequent tag per word), capitalised unknown
words as ``NNP``, digit strings as ``CD`` and suffix rules for the rest. It needs no downloaded
data. The context rules that correct the lexicon tags (verbs in government texts above all) are in
:mod:`discourse.tag_rules`.

Lexicon tags are cached per distinct word. Final tags are not cached per sentence: such a cache
lives in each worker process, so it sped up a serial run far more than a parallel one, and its gain
on the benchmark corpus came mostly from that corpus's repeated paragraphs.
"""
from __future__ import annotations

import re

from discourse.errors import ParameterError
from discourse.text.lemmas import pattern_lexicon
from discourse.text.tag_rules import (
    BE_FORMS,
    EXTRA_VERBS,
    HAVE_FORMS,
    MODALS,
    apply_rules,
    apply_rules_lowered,
    can_be_verb,
)

__all__ = ["tag_words", "can_be_verb", "apply_rules", "MODALS", "BE_FORMS", "HAVE_FORMS", "EXTRA_VERBS"]

_CD = re.compile(r"^[0-9\-,.:/%$]+$")

_PUNCT_TAGS = {"“": "``", "‘": "``", "«": "``", "”": "''", "’": "''", "»": "''", "—": ":", "–": ":",
               "-": ":", "--": ":", "…": ":", "...": ":", "[": "(", "]": ")", "{": "(", "}": ")",
               "（": "(", "）": ")", "，": ",", "。": ".", "！": ".", "？": ".", "；": ":", "：": ":"}


def _suffix_tag(word: str) -> str:
    """Tag of an unknown lower-case word from its suffix (the Pattern default rules, reordered)."""
    if word.endswith("ed"):
        return "VBN"
    if word.endswith(("ize", "ise", "ify", "ate")):
        return "VBP" if not word.endswith("ise") else "NN"
    if word.endswith(("able", "al", "ful", "ible", "ient", "ish", "ive", "less", "tic", "ous")) or "-" in word:
        return "JJ"
    if word.endswith("ly"):
        return "RB"
    if word.endswith("ing"):
        return "VBG"
    if word.endswith("s") and not word.endswith(("is", "ous", "ss")):
        return "NNS"
    return "NN"

def _lookup(word: str, lower: str, first: bool, lexicon: dict[str, str]) -> str:
    tag = lexicon.get(word)
    if first and word != lower:
        low_tag = lexicon.get(lower)
        if low_tag is not None and (tag is None or (tag == "NNPS" and low_tag == "NNS")
                                    or (tag not in ("NNP", "NNPS") and low_tag not in ("NN", "NNS"))):
            tag = low_tag                   # "The", "Enterprises must ...", "Promote ..."
    elif tag is None and not word[:1].isupper():
        tag = lexicon.get(lower)
    if tag is not None and tag != "CD" and word[:1].isdigit() and _CD.match(word):
        return "CD"                         # the lexicon lists "2" as IN ("2" for "to")
    if tag is not None:
        return tag.split("|", 1)[0]
    if word in _PUNCT_TAGS:
        return _PUNCT_TAGS[word]
    if _CD.match(word):
        return "CD"
    if word.istitle() and not first:
        return "NNP"
    if not any(ch.isalnum() for ch in word):
        return "SYM"
    if word.istitle():
        return "NNP" if _suffix_tag(lower) == "NN" and not can_be_verb(lower) else _suffix_tag(lower)
    return _suffix_tag(lower)

def tag_words(words: list[str]) -> list[str]:
    """Return Penn Treebank tags for the English ``words`` of one sentence.

    Parameters
    ----------
    words : list of str
        The word tokens of one sentence, in order (as produced by
        :func:`discourse.tokenize.tokenize_sentence`).

    Returns
    -------
    list of str
        One Penn tag per word: the Pattern lexicon tag, corrected by the context rules described
        in this module's docstring.
    """
    if isinstance(words, str) or not all(isinstance(w, str) for w in words):
        raise ParameterError(f"words must be a list of str, got {words!r:.80}")
    return tag_unchecked(words)


# Lexicon tags of words, cached per distinct word: inside a sentence, and as its first word.
_INNER_TAGS: dict[str, str] = {}
_FIRST_TAGS: dict[str, str] = {}


def _inner_tag(word: str) -> str:
    tag = _INNER_TAGS.get(word)
    if tag is None:
        if len(_INNER_TAGS) > 500_000:
            _INNER_TAGS.clear()
        tag = _INNER_TAGS[word] = _lookup(word, word.lower(), False, pattern_lexicon())
    return tag


def tag_unchecked(words: list[str]) -> list[str]:
    """:func:`tag_words` without the argument check (for the tokenizer's inner loop)."""
    return _tag_sentence(words) if words else []


def _tag_sentence(words: list[str]) -> list[str]:
    """Lexicon tags of a non-empty sentence, corrected by the context rules."""
    first = words[0]
    tag0 = _FIRST_TAGS.get(first)
    if tag0 is None:
        if len(_FIRST_TAGS) > 200_000:
            _FIRST_TAGS.clear()
        tag0 = _FIRST_TAGS[first] = _lookup(first, first.lower(), True, pattern_lexicon())
    tags = list(map(_INNER_TAGS.get, words))  # cached tags looked up without a call per word
    tags[0] = tag0
    if None in tags:
        for i in range(1, len(tags)):
            if tags[i] is None:
                tags[i] = _inner_tag(words[i])
    return apply_rules_lowered(words, tags, list(map(str.lower, words)))
