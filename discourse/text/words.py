"""English word tokens as character spans, in one regular-expression pass (NLTK-compatible).

:func:`word_spans` gives the spans that ``nltk.tokenize.NLTKWordTokenizer().span_tokenize`` gives
for the same text, but scans the text once with a single compiled pattern instead of running NLTK's
thirty-odd substitutions and aligning the resulting tokens back to the text.

Conventions (those of NLTKWordTokenizer)
    * Whitespace separates tokens and is never part of one.
    * Always a token of their own: ``; @ # $ % & ? ! *``, brackets ``( ) [ ] { } < >``, the
      typographic quotes ``« » “ ” ‘ ’ „``, the dashes U+2012 to U+2015, every ``"``, two
      backticks, two apostrophes (``''``), a run of two or more periods and ``--``.
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

How: one compiled pattern (``_PATTERN``) scanned with ``finditer``. Its alternatives are a word
(a run of characters NLTK never pads, with lookaheads that stop it before a clitic, a closing
``'``, ``--``, a run of periods, the final period or a comma or colon not before a digit) and the
tokens that stand alone. Where NLTK pads is decided by lookaheads that mirror its stages: a closing
``'`` is padded early only before a literal space or an early-padded mark, so ``China's' x`` is
``China`` ``'s`` ``'`` ``x`` but ``China's'`` at the end is ``China's`` ``'``; ``'ll 're 've n't``
are split in a later substitution than ``'s 'm 'd`` and a closing ``'``, so ``here's're`` keeps
``here's`` while ``here're's`` splits both. Two rare cases are fixed up after the scan, each
behind a substring test: runs of commas and colons (NLTK consumes the character after a mark, so
``a,,b`` is ``a`` ``,`` ``,b``) and the contractions, which NLTK splits wherever a word boundary
of its padded text surrounds them (``-cannot`` is ``-`` ``can`` ``not``).

The text is expected with ASCII apostrophes (see ``_to_ascii`` in :mod:`discourse.text.analyze`); typographic
ones are tokens, as in NLTK.

Word characters: NLTK runs its substitutions with the third-party ``regex`` engine, whose ``\\w``
and ``\\d`` differ from those of ``re`` outside ASCII (``²``, combining marks, recent scripts), and
whose ``\\s`` leaves out U+001C to U+001F (which still separate tokens, through ``str.split``).
The pattern names those four separators explicitly, and a line where a non-ASCII character touches
an apostrophe, follows one within three characters or follows a comma or colon is scanned with the
same pattern compiled by ``regex``; every other line (nearly all) with ``re``.

Differences from NLTKWordTokenizer: none known. The spans are identical on every line of the seed
corpus, the public corpora and the gold sets (8,517 lines, 540,295 tokens), on the 47,658 English
sentences of the 1M-token test corpus, and on 400,000 random strings assembled from the hard cases
above (clitics, quotes, marks, dashes, contractions, non-ASCII word characters, odd whitespace).
Not covered by those checks: NLTK raises ``ValueError`` when it cannot align its tokens with the
text (``word_spans`` never raises for a string), and the two engines' Unicode tables may drift
apart with new releases of Python or ``regex``.

Speed (re-measured with NLTK 3.10 on a shared two-core machine): on the 10,858 lines of the sample
and public corpora, ``word_spans`` makes 0.60M tokens/s against 0.051M for
``NLTKWordTokenizer.span_tokenize`` (7.1x, median of 5 rounds taken in turns; 5.5x to 12x across
rounds). Put in its place in the pipeline, NLTK's span tokenizer made total serial processing of a
200,000-word benchmark corpus 1.9x as slow (median of 5 paired rounds; 0.7x to 2.2x on the loaded
host). :class:`nltk.tokenize.RegexpTokenizer` running the same pattern is 2.6x slower than
``word_spans`` (it compiles with ``regex`` and runs each scan under a timeout guard), so ``re`` is
used directly, with ``regex`` kept for the rare lines that need its word characters.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Any

from discourse.errors import ParameterError

__all__ = ["word_spans", "word_tokens"]

# Characters that are always tokens of their own (padded on both sides by NLTK).
_ALONE = r";@#$%&?!*\[\](){}<>«»“”‘’„\u2012-\u2015\"`"
# What may follow the final period: closing brackets and quotes (not a ``"`` or ``''`` after a
# space, which NLTK reads as an opening quote), spaces, and the end of the text (possessive, so
# that a long run of spaces inside the text costs linear time, as in NLTK).
_FINAL_TAIL = r"""(?:[\]\)}>»”’ ]|(?<! )["']|(?<= )'(?!'))*+[^\S\x1c-\x1f]*\Z"""
# Where NLTK has put a space by the time its punctuation stage pads a closing "'" (which it does
# only before a literal space).
_EARLY_SPACE = rf"[ «“‘„`;@#$%&?!\u2012-\u2015]|[:,](?!\d)|\.\.|\.{_FINAL_TAIL}"
# Where NLTK has put a space by the time it splits clitics.
_SPACE = rf"[^\S\x1c-\x1f]|[{_ALONE}]|\Z|''|\.\.|--|[:,](?!\d)|\.{_FINAL_TAIL}|'(?={_EARLY_SPACE})"
_B = rf"(?={_SPACE})"
# 'll 're 've n't are split in a second substitution, after 's 'm 'd and a closing ' are gone.
_B2 = rf"(?={_SPACE}|'[sSmMdD]?(?:{_SPACE}))"
_CLITIC = rf"(?:'[sSmMdD]{_B}|'(?:ll|LL|re|RE|ve|VE){_B2})"
# An apostrophe inside a word: not the first of ``''``, not a clitic or closing quote before a
# boundary, and not an opening quote (after a non-word character, before a word character, and
# not the start of a clitic, ``'n`` or ``'t``).
_INNER_APOSTROPHE = (
    rf"(?!'(?:'|{_SPACE})|{_CLITIC})'"
    r"(?:(?<=\w')|(?!\w)|(?=(?i:re|ve|ll|m|t|s|d|n)\b))"
)
_WORD = (
    rf"(?:[^\s\x1c-\x1f{_ALONE}'.,:\-nN]+"
    rf"|n(?!'t{_B2})|N(?!'T{_B2})|(?<=')[nN]"
    r"|[:,](?=\d)"
    rf"|\.(?!\.|{_FINAL_TAIL})"
    r"|-(?!-)"
    rf"|{_INNER_APOSTROPHE})+"
)
_PATTERN = rf"{_WORD}|\.\.+|--|''|``|n't|N'T|{_CLITIC}|[^\s\x1c-\x1f]"
_TOKEN = re.compile(_PATTERN)
# Outside ASCII, ``re`` and the ``regex`` engine NLTK uses disagree on some word characters and
# digits (combining marks, superscripts, recent scripts); where such a character sits next to an
# apostrophe or after a comma or colon, the same pattern is run with ``regex``.
_UNICODE_RISK = re.compile(r"[^\x00-\x7f]'|'[A-Za-z]{0,2}[^\x00-\x7f]|[:,][^\x00-\x7f]")
_WORD_ONLY = re.compile(_WORD)
# NLTK's contractions (after MacIntyre), split at their start, middle and end when a word
# boundary (in NLTK's padded text) surrounds them; ``wanna`` only before a space.
_CONTRACTION = re.compile(r"(?i)(can)not|(d)'ye|(gim)me|(gon)na|(got)ta|(lem)me|(more)'n|(wan)na")
_CONTRACTION_WORDS = ("cannot", "d'ye", "gimme", "gonna", "gotta", "lemme", "more'n", "wanna")
_WORD_CHAR = re.compile(r"\w")
_MARK_RUN = re.compile(r"[:,]{2,}")


@lru_cache(maxsize=2)
def _compiled_regex(pattern: str) -> Any:
    """``pattern`` compiled with the ``regex`` engine (a dependency of NLTK)."""
    import regex

    return regex.compile(pattern)


def _cut(spans: list[tuple[int, int]], cuts: set[int]) -> list[tuple[int, int]]:
    """Split every span at the positions of ``cuts`` that fall strictly inside it."""
    order = sorted(cuts)
    out: list[tuple[int, int]] = []
    k, n = 0, len(order)
    for s, e in spans:
        while k < n and order[k] <= s:
            k += 1
        while k < n and order[k] < e:
            out.append((s, order[k]))
            s = order[k]
            k += 1
        out.append((s, e))
    return out


def _is_edge(spans: list[tuple[int, int]], p: int) -> bool:
    """Whether a span starts or ends at ``p`` (``spans`` in order)."""
    i = bisect_left(spans, (p,))
    return (i < len(spans) and spans[i][0] == p) or (i > 0 and spans[i - 1][1] == p)


def _split_contractions(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut the spans at the start, middle and end of every contraction NLTK splits."""
    n = len(text)

    def boundary(p: int) -> bool:  # a word boundary in NLTK's padded text
        return (p == 0 or p == n or _WORD_CHAR.match(text, p - 1) is None
                or _WORD_CHAR.match(text, p) is None or _is_edge(spans, p))

    cuts: set[int] = set()
    wanna: list[re.Match[str]] = []
    for m in _CONTRACTION.finditer(text):
        if boundary(m.start()) and boundary(m.end()):
            if m.lastindex == 8:
                wanna.append(m)
            else:
                cuts.update((m.start(), m.end(m.lastindex), m.end()))
    for m in wanna:  # NLTK's last contraction, split only before a space
        end = m.end()
        if end == n or text[end].isspace() or end in cuts or _is_edge(spans, end):
            cuts.update((m.start(), m.end(8), end))
    return _cut(spans, cuts) if cuts else spans


def _glue_marks(text: str, spans: list[tuple[int, int]], word: Any) -> list[tuple[int, int]]:
    """Glue a comma or colon to the word after it where NLTK does.

    NLTK pads a mark together with the character after it, so in a run of marks every second one
    is padded on its left only: ``,,x`` gives ``,`` ``,x`` and ``:,:1`` gives ``:`` ``,:1``.
    """
    glue = {j for m in _MARK_RUN.finditer(text) for j in range(m.start() + 1, m.end(), 2)}
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        s, e = spans[i]
        if s in glue and e == s + 1 and i + 1 < len(spans) and spans[i + 1][0] == e:
            w = word.match(text, e)
            if w is not None and w.end() == spans[i + 1][1]:
                out.append((s, spans[i + 1][1]))
                i += 2
                continue
        out.append((s, e))
        i += 1
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
        ``list(nltk.tokenize.NLTKWordTokenizer().span_tokenize(text))`` (no difference is known;
        see the module docstring).

    Raises
    ------
    ParameterError
        If ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise ParameterError(f"text must be a str, not {type(text).__name__}")
    if text.isascii() or _UNICODE_RISK.search(text) is None:
        token, word = _TOKEN, _WORD_ONLY
    else:
        token, word = _compiled_regex(_PATTERN), _compiled_regex(_WORD)
    spans = [m.span() for m in token.finditer(text)]
    # Rare cases, tested with substring searches (much cheaper than a regular expression).
    if ",," in text or ",:" in text or ":," in text or "::" in text:
        spans = _glue_marks(text, spans, word)
    lower = text.lower()
    if any(w in lower for w in _CONTRACTION_WORDS):
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
