"""Sentences, word tokens, POS tags and lemmas for English and Chinese text, fully offline.

English
    Sentences: NLTK's Punkt with hand-set abbreviations (no trained model is needed, so
    "Mr. Speaker" and "Sichuan Injet Electric Co., Ltd. in Deyang" stay one sentence), and a
    break at every line break (:func:`discourse.text.sentences.sentence_spans`). Words: the
    tokens of :class:`nltk.tokenize.NLTKWordTokenizer` (Penn Treebank conventions: hyphenated
    words such as "opening-up" stay whole; "isn't" -> "is" + "n't"), found by
    :func:`discourse.text.words.word_spans` in one pass (identical spans, faster: see its
    module docstring). Tags: :func:`discourse.text.tagging.tag_words`
    (Pattern lexicon plus context rules). Lemmas: :func:`discourse.text.lemmas.lemmatize`.
Chinese
    Sentences end after 。！？；!? (and any closing quotes or brackets that follow) and at line
    breaks. Words and tags: ``jieba.posseg`` (its flags ``v``, ``vn``, ``n``, ... are kept as
    ``pos``); a few multi-word policy formulations (:data:`CHINESE_POLICY_TERMS`) are added to
    jieba's dictionary so that they come out as one word. Words are found in the simplified form
    of the text (OpenCC); ``norm`` and ``lemma`` are the word in simplified script (Latin letters
    lower-cased), the token's ``text`` the word as written.

In both languages punctuation and numbers are kept as tokens with ``is_word=False`` so that they
can be shown in concordances but are left out of every denominator.
"""
from __future__ import annotations

import re

from discourse.text.chinese import CHINESE_POLICY_TERMS, chinese_tokens, split_chinese
from discourse.text.lemmas import lemmatize
from discourse.text.sentences import ENGLISH_ABBREVIATIONS, sentence_spans
from discourse.text.stopwords import ENGLISH_STOPWORDS
from discourse.text.tagging import tag_unchecked, tag_words
from discourse.text.tokens import HAS_ALNUM, NUMBER, Sentence, Token, trim_span
from discourse.text.words import word_spans
from discourse.validate import check_choice

__all__ = ["Token", "Sentence", "split_sentences", "tokenize_sentence", "analyze", "tag_words",
           "lemmatize", "LANGUAGES", "ENGLISH_ABBREVIATIONS", "CHINESE_POLICY_TERMS"]

LANGUAGES = ("en", "zh")


_LINES = re.compile(r"[^\r\n\u2028\u2029\x0b\x0c\x85]+")
_CURLY_APOSTROPHE = re.compile(r"(?<=\w)[’‘ʼ]")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z](?=$)")


def _check_lang(lang: str) -> str:
    return check_choice("lang", lang, LANGUAGES)


# ----------------------------------------------------------------------------------------- sentences


