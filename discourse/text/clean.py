"""Cleaning one document's text: boilerplate out, whitespace and quotes normalised, one language per paragraph.

The input is a document as read (one paragraph per line, as in the sample corpus and in the usual
plain-text corpora; or paragraphs separated by blank lines). Whatever is not discourse is removed *and
recorded* with a reason, so a reader can check what was dropped. Each step can be switched off
(:data:`CLEANING_STEPS`, :func:`check_steps`):

- ``rules``: whole-line patterns (``LINE_RULES``: footer, image remnant, stray punctuation, byline) and
  their reason, and MediaWiki footnotes (a line ``↑`` and the note under it);
- ``metadata``: ``DATELINE_PATTERNS`` / ``SOURCE_PATTERNS`` lines ("Updated:2024.12.25",
  "川观新闻2023-08-01", "来源:川观新闻", "Source: Sichuan Observer News"); removed, and what they say is
  returned;
- ``menus``: a block of ``MENU_MIN_BLOCK`` or more short title-case lines is a navigation menu; the sample
  site's hand list ``MENU_WORDS`` (two or more listed words in a block) is used only when nothing could
  be learned from the corpus (``boilerplate=None``: a corpus too small, or ``templates`` off);
- ``joins``: soft line breaks (a web page's links put on lines of their own, "工贼\n刘少奇\n为首的") are
  joined back into their paragraph (see :func:`text_lines`);
- ``templates``: the lines its corpus shows to be boilerplate (:mod:`discourse.text.templates` learns them
  and passes them as ``boilerplate``);
- ``placeholders``: a short line, or a short bracketed note ("(Applause.)"), repeated at least
  ``PLACEHOLDER_MIN_REPEATS`` times in the document ("Please refer to the annex.");
- ``repeats``: a sentence or run of sentences that repeats an earlier passage of the document, once
  whitespace and case are normalised, is kept only at its first occurrence (``MIN_REPEAT_CHARS``,
  ``MIN_PASSAGE_CHARS``: a speaker's short refrain stays);
- ``glued``: sentences glued by a missing space after the full stop ("... results.However, the") are
  split (for finding repeats, and in the tables: a line break is put between them; no character changes);
- ``duplicates``: a corpus-level step (near-duplicate documents flagged, nothing removed; see
  :mod:`discourse.text.duplicates`), listed here so that one option names every step.

A line that opens with a speaker label ("The Minister for Finance (Dr Tan Ah Kow): ...", "Mr Speaker:
Order.") is a turn of a transcript: never a placeholder or template, and never collapsed alone as a
repeat. Quotes: curly quotes become straight ones in English paragraphs; Chinese paragraphs keep their
curly (full-width) quotation marks, which are the standard Chinese quotation marks and are treated as
punctuation by the Chinese tokenizer. Whitespace: no-break, full-width and other Unicode spaces become
plain spaces, zero-width characters are dropped, runs of spaces collapse, and indentation is stripped.
Language: each paragraph's, from its letters (CJK against Latin); a paragraph without letters (a number)
takes the language of most of the document's letters. Script: each Chinese paragraph's
(:func:`discourse.text.chinese.script_of`).
"""
from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Collection, Iterable, NamedTuple

from discourse.errors import ParameterError
from discourse.text.analyze import split_sentences
from discourse.text.chinese import script_of
from discourse.text.sentences import ENGLISH_ABBREVIATIONS
from discourse.validate import format_values

#: Lines longer than this are never boilerplate or metadata (a body paragraph may mention "ICP").
MAX_BOILERPLATE_LEN = 200

#: Whole-line patterns (searched in the whitespace-normalised line) and the reason recorded for them.
LINE_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^[?？]+$"), "stray question marks"),
    (re.compile(r"^[\W_]+$"), "punctuation only"),
    (re.compile(r"^!?\[[^\]]*\]\([^)]*\)$"), "image remnant"),
    (re.compile(r"^\S*\.(?:jpe?g|png|gif|bmp|webp|svg)\)?$", re.I), "image remnant"),
    (re.compile(r"^Hosted by\s*[:：]", re.I), "footer"),
    (re.compile(r"^(?:Sponsored|Organi[sz]ed|Undertaken) by\s*[:：]", re.I), "footer"),
    (re.compile(r"^Website (?:Operation|Maintenance|Identification)", re.I), "footer"),
    (re.compile(r"\bICP\s*(?:No\b|License|备|证)", re.I), "footer"),
    (re.compile(r"(?:Internet|Network) Security Record No", re.I), "footer"),
    (re.compile(r"公网安备|网安备|ICP备|网站标识码|^(?:主办|承办|技术支持)(?:单位)?\s*[:：]"), "footer"),
    (re.compile(r"^(?:Copyright|©|\(c\)\s*\d{4})|All rights reserved|版权所有", re.I), "footer"),
    (re.compile(r"^(?:责任编辑|编辑|记者|Editor|Reporter|Translator)\s*[:：]", re.I), "byline"),
]

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?P<mon>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*)\.?"
_TIME = r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
_LABEL = r"(?P<label>[^\d\n:：]{0,30}?)\s*[:：]?\s*"

