"""English sentences as character spans: NLTK's Punkt with the project's abbreviations.

:func:`sentence_spans` is ``PunktSentenceTokenizer(params).span_tokenize(text)`` where ``params``
holds only the abbreviations (no trained model: no collocations, frequent sentence starters or
orthographic context), so "Mr. Speaker" and "Sichuan Injet Electric Co., Ltd. in Deyang" stay one
sentence and nothing is downloaded. The tokenizer is built once per set of abbreviations.

Cost: an earlier version decided Punkt's breaks directly (a 339-line copy, 14x faster on the spans
alone). Measured against it on a 200,000-word benchmark corpus (serial processing, three rounds
taken in turns on a shared two-core machine), NLTK's Punkt costs about 5% of total processing and
gives identical tables on the sample and public corpora (benchmarks/table_hashes.py), so the copy
was removed. See docs/pending/processing.md for the figures.
"""
from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from discourse.errors import ParameterError

ENGLISH_ABBREVIATIONS: frozenset[str] = frozenset(
    """mr mrs ms dr st no nos co ltd inc jr sr gen gov sen rep reps u.s u.k u.n e.g i.e etc vs
    jan feb mar apr jun jul aug sep sept oct nov dec corp dept prof vol fig govt assn bros
    lt col capt sgt adm hon messrs mt ft approx est no.s pp ch sec art para""".split()
)
"""Abbreviations (lower case, without the final period) after which Punkt does not end a sentence."""

__all__ = ["ENGLISH_ABBREVIATIONS", "sentence_spans"]


@lru_cache(maxsize=8)
def _tokenizer(abbreviations: frozenset[str]) -> PunktSentenceTokenizer:
    bad = sorted(repr(a) for a in abbreviations if not isinstance(a, str))
    if bad:
        raise ParameterError(f"abbreviations must hold strings only; got {', '.join(bad[:5])}")
    params = PunktParameters()
    params.abbrev_types = set(abbreviations)
    return PunktSentenceTokenizer(params)


def sentence_spans(text: str, *, abbreviations: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` character spans of the sentences of ``text``, as Punkt finds them.

    Parameters
    ----------
    text : str
        English text (the pipeline passes one line at a time).
    abbreviations : frozenset of str, optional
        Lower-case abbreviations without their final period after which no sentence ends;
        default :data:`ENGLISH_ABBREVIATIONS`.

    Returns
    -------
    list of tuple of (int, int)
        Spans in ``text``, in order. A sentence keeps its leading whitespace when it is the first
        of the text; the last one ends before trailing whitespace.

    Raises
    ------
    ParameterError
        If ``text`` is not a string, or ``abbreviations`` is not a frozenset of strings.
    """
    if not isinstance(text, str):
        raise ParameterError(f"text must be a str, not {type(text).__name__}")
    if abbreviations is None:
        found = _RECENT.get(text)
        if found is not None:
            _RECENT.move_to_end(text)
            return list(found)
        spans = tuple(_tokenizer(ENGLISH_ABBREVIATIONS).span_tokenize(text))
        if len(text) <= _RECENT_CHARS:
            _RECENT[text] = spans
            if len(_RECENT) > _RECENT_SIZE:
                _RECENT.popitem(last=False)
        return list(spans)
    if not isinstance(abbreviations, frozenset):
        raise ParameterError(f"abbreviations must be a frozenset of str, not {type(abbreviations).__name__}")
    return list(_tokenizer(abbreviations).span_tokenize(text))


#: The spans of the most recently split texts (default abbreviations), since processing splits each
#: paragraph twice: cleaning finds repeated passages sentence by sentence, then analysis tokenizes the
#: same paragraph. Measured on 200,000 words of the benchmark corpus (98 speeches, one process): Punkt
#: took 1.1 s of 5.8 s under the profiler, half of it the second split. Bounded: at most
#: ``_RECENT_SIZE`` texts of at most ``_RECENT_CHARS`` characters.
_RECENT: OrderedDict[str, tuple[tuple[int, int], ...]] = OrderedDict()
_RECENT_SIZE = 512
_RECENT_CHARS = 20_000


#: Sentences longer than this many characters are cut into pieces (:func:`bound_spans`). The longest
#: sentence of the sample and public corpora has 4,345 characters (an inaugural address; 99.9% have
#: under 1,200); per-sentence work (directive scopes, voice cues) grows faster than the sentence, so a
#: run-on text without sentence marks (a table dump, an OCR page) is cut into pieces of at most this
#: size instead of being one sentence.
MAX_SENTENCE_CHARS = 10_000
_CLAUSE_MARKS = ";:,；，："


def bound_spans(text: str, spans: list[tuple[int, int]], *, limit: int = MAX_SENTENCE_CHARS
                ) -> list[tuple[int, int]]:
    """``spans`` of ``text`` with every span longer than ``limit`` characters cut into pieces.

    A piece ends after the last clause mark (``; : ,`` or ``；，：``) within ``limit`` characters of
    its start; without one, at the last whitespace; without any, after exactly ``limit`` characters
    (a hard wrap). Whitespace between pieces is left out. Spans within the limit are kept as they are.
    """
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > limit:
            window = text[start:start + limit + 1]
            cut = max(window.rfind(mark, 0, limit) for mark in _CLAUSE_MARKS) + 1
            if cut <= 0:
                cut = next((k for k in range(limit, 0, -1) if window[k].isspace()), limit)
            piece_end = start + cut
            while piece_end > start and text[piece_end - 1].isspace():
                piece_end -= 1
            out.append((start, piece_end))
            start += cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            out.append((start, end))
    return out
