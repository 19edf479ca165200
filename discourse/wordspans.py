"""English word tokens as character spans, in one regular-expression pass (NLTK-compatible).

:func:`word_spans` gives the spans that ``nltk.tokenize.NLTKWordTokenizer().span_tokenize`` gives
for the same text, but scans the text once with a single compiled pattern instead of running NLTK's
thirty-odd substitutions and aligning the resulting tokens back to the text.

Conventions (those of NLTKWordTokenizer)
    * Whitespace separates tokens and is never part of one.
    * Always a token of their own: ``; @ # $ % & ? ! *``, brackets ``( ) [ ] { } < >``, the
      typographic quotes ``« » “ ” ‘ ’ „``, the dashes U+2012 to U+2015, every ``"``, a pair of
      backticks or of apostrophes (``\\`\\``` and ``''``), a run of two or more periods and ``--``.
    * A comma or colon is a token, except before a digit: ``3,000``, ``10:30`` and ``4:18`` stay
      whole (so do ``a,5`` and ``,5``); ``http://x.org`` is ``http`` ``:`` ``//x.org``.
    * Only the last period of the text is split off (``York.`` stays whole inside the text), and only
      if it follows a character other than a period and is followed by nothing but closing brackets,
      quotes and spaces. ``U.S.`` and ``e.g.`` stay whole inside the text.
    * Hyphens stay inside words (``opening-up``, ``-5``); ``--`` is a token; ``/``, ``+``, ``=`` and
      other symbols not listed above stay inside words, so URLs and e-mail addresses keep their
      parts between the separators above (``a@b.org`` is ``a`` ``@`` ``b.org``).
    * Clitics split off the end of a token: ``'s 'S 'm 'M 'd 'D 'll 'LL 're 'RE 've 'VE`` and
      ``n't N'T`` (``isn't`` is ``is`` ``n't``, ``can't`` is ``ca`` ``n't``), as does a final
      ``'`` (``students'``), when a separator or the end of the text follows. ``China's.`` inside
      the text stays whole, as in NLTK.
    * An apostrophe that opens a word (not after a letter or digit, before one, and not the start
      of a clitic or of ``'n``/``'t``) is a token: ``'90s`` is ``'`` ``90s``.
    * ``cannot`` is ``can`` ``not``; likewise ``gimme``, ``gonna``, ``gotta``, ``lemme``, ``wanna``
      (before a separator), ``more'n`` and ``d'ye``, in any case.

The text is expected with ASCII apostrophes (see :func:`discourse.tokenize._to_ascii`); typographic
ones are tokens, as in NLTK.

Known differences from NLTKWordTokenizer (none occurs in the seed corpus, the public corpora or the
gold sets; each is a split at least as good as NLTK's):
    * Two clitics in a row (``they'll's``, ``isn't's``): NLTK splits the inner one too, in a second
      substitution; here only the last is split.
    * A clitic followed by a closing ``'`` and a space (``China's' x``): NLTK splits ``'s`` when the
      ``'`` is followed by a literal space at its punctuation stage, and not otherwise; here ``'s``
      stays (``China's`` ``'``) in every case.
    * A comma or colon right after another one (``a,,b``): NLTK's substitution consumes the second
      mark and leaves it glued to what follows (``,b``); here each mark is a token.
    * A contraction glued to a preceding symbol (``-cannot``): NLTK splits it at the word boundary;
      here it is split only where the contraction starts a token (``-cannot`` stays whole).

Speed: :class:`nltk.tokenize.RegexpTokenizer` would run the same pattern, but it compiles it with
the third-party ``regex`` engine under a per-call timeout guard; ``re`` runs this pattern
measurably faster (see the module tests' benchmark notes), so the pattern is used directly.
"""
from __future__ import annotations

import re

from .errors import ParameterError

__all__ = ["word_spans", "word_tokens"]

# Characters that are always tokens of their own (padded on both sides by NLTK).
_ALONE = r";@#$%&?!*\[\](){}<>«»“”‘’„\u2012-\u2015\"`"
# Closing characters that may follow the final period.
_FINAL_TAIL = r"""(?:[\]\)}>»”’ ]|(?<! )["']|(?<= )'(?!'))*\s*\Z"""
# A position where NLTK has put a space by the time it splits clitics.
_BOUNDARY = (
    rf"(?=[\s{_ALONE}]|\Z|''|\.\.|--|[:,](?!\d)|\.{_FINAL_TAIL})"
)
_CLITIC = r"(?:[sSmMdD]|ll|LL|re|RE|ve|VE)"
# An apostrophe inside a word: not the first of ``''``, not a clitic or closing quote before a
# boundary, and not an opening quote (after a non-word character, before a word character).
_INNER_APOSTROPHE = (
    rf"'(?!'|{_CLITIC}?{_BOUNDARY})"
    r"(?:(?<=\w')|(?!\w)|(?=(?i:re|ve|ll|m|t|s|d|n)\b))"
)
_WORD = (
    rf"(?:[^\s{_ALONE}'.,:\-nN]+"
    rf"|n(?!'t{_BOUNDARY})|N(?!'T{_BOUNDARY})"
    r"|[:,](?=\d)"
    rf"|\.(?!\.|{_FINAL_TAIL})"
    r"|-(?!-)"
    rf"|{_INNER_APOSTROPHE})+"
)
_TOKEN = re.compile(
    rf"{_WORD}|\.\.+|--|''|``|n't|N'T|'{_CLITIC}{_BOUNDARY}|\S"
)
# NLTK's contractions (MacIntyre): split points at the start, middle and end of each.
_CONTRACTION = re.compile(
    r"(?i)\b(?:(can)not|(d)'ye|(gim)me|(gon)na|(got)ta|(lem)me|(more)'n)\b|\b(wan)na(?=\s|\Z)"
)
_CONTRACTION_HINT = re.compile(r"(?i)cannot|d'ye|gimme|gonna|gotta|lemme|more'n|wanna")


def _split_contractions(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut the spans at the start, middle and end of every contraction that starts a token."""
    starts = {s for s, _ in spans}
    cuts: set[int] = set()
    for m in _CONTRACTION.finditer(text):
        if m.start() in starts:
            cuts.update((m.start(), m.end(m.lastindex), m.end()))
    if not cuts:
        return spans
    out: list[tuple[int, int]] = []
    for s, e in spans:
        inner = sorted(c for c in cuts if s < c < e)
        for c in inner:
            out.append((s, c))
            s = c
        out.append((s, e))
    return out


def word_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` character spans of the English word tokens of ``text``.

    Parameters
    ----------
    text : str
        A sentence or a line, with ASCII apostrophes (``'``) for the clitics to split.

    Returns
    -------
    list of tuple of (int, int)
        Spans in ``text``, in order, without whitespace; the same as
        ``list(nltk.tokenize.NLTKWordTokenizer().span_tokenize(text))`` apart from the rare cases
        listed in the module docstring.

    Raises
    ------
    ParameterError
        If ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise ParameterError(f"text must be a str, not {type(text).__name__}")
    spans = [m.span() for m in _TOKEN.finditer(text)]
    if _CONTRACTION_HINT.search(text) is not None:
        spans = _split_contractions(text, spans)
    return spans


def word_tokens(text: str) -> list[str]:
    """Return the English word tokens of ``text`` as strings (see :func:`word_spans`).

    Parameters
    ----------
    text : str
        A sentence or a line, with ASCII apostrophes.

    Returns
    -------
    list of str
        ``text[start:end]`` for every span of :func:`word_spans`.
    """
    return [text[s:e] for s, e in word_spans(text)]