#: Dateline lines: an optional short label or source name, then a date (and time), nothing else.
DATELINE_PATTERNS: list[re.Pattern[str]] = [
    re.compile(_LABEL + r"(?P<y>\d{4})\s*[-./年]\s*(?P<m>\d{1,2})\s*[-./月]\s*(?P<d>\d{1,2})\s*日?" + _TIME + "$"),
    re.compile(_LABEL + _MONTH + r"\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})" + _TIME + "$", re.I),
    re.compile(_LABEL + r"(?P<d>\d{1,2})\s+" + _MONTH + r",?\s+(?P<y>\d{4})" + _TIME + "$", re.I),
]

#: Dateline labels that name no source (anything else before the date is taken as the source's name).
DATE_LABELS = {"updated", "update", "published", "date", "release time", "released", "time", "posted",
               "发布时间", "更新时间", "时间", "日期", "发布日期"}

#: Source lines: the named group ``source`` is what the line says.
SOURCE_PATTERNS: list[re.Pattern[str]] = [
    re.compile(r"^(?:来源|稿源|信息来源)\s*[:：]\s*(?P<source>.+)$"),
    re.compile(r"^Source\s*[:：]\s*(?P<source>.+)$", re.I),
]

#: Entries of site navigation menus (compared case-insensitively with the whole line).
MENU_WORDS = {
    "government", "open governance", "services", "investment", "tourism", "navigator", "home", "news",
    "about", "about us", "contact", "contact us", "search", "sitemap", "site map", "english", "login",
    "interaction", "data", "policies", "首页", "政务公开", "政务服务", "互动交流", "投资", "旅游", "导航", "中文",
}
#: A block of this many consecutive short title-case lines is a menu even if its words are not listed.
MENU_MIN_BLOCK = 4
_SHORT_TITLE = re.compile(r"^(?:[A-Z][\w&'-]*)(?:\s+(?:[A-Z][\w&'-]*|and|of|&)){0,2}$")

_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
                         "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"'})
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_OPENERS = "“‘(（《「『[【"
_FINAL_PUNCT = ".。!?！？;；:：…"
#: A language run is split off a paragraph only if it has at least this many CJK characters / Latin words.
MIN_ZH_RUN = 6
MIN_EN_RUN = 5
#: Only paragraphs at least this long are collapsed when repeated: a short repeat is more often a
#: speaker's refrain ("This leads to peace-not war.") than a page-scraping artefact.
MIN_REPEAT_CHARS = 60
#: The headline is the first kept line if it is at most this long (a bilingual headline is two in one).
HEADLINE_MAX_CHARS = 400


class Paragraph(NamedTuple):
    """One paragraph of discourse: its number (from 0), normalised text and language (``en``/``zh``)."""

    para_id: int
    text: str
    lang: str


@dataclass
class CleanText:
    """The result of :func:`clean_text`.

    ``dateline`` is the ISO date of the first dateline found, ``source_line`` the source it names
    (from a "Source:"/"来源:" line, else the name before a dateline's date), ``headline`` the first kept
    line when it is short and has no final full stop.
    """

    paragraphs: list[Paragraph]
    removed: list[dict] = field(default_factory=list)
    dateline: str | None = None
    source_line: str | None = None
    headline: str | None = None


def normalize_space(text: str) -> str:
    """Drop zero-width characters, turn every kind of space into one plain space, strip the ends."""
    # ``str.split`` breaks at exactly the characters ``_SPACES`` matches (every ``str.isspace`` character),
    # so this is ``_SPACES.sub(" ", text).strip()`` without a replacement per ordinary space.
    return " ".join(_ZERO_WIDTH.sub("", text).split())


def iso_date(year: int | str, month: int | str, day: int | str) -> str | None:
    """``YYYY-MM-DD`` for a valid calendar date, else None; month may be an English month name."""
    try:
        if isinstance(month, str) and not month.isdigit():
            month = _MONTHS.index(month[:3].lower()) + 1
        return _dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def match_dateline(line: str) -> tuple[str, str] | None:
    """``(iso_date, label)`` if the whole line is a dateline, else None."""
    last = line.rstrip()[-1:]
    if not (last.isdigit() or last == "日"):
        return None  # every dateline ends with its date or time (a digit, or 日), then at most spaces
    for pattern in DATELINE_PATTERNS:
        m = pattern.match(line)
        if m:
            date = iso_date(m["y"], m["mon"] if "mon" in m.groupdict() else m["m"], m["d"])
            if date:
                return date, m["label"].strip(" ,")
    return None