def _split_en(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for line in _LINES.finditer(text):
        base = line.start()
        if line.group().isspace():
            continue
        for start, end in sentence_spans(line.group()):
            trim_span(text, base + start, base + end, spans)
    return spans


def split_sentences(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """Return the ``(start, end)`` character spans of the sentences of ``text``.

    Parameters
    ----------
    text : str
        A paragraph or a whole document; line breaks always end a sentence.
    lang : {"en", "zh"}
        English uses Punkt with :data:`ENGLISH_ABBREVIATIONS`; Chinese ends sentences after
        。！？；!? (closing quotes and brackets stay with their sentence).

    Returns
    -------
    list of tuple of (int, int)
        Spans in ``text``, without surrounding whitespace, in order; empty for blank text.
    """
    _check_lang(lang)
    return _split_en(text) if lang == "en" else split_chinese(text)


# ------------------------------------------------------------------------------------------- English


def _align_en(text: str) -> list[tuple[int, int]]:
    """Character spans of the word tokens of ``text``: NLTKWordTokenizer's, found in one pass."""
    return word_spans(text)


def _to_ascii(text: str) -> str:
    """Read a typographic apostrophe after a letter ("China’s", "don’t") as "'" so that clitics
    split as they do with ASCII; the replacement is one character for one, so offsets hold."""
    if "’" in text or "ʼ" in text or "‘" in text:
        return _CURLY_APOSTROPHE.sub("'", text)
    return text


_TOKEN_INFO: dict[tuple[str, str], tuple[str, str, str, bool, bool, bool]] = {}


def _token_info(aword: str, tag: str) -> tuple[str, str, str, bool, bool, bool]:
    """``(norm, lemma, pos, is_punct, is_word, is_stop)`` of an English token with its tag, cached per
    distinct ``(token, tag)``: everything of a :class:`Token` but its text and offsets."""
    info = _TOKEN_INFO.get((aword, tag))
    if info is None:
        norm = aword.lower()
        if HAS_ALNUM.search(aword) is None or aword == "_":
            info = (norm, norm, tag, True, False, False)
        elif NUMBER.match(aword) is not None:
            info = (norm, norm, tag, False, False, False)
        else:
            info = (norm, lemmatize(aword, tag), tag, False, True, norm in ENGLISH_STOPWORDS)
        if len(_TOKEN_INFO) > 500_000:
            _TOKEN_INFO.clear()
        _TOKEN_INFO[(aword, tag)] = info
    return info


def _make_tokens(text: str, ascii_text: str, spans: list[tuple[int, int]]) -> list[Token]:
    """Tokens of one sentence from its word spans (tagging and lemmas included)."""
    if not spans:
        return []
    ascii_words = [ascii_text[s:e] for s, e in spans]
    tags = tag_unchecked(ascii_words)
    new = tuple.__new__
    cache = _TOKEN_INFO
    if text == ascii_text:  # no apostrophe was rewritten: the token text is the word itself
        return [new(Token, (aword, start, end) + (cache.get((aword, tag)) or _token_info(aword, tag)))
                for (start, end), aword, tag in zip(spans, ascii_words, tags)]
    return [new(Token, (text[start:end], start, end) + (cache.get((aword, tag)) or _token_info(aword, tag)))
            for (start, end), aword, tag in zip(spans, ascii_words, tags)]


def _rejoin_initialism(ascii_text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Give a sentence-final "U.S." or "e.g." its period back (NLTK detaches every final period)."""
    if len(spans) >= 2:
        (a, b), (c, d) = spans[-2], spans[-1]
        if b == c and d == c + 1 and ascii_text[c] == "." and _INITIALISM.match(ascii_text, a, b):
            spans[-2:] = [(a, d)]
    return spans


def _tokens_en(text: str) -> list[Token]:
    ascii_text = _to_ascii(text)
    return _make_tokens(text, ascii_text, _rejoin_initialism(ascii_text, _align_en(ascii_text)))


def _split_final_period(ascii_text: str, spans: list[tuple[int, int]]) -> bool:
    """Detach a sentence-final period from its word, as NLTK does at the end of a string.

    Trailing tokens without letters or digits (closing quotes, brackets) are skipped first.
    Returns False if the sentence must be tokenized alone (a clitic before the final period,
    "isn't.", which NLTK splits only at the end of a string).
    """
    k = len(spans) - 1
    while k >= 0 and HAS_ALNUM.search(ascii_text, spans[k][0], spans[k][1]) is None:
        k -= 1
    if k < 0:
        return True
    start, end = spans[k]
    if end - start > 1 and ascii_text[end - 1] == "." and ascii_text[end - 2] != ".":
        spans[k:k + 1] = [(start, end - 1), (end - 1, end)]
    return "'" not in ascii_text[start:end]


def _analyze_en(text: str) -> list[Sentence]:
    """Split, then word-tokenize each line once (much faster than once per sentence)."""
    out: list[Sentence] = []
    for line in _LINES.finditer(text):
        line_text = line.group()
        if line_text.isspace():
            continue
        base = line.start()
        sent_spans: list[tuple[int, int]] = []
        for start, end in sentence_spans(line_text):
            trim_span(line_text, start, end, sent_spans)
        ascii_line = _to_ascii(line_text)
        word_spans = _align_en(ascii_line) if len(sent_spans) > 1 else []
        k, n = 0, len(word_spans)
        for ss, se in sent_spans:
            sent = line_text[ss:se]
            ascii_sent = ascii_line[ss:se]
            while k < n and word_spans[k][0] < ss:
                k += 1
            j = k
            while j < n and word_spans[j][1] <= se:
                j += 1
            spans = [(a - ss, b - ss) for a, b in word_spans[k:j]]
            if not spans or (j < n and word_spans[j][0] < se) or not _split_final_period(ascii_sent, spans):
                spans = _align_en(ascii_sent)  # tokenize this sentence alone (see above)
            _rejoin_initialism(ascii_sent, spans)
            k = j
            out.append(Sentence(base + ss, base + se, sent, _make_tokens(sent, ascii_sent, spans)))
    return out


# -------------------------------------------------------------------------------------------- public


def tokenize_sentence(text: str, lang: str = "en") -> list[Token]:
    """Return the tokens of one sentence, tagged and lemmatised.

    Parameters
    ----------
    text : str
        One sentence (as delimited by :func:`split_sentences`).
    lang : {"en", "zh"}
        Language of the sentence.

    Returns
    -------
    list of Token
        ``text, start, end, norm, lemma, pos, is_punct, is_word, is_stop`` per token, with
        ``text[start:end] == token.text``. English ``pos`` is a Penn Treebank tag, Chinese ``pos``
        a jieba flag. Whitespace is never a token.
    """
    _check_lang(lang)
    return _tokens_en(text) if lang == "en" else chinese_tokens(text)


def analyze(text: str, lang: str = "en") -> list[Sentence]:
    """Split ``text`` into sentences and tokenize, tag and lemmatise each one.

    Parameters
    ----------
    text : str
        A paragraph (or any text) in one language.
    lang : {"en", "zh"}
        Language of the text.

    Returns
    -------
    list of Sentence
        ``start, end, text, tokens`` per sentence; ``text == analysed_text[start:end]`` and token
        offsets are relative to the sentence text.
    """
    _check_lang(lang)
    if lang == "en":
        return _analyze_en(text)
    out: list[Sentence] = []
    for start, end in split_chinese(text):
        sent = text[start:end]
        out.append(Sentence(start, end, sent, chinese_tokens(sent)))
    return out


def count_words(text: str, lang: str = "en") -> int:
    """The word tokens of ``text`` as :func:`analyze` counts them (punctuation and numbers excluded).

    English is counted from the word spans alone (whether a token is a word does not depend on its
    tag, so nothing is tagged); Chinese from jieba's words, as :func:`analyze` finds them. Used to say
    how many tokens cleaning removed.
    """
    _check_lang(lang)
    if lang == "zh":
        return sum(t.is_word for t in chinese_tokens(text))
    n = 0
    for line in _LINES.finditer(text):
        ascii_line = _to_ascii(line.group())
        for start, end in word_spans(ascii_line):
            word = ascii_line[start:end]
            if word != "_" and HAS_ALNUM.search(word) is not None and NUMBER.match(word) is None:
                n += 1
    return n