def text_language(text: str) -> str:
    """``zh`` when CJK characters make up at least half of the letters (CJK + Latin), else ``en``."""
    if not _CJK.search(text):  # no Chinese character at all: the common case, without counting
        return "en"
    n_cjk = len(_CJK.findall(text))
    n_latin = len(_LATIN.findall(text))
    return "zh" if n_cjk and n_cjk >= n_latin else "en"


def _char_lang(ch: str) -> str | None:
    if _CJK.match(ch):
        return "zh"
    if _LATIN.match(ch):
        return "en"
    return None


def language_runs(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into ``(run, lang)`` parts where a Chinese run and an English run meet.

    Short embedded runs (an acronym in Chinese text, a Chinese name in English text) stay with their
    neighbours: a run is split off only if it has ``MIN_ZH_RUN`` CJK characters or ``MIN_EN_RUN`` Latin
    words. Punctuation and spaces after a run stay with it; opening quotes and brackets go with the next.
    """
    if text.isascii():  # no CJK character: English, without a scan
        return [(text, "en")]
    if not _CJK.search(text) or not _LATIN.search(text):  # one script only: the common case, fast
        return [(text, text_language(text))]
    starts: list[tuple[int, str]] = []  # (index of first strong character, lang)
    for i, ch in enumerate(text):
        lang = _char_lang(ch)
        if lang and (not starts or starts[-1][1] != lang):
            starts.append((i, lang))
    if len(starts) < 2:
        return [(text, text_language(text))]
    bounds = [s for s, _ in starts] + [len(text)]
    runs = [(text[a:b], lang) for (a, lang), b in zip(starts, bounds[1:])]

    def big(run: str, lang: str) -> bool:
        if lang == "zh":
            return len(_CJK.findall(run)) >= MIN_ZH_RUN
        return len(re.findall(r"[A-Za-z\u00c0-\u024f]+", run)) >= MIN_EN_RUN

    keep = [k for k, (run, lang) in enumerate(runs) if big(run, lang)]
    if len({runs[k][1] for k in keep}) < 2:
        return [(text, text_language(text))]
    # merge consecutive runs of the same language among the big ones; small runs join the run before
    cuts, prev_lang = [], None
    for k in keep:
        if runs[k][1] != prev_lang:
            cuts.append(starts[k][0] if cuts else 0)
            prev_lang = runs[k][1]
    cuts.append(len(text))
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        parts.append(text[a:b])
    # move opening quotes/brackets (and the spaces before them) from the end of a part to the next part
    for j in range(len(parts) - 1):
        stripped = parts[j].rstrip(_OPENERS + " ")
        tail = parts[j][len(stripped):].lstrip()
        parts[j], parts[j + 1] = stripped, tail + parts[j + 1]
    return [(p.strip(), text_language(p)) for p in parts if p.strip()]


# ------------------------------------------------------------------------------------------- steps
#: Every cleaning step, in the order they run, and what it does (see the module docstring).
CLEANING_STEPS: dict[str, str] = {
    "rules": "footers, image remnants, stray punctuation, bylines and footnotes by whole-line rules",
    "metadata": "dateline and source lines (what they say fills the date and source)",
    "menus": "navigation menus (short title-case blocks; the sample site's hand list as a fallback)",
    "joins": "soft line breaks joined back into their paragraph",
    "templates": "lines that recur across the documents of the corpus (learned)",
    "placeholders": "short lines or bracketed notes repeated many times in one document",
    "repeats": "sentences and runs of sentences repeating an earlier passage of the document",
    "glued": "sentences glued by a missing space after the full stop split",
    "duplicates": "near-duplicate documents flagged (nothing removed)",
}
#: The steps run by default: all of them.
DEFAULT_STEPS: tuple[str, ...] = tuple(CLEANING_STEPS)


def check_steps(clean: Any) -> tuple[str, ...]:
    """The cleaning steps that the ``clean`` option of :func:`discourse.load_corpus` names.

    Parameters
    ----------
    clean : None, bool, str, iterable of str, or dict of str to bool
        ``None`` or ``True``: every step (:data:`DEFAULT_STEPS`); ``False`` or ``"none"``: none (blank
        lines are still dropped and whitespace normalised); a step name, or several in an iterable or
        a comma-separated string: only those; a dict such as ``{"templates": False}``: every step but
        those set to False (and those set to True).

    Returns
    -------
    tuple of str
        The steps, in the order of :data:`CLEANING_STEPS`.

    Raises
    ------
    ParameterError
        An unknown step name or a value of another type, naming the valid steps.
    """
    valid = format_values(CLEANING_STEPS)
    if clean is None or clean is True:
        return DEFAULT_STEPS
    if clean is False:
        return ()
    if isinstance(clean, dict):
        chosen = set(DEFAULT_STEPS)
        for name, on in clean.items():
            if name not in CLEANING_STEPS or not isinstance(on, bool):
                raise ParameterError(f"clean={clean!r}: {name!r}: {on!r} is not a step and True/False; "
                                     f"steps: {valid}")
            (chosen.add if on else chosen.discard)(name)
    else:
        if isinstance(clean, str):
            names = [n.strip() for n in clean.split(",") if n.strip()]
            if names in (["none"], []):
                return ()
            if names == ["all"]:
                return DEFAULT_STEPS
        elif isinstance(clean, Iterable):
            names = list(clean)
        else:
            raise ParameterError(f"clean must be None, True, False, step names or a dict of steps to "
                                 f"True/False, got {clean!r}; steps: {valid}")
        unknown = [n for n in names if n not in CLEANING_STEPS]
        if unknown:
            raise ParameterError(f"clean={clean!r}: unknown step {unknown[0]!r}; steps: {valid}")
        chosen = set(names)
    return tuple(name for name in CLEANING_STEPS if name in chosen)


# ------------------------------------------------------------------------------------------- lines
class Line(NamedTuple):
    """One line of a document as cleaning sees it: ``line_no`` (of its first raw line, from 1), ``raw``
    (as read; raw lines joined by ``\\n`` when soft breaks were joined), ``text`` (whitespace-normalised)
    and ``n_lines`` (raw lines it holds)."""

    line_no: int
    raw: str
    text: str
    n_lines: int = 1


#: A document is written with blank lines between paragraphs (and may have soft line breaks) when at
#: least this share of the gaps between its non-blank lines is a blank line. The CPC reports of the
#: public corpora, whose link texts stand on lines of their own, have 33-93%; the sample corpus and the
#: State of the Union addresses (one paragraph per line) 0-15%.
BLANK_SEPARATED_SHARE = 0.25
_HEADING_START = re.compile(r"^(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百\d]+[）)]|"
                            r"第[一二三四五六七八九十百\d]+[部分章节条篇]|\d+[、．.]\s*\S)")
_END_NO_JOIN = ".。!?！？;；:：…"


def _soft_break(prev: str, nxt: str) -> str | None:
    """The separator that joins ``prev`` and the line ``nxt`` under it when a soft line break parts them
    (``""`` in Chinese, ``" "`` in English), or None when they are two paragraphs.

    Chinese: ``prev`` does not end a sentence or introduce what follows (。！？；：…) and neither line
    is a heading (一、 （一） 第一部分 1.). English: ``prev`` ends with a letter, digit, comma or hyphen and
    ``nxt`` begins with a lower-case letter.
    """
    if not prev or not nxt or prev[-1] in _END_NO_JOIN or _FOOTNOTE_MARK.match(prev) or _FOOTNOTE_MARK.match(nxt):
        return None
    if _HEADING_START.match(nxt) or (_HEADING_START.match(prev) and len(prev) <= 30):
        return None
    if _CJK.search(prev) or _CJK.search(nxt):
        if (_LATIN.match(prev[-1]) and _CJK.match(nxt[0])) or (_CJK.match(prev[-1]) and _LATIN.match(nxt[0])):
            return None  # a change of language is a change of paragraph (a bilingual headline)
        if _is_metadata(prev) or _is_metadata(nxt):
            return None
        return " " if prev[-1].isascii() and prev[-1].isalnum() and nxt[0].isascii() and nxt[0].isalnum() else ""
    if nxt[0].islower() and (prev[-1].isalnum() or prev[-1] in ",-") and not _is_metadata(prev):
        return " "
    return None


def _is_metadata(line: str) -> bool:
    """True for a line that a rule or the metadata step would remove (never joined to another)."""
    reason = line_reason(line)
    if reason is not None and reason not in _TRANSPARENT:
        return True
    return len(line) <= MAX_BOILERPLATE_LEN and (match_dateline(line) is not None
                                                 or any(p.match(line) for p in SOURCE_PATTERNS))


def text_lines(text: str, *, join: bool = True) -> list[Line]:
    """The lines of ``text``, whitespace-normalised, blank ones included (their ``text`` is empty).

    With ``join``, in a document written with blank lines between paragraphs
    (:data:`BLANK_SEPARATED_SHARE`), lines parted by a soft line break (:func:`_soft_break`) are joined
    into one line: a web page's links put on lines of their own ("工贼", "刘少奇", "为首的...") become
    one paragraph again. Each joined line keeps the number of its first raw line.
    """
    raw_lines = text.splitlines()
    if _ZERO_WIDTH.search(text):
        normal = [normalize_space(line) for line in raw_lines]
    else:  # nothing to drop: only the spaces to normalise (as normalize_space does)
        normal = [" ".join(line.split()) for line in raw_lines]
    lines = [Line(i + 1, raw, norm) for i, (raw, norm) in enumerate(zip(raw_lines, normal))]
    if not join:
        return lines
    adjacent = sum(1 for a, b in zip(normal, normal[1:]) if a and b)
    blank_gaps = sum(1 for a, b in zip(normal, normal[1:]) if a and not b)
    if blank_gaps < 2 or blank_gaps < BLANK_SEPARATED_SHARE * (adjacent + blank_gaps):
        return lines
    out: list[Line] = []
    for line in lines:
        sep = _soft_break(out[-1].text, line.text) if out and line.text else None
        if sep is None:
            out.append(line)
        else:
            last = out[-1]
            out[-1] = Line(last.line_no, f"{last.raw}\n{line.raw}", last.text + sep + line.text,
                           last.n_lines + 1)
    return out


def line_key(text: str) -> str:
    """The form in which lines are compared: whitespace-normalised and case-folded."""
    return " ".join(text.split()).casefold()


def has_letters(text: str) -> bool:
    """True if ``text`` holds a Latin letter or a Chinese character."""
    return bool(_LATIN.search(text) or _CJK.search(text))


_TITLE_WORDS = (r"Mr|Mrs|Ms|Miss|Mdm|Madam|Madame|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Baroness|Hon|"
                r"Speaker|Deputy|Minister|Secretary|President|Vice|Premier|Chairman|Chairwoman|Chair|"
                r"Chairperson|Senator|Member|Members|Representative|Delegate|Governor|Mayor|Commissioner|"
                r"Justice|Judge|Clerk|Question|Answer|Q|A|Interviewer|Moderator|Host|Spokesperson|"
                r"Spokesman|Spokeswoman|Voices|Voice|Participant|Audience")
_NAME_WORD = r"[A-Z][\w.'’-]*"
_CONNECT = r"(?:of|for|the|and|to|in|on|at|de|du|da|van|von|der|bin|binti|al)"
_EN_LABEL = re.compile(
    rf"^(?:The\s+)?(?P<head>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_CONNECT})){{0,8}}?)"
    r"\s*(?P<paren>\([^()]{1,80}\))?\s*:\s*\S")
_EN_TITLE = re.compile(rf"\b(?:{_TITLE_WORDS})\b\.?")
_ZH_LABEL = re.compile(r"^[\u4e00-\u9fff·]{0,10}(?:主持人|主席|发言人|發言人|委员|委員|代表|部长|部長|总理|總理|"
                       r"书记|書記|省长|省長|市长|市長|问|問|答|提问|提問|回答)(?:（[^）]{1,30}）)?[:：]\s*\S")


def opens_with_speaker_label(line: str) -> bool:
    """True if ``line`` opens a turn of a transcript with a speaker label and goes on after it.

    English: up to nine capitalised words (with of/for/the/...) and an optional parenthesised name
    before a colon, naming a title or role ("Mr Speaker: Order.", "The Minister for Finance (Dr Tan Ah
    Kow): Mr Speaker, Sir, ...", "Q: ..."), written in capitals ("MR. SMITH: ..."), or followed by a
    parenthesised name. Chinese: a role (主持人, 发言人, 问, 答, ...) before a full-width colon.
    """
    m = _EN_LABEL.match(line)
    if m:
        head = m["head"]
        if m["paren"] or _EN_TITLE.search(head) or (head.isupper() and len(head) >= 3):
            return True
    return bool(_ZH_LABEL.match(line))


# -------------------------------------------------------------------------------- single-line rules
def line_reason(line: str) -> str | None:
    """The reason of the whole-line rules (``LINE_RULES``) for removing ``line``, or None to keep it."""
    if not line:
        return "blank line"
    if len(line) > MAX_BOILERPLATE_LEN:
        return None
    for pattern, reason in LINE_RULES:
        if pattern.search(line):
            return reason
    return None


#: A MediaWiki footnote back-link: the note under it is the editor's, not the document's.
_FOOTNOTE_MARK = re.compile(r"^[↑^](?:\s*[a-z\d]{1,3})?$")
_TRANSPARENT = ("blank line", "stray question marks", "punctuation only")


def _menu_lines(lines: list[str], reasons: list[str | None], known_words: Collection[str]) -> set[int]:
    """Indices of lines that form a navigation menu (blank and stray lines do not break a block)."""
    blocks: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if reasons[i] in _TRANSPARENT:
            continue
        if reasons[i] is None and len(line) <= 40 and (
                line.casefold() in known_words or _SHORT_TITLE.match(line)):
            blocks[-1].append(i)
        elif blocks[-1]:
            blocks.append([])
    menu: set[int] = set()
    for block in blocks:
        known = sum(lines[i].casefold() in known_words for i in block)
        if len(block) >= MENU_MIN_BLOCK or (known >= 2 and known == len(block)):
            menu.update(block)
    return menu


# ------------------------------------------------------------------------------ repeats in a document
#: A line (or bracketed note) repeated this many times in one document is a placeholder ...
PLACEHOLDER_MIN_REPEATS = 5
#: ... if it is at most this long. (No line of the public corpora is repeated five times; "(Applause.)"
#: is repeated 30-89 times in each address of 2001-2006.)
PLACEHOLDER_MAX_CHARS = 100
_NOTE = re.compile(r"[(\[（【]\s*(?:[A-Za-z][A-Za-z .,'’-]{2,40}|[\u4e00-\u9fff]{2,8})\s*[)\]）】]")
_NUMERAL_NOTE = re.compile(r"^[(\[（【]\s*[一二三四五六七八九十百\d]+\s*[)\]）】]$")

#: A run of repeated sentences is collapsed only when it holds at least this many non-space characters:
#: a shorter repeat is more often a speaker's refrain ("And I will propose these measures to the 90th
#: Congress.", 46, three times in the 1967 address; "This leads to peace-not war.") than an artefact ...
MIN_REPEAT_CHARS = 50
#: ... and when it is a whole paragraph (every sentence of a line) or holds at least this many: a refrain
#: at the end of paragraphs ("He has not accounted for that material. He has given no evidence that he has
#: destroyed it.", 75, twice in the 2003 address) stays; a section repeated by a scraper is longer.
MIN_PASSAGE_CHARS = 200
_GLUE = re.compile(r"([A-Za-z\d]+)[.!?]+[\"”’)\]]*(?=[A-Z][a-z])")


def _glue_cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets in ``text[start:end]`` (an English sentence) where a sentence glued to the previous one
    begins: a full stop, ! or ? after a word of two or more letters (not an abbreviation) or digits, then
    at once a capital and a small letter ("carry on.Our"). Not "Mr.Li", "U.S.Army", "e.g.The", "3.5"."""
    cuts = []
    for m in _GLUE.finditer(text, start, end):
        word = m.group(1)
        if m.start() > 0 and text[m.start() - 1] in ".,":
            continue
        if len(word) < 2 or word.lower() in ENGLISH_ABBREVIATIONS or word.isupper():
            continue
        cuts.append(m.end())
    return cuts


class _Unit(NamedTuple):
    """One sentence of a kept line: where it stands and how it compares."""

    line: int        # index into the document's lines
    run: int         # index of its language run in the line
    start: int
    end: int
    key: str
    glued: bool      # begins at a glued-sentence cut
    label: bool      # the first sentence of a line that opens with a speaker label


def _sentence_key(text: str) -> str:
    return "".join(text.split()).casefold()


# ------------------------------------------------------------------------------------------ result
class Paragraph(NamedTuple):
    """One paragraph of discourse: its number (from 0), normalised text, language (``en``/``zh``) and, for
    Chinese, its script (``simplified``/``traditional``; empty for English)."""

    para_id: int
    text: str
    lang: str
    script: str = ""


@dataclass
class CleanText:
    """The result of :func:`clean_text`.

    ``dateline`` is the ISO date of the first dateline found, ``source_line`` the source it names
    (from a "Source:"/"来源:" line, else the name before a dateline's date), ``headline`` the first kept
    line when it is short and has no final full stop; ``n_joined`` the soft line breaks joined and
    ``n_glued`` the glued sentences split.
    """

    paragraphs: list[Paragraph]
    removed: list[dict] = field(default_factory=list)
    dateline: str | None = None
    source_line: str | None = None
    headline: str | None = None
    n_joined: int = 0
    n_glued: int = 0


def _removal(line: Line, reason: str, text: str | None = None, *, first: int = 0, detail: str = "") -> dict:
    return {"line_no": line.line_no, "text": line.raw if text is None else text, "reason": reason,
            "first_line_no": first, "detail": detail}


def clean_text(text: str, *, steps: Any = None, boilerplate: Collection[str] | None = None) -> CleanText:
    """Remove boilerplate, metadata lines and repeats; normalise; split into one-language paragraphs.

    Parameters
    ----------
    text : str
        A document as read; each non-blank line is one paragraph (lines parted by soft breaks joined).
    steps : optional
        The cleaning steps (see :func:`check_steps`); default every step.
    boilerplate : collection of str, optional
        The lines of this document that its corpus shows to be templates (as :func:`line_key` gives
        them; :func:`discourse.text.templates.learn_templates`), removed with the reason ``template``.
        None: nothing was learned, and the sample site's hand list of menu words is used instead.

    Returns
    -------
    CleanText
        ``paragraphs`` (``Paragraph(para_id, text, lang, script)``, ``para_id`` from 0; a line mixing a
        Chinese and an English run gives one paragraph per run), ``removed`` (dicts with ``line_no`` from
        1, the ``text`` removed (the raw line, or the sentences or note taken out of a line), ``reason``:
        ``blank line``, ``stray question marks``, ``punctuation only``, ``image remnant``, ``footer``,
        ``byline``, ``footnote``, ``navigation menu``, ``dateline``, ``source line``, ``template``,
        ``placeholder``, ``repeated passage``; ``first_line_no``: for a repeated passage the line of its
        first occurrence, else 0; ``detail``: "first at line 3", "line repeated 200 times", ...),
        ``dateline``, ``source_line``, ``headline``, ``n_joined``, ``n_glued``.
    """
    if not isinstance(text, str):
        raise ParameterError(f"text must be a str, got {type(text).__name__}")
    steps = DEFAULT_STEPS if steps is None else check_steps(steps)
    lines = text_lines(text, join="joins" in steps)
    texts = [line.text for line in lines]
    reasons: list[str | None] = [None if t else "blank line" for t in texts]
    details = [""] * len(lines)
    result = CleanText(paragraphs=[], n_joined=sum(line.n_lines - 1 for line in lines))
    if "rules" in steps:
        reasons = [line_reason(t) for t in texts]
        for i, t in enumerate(texts):
            if reasons[i] in (None, "punctuation only") and _FOOTNOTE_MARK.match(t):
                reasons[i] = "footnote"
                j = i + 1
                while j < len(texts) and not texts[j]:
                    j += 1
                if j < len(texts) and reasons[j] is None and not _FOOTNOTE_MARK.match(texts[j]):
                    reasons[j] = "footnote"
    if "metadata" in steps:
        for i, line in enumerate(texts):
            if reasons[i] is not None or len(line) > MAX_BOILERPLATE_LEN:
                continue
            dated = match_dateline(line)
            if dated:
                reasons[i] = "dateline"
                result.dateline = result.dateline or dated[0]
                if dated[1] and dated[1].casefold() not in DATE_LABELS and not result.source_line:
                    result.source_line = dated[1]
                continue
            for pattern in SOURCE_PATTERNS:
                m = pattern.match(line)
                if m:
                    reasons[i] = "source line"
                    result.source_line = result.source_line or m["source"].strip()
                    break
    if "templates" in steps and boilerplate:
        learned = set(boilerplate)
        for i, t in enumerate(texts):
            if reasons[i] is None and line_key(t) in learned:
                reasons[i] = "template"
    if "menus" in steps:
        known = MENU_WORDS if boilerplate is None or "templates" not in steps else frozenset()
        for i in _menu_lines(texts, reasons, known):
            reasons[i] = "navigation menu"
    notes: dict[str, int] = {}
    if "placeholders" in steps:
        counts = Counter(line_key(t) for i, t in enumerate(texts) if reasons[i] is None)
        for i, t in enumerate(texts):
            n = counts.get(line_key(t), 0) if reasons[i] is None else 0
            if n >= PLACEHOLDER_MIN_REPEATS and len(t) <= PLACEHOLDER_MAX_CHARS and has_letters(t) \
                    and not opens_with_speaker_label(t):
                reasons[i], details[i] = "placeholder", f"line repeated {n} times"
        found = Counter(line_key(m.group()) for i, t in enumerate(texts) if reasons[i] is None
                        for m in _NOTE.finditer(t) if not _NUMERAL_NOTE.match(m.group()))
        notes = {k: n for k, n in found.items() if n >= PLACEHOLDER_MIN_REPEATS}

    kept: list[tuple[int, list[tuple[str, str | None]]]] = []  # (line index, language runs)
    for i, line in enumerate(lines):
        if reasons[i] is not None:
            result.removed.append(_removal(line, reasons[i], detail=details[i]))
            continue
        t = texts[i]
        if notes and _NOTE.search(t):
            pieces, at = [], 0
            for m in _NOTE.finditer(t):
                n = notes.get(line_key(m.group()))
                if n:
                    pieces.append(t[at:m.start()])
                    at = m.end()
                    result.removed.append(_removal(line, "placeholder", m.group(),
                                                   detail=f"note repeated {n} times"))
            pieces.append(t[at:])
            t = " ".join("".join(pieces).split())
            if not has_letters(t) and not t.strip(" .,;:!?。，；：！？"):
                continue
        runs = [(run, lang if has_letters(run) else None) for run, lang in language_runs(t)]
        kept.append((i, runs))

    units = _units(kept, texts, steps)
    removed_units = _repeated_units(units, lines, steps) if "repeats" in steps else {}
    result.n_glued = sum(u.glued for u in units)
    _paragraphs(result, kept, units, removed_units, lines)
    result.removed.sort(key=lambda r: r["line_no"])
    return result


def _units(kept: list[tuple[int, list[tuple[str, str | None]]]], texts: list[str], steps: tuple[str, ...]
           ) -> list[_Unit]:
    """The sentences of the kept lines, in document order (none when neither repeats nor glued runs)."""
    if "repeats" not in steps and "glued" not in steps:
        return []
    units: list[_Unit] = []
    for i, runs in kept:
        label = opens_with_speaker_label(texts[i])
        for r, (run, lang) in enumerate(runs):
            spans = split_sentences(run, lang or "en")
            for k, (start, end) in enumerate(spans):
                cuts = _glue_cuts(run, start, end) if lang != "zh" and "glued" in steps else []
                bounds = [start, *cuts, end]
                for j, (a, b) in enumerate(zip(bounds, bounds[1:])):
                    piece = run[a:b].strip()
                    if not piece:
                        continue
                    a += len(run[a:b]) - len(run[a:b].lstrip())
                    b = a + len(piece)
                    units.append(_Unit(i, r, a, b, _sentence_key(piece), j > 0,
                                       label and r == 0 and k == 0 and j == 0))
    return units


def _repeated_units(units: list[_Unit], lines: list[Line], steps: tuple[str, ...]) -> dict[int, int]:
    """Units to remove as repeats: ``{unit index: line_no of the first occurrence}``.

    A unit repeats when an earlier unit of the document has the same key; consecutive repeating units
    form a run, removed when it holds :data:`MIN_REPEAT_CHARS` characters or more and is a whole
    paragraph or :data:`MIN_PASSAGE_CHARS` long, unless it is the lone first sentence of a speaker's
    turn.
    """
    first: dict[str, int] = {}
    repeat_of: list[int | None] = []
    for n, unit in enumerate(units):
        if unit.key in first and has_letters(unit.key):
            repeat_of.append(first[unit.key])
        else:
            first.setdefault(unit.key, n)
            repeat_of.append(None)
    out: dict[int, int] = {}
    line_span: dict[int, list[int]] = {}
    for k, unit in enumerate(units):
        line_span.setdefault(unit.line, [k, k])[1] = k
    n = 0
    while n < len(units):
        if repeat_of[n] is None:
            n += 1
            continue
        m = n
        while m < len(units) and repeat_of[m] is not None:
            m += 1
        run = range(n, m)
        size = sum(len(units[k].key) for k in run)
        lone_label = m - n == 1 and units[n].label
        whole = any(n <= line_span[units[k].line][0] and line_span[units[k].line][1] < m for k in run)
        if size >= MIN_REPEAT_CHARS and (whole or size >= MIN_PASSAGE_CHARS) and not lone_label:
            for k in run:
                out[k] = lines[units[repeat_of[k]].line].line_no
        n = m
    return out


def _paragraphs(result: CleanText, kept: list[tuple[int, list[tuple[str, str | None]]]], units: list[_Unit],
                removed_units: dict[int, int], lines: list[Line]) -> None:
    """Fill ``result.paragraphs`` (and the repeats' rows of ``result.removed``) from the kept lines."""
    by_run: dict[tuple[int, int], list[int]] = {}
    for n, unit in enumerate(units):
        by_run.setdefault((unit.line, unit.run), []).append(n)
    letters: Counter = Counter()
    pending: list[tuple[int, str, str | None]] = []  # (line index, text, lang)
    headline_checked = False
    for i, runs in kept:
        line_text_for_headline: list[str] = []
        for r, (run, lang) in enumerate(runs):
            members = by_run.get((i, r), [])
            if not members or (not any(k in removed_units for k in members)
                               and not any(units[k].glued for k in members)):
                pieces = [run]
            else:
                pieces, group = [], None
                for k in members:
                    unit = units[k]
                    if k in removed_units:
                        if group is not None:
                            pieces.append(run[group[0]:group[1]])
                            group = None
                        prev = result.removed[-1] if result.removed else None
                        if prev is not None and prev.get("_unit") == (i, r, k - 1):
                            prev["text"] = run[prev["_start"]:unit.end]
                            prev["_unit"] = (i, r, k)
                        else:
                            row = _removal(lines[i], "repeated passage", run[unit.start:unit.end],
                                           first=removed_units[k],
                                           detail=f"first at line {removed_units[k]}")
                            row["_unit"], row["_start"] = (i, r, k), unit.start
                            result.removed.append(row)
                        continue
                    if group is None or unit.glued:
                        if group is not None:
                            pieces.append(run[group[0]:group[1]])
                        group = [unit.start, unit.end]
                    else:
                        group[1] = unit.end
                if group is not None:
                    pieces.append(run[group[0]:group[1]])
            if not pieces:
                continue
            para = "\n".join(pieces)
            if lang == "en" and not para.isascii():
                para = para.translate(_QUOTES)
            line_text_for_headline.append(para)
            if lang is not None:
                letters[lang] += len(_CJK.findall(para)) * 2 if lang == "zh" else len(_LATIN.findall(para))
            pending.append((i, para, lang))
        if line_text_for_headline and not headline_checked:  # the first kept line
            headline_checked = True
            joined = " ".join(line_text_for_headline).translate(_QUOTES)
            if len(joined) <= HEADLINE_MAX_CHARS and joined[-1] not in _FINAL_PUNCT and "\n" not in joined:
                result.headline = joined
    for row in result.removed:
        row.pop("_unit", None)
        row.pop("_start", None)
    main = letters.most_common(1)[0][0] if letters else "en"
    for _, para, lang in pending:
        lang = lang or main
        script = (script_of(para) or "") if lang == "zh" else ""
        result.paragraphs.append(Paragraph(len(result.paragraphs), para, lang, script))
