"""Cleaning one document's text: boilerplate out, whitespace and quotes normalised, one language per paragraph.

The input is a document as read (one paragraph per line, as in the sample corpus and in the usual
plain-text corpora). Every line that is not discourse is removed *and recorded* with a reason, so a reader
can check what was dropped. The rules are data, listed at the top of the module:

- ``LINE_RULES``: whole-line patterns (footer, image remnant, stray punctuation, byline) and their reason;
- ``DATELINE_PATTERNS`` / ``SOURCE_PATTERNS``: metadata lines ("Updated:2024.12.25", "川观新闻2023-08-01",
  "来源:川观新闻", "Source: Sichuan Observer News"); they are removed and what they say is returned;
- ``MENU_WORDS``: navigation-menu entries, removed when two or more stand in a block; a block of
  ``MENU_MIN_BLOCK`` or more short title-case lines is a menu too, whatever the words.

Quotes: curly quotes become straight ones in English paragraphs; Chinese paragraphs keep their curly
(full-width) quotation marks, which are the standard Chinese quotation marks and are treated as
punctuation by the Chinese tokenizer. Whitespace: no-break, full-width and other Unicode spaces become plain
spaces, zero-width characters are dropped, runs of spaces collapse, and indentation is stripped.
A paragraph repeated inside a document is kept once (the repeats are recorded), unless it is shorter
than ``MIN_REPEAT_CHARS``: short repeats are usually a speaker's refrain.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from discourse.errors import ParameterError

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


def _line_reason(line: str) -> str | None:
    if not line:
        return "blank line"
    if len(line) > MAX_BOILERPLATE_LEN:
        return None
    for pattern, reason in LINE_RULES:
        if pattern.search(line):
            return reason
    return None


def _menu_lines(lines: list[str], reasons: list[str | None]) -> set[int]:
    """Indices of lines that form a navigation menu (blank and stray lines do not break a block)."""
    blocks: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if reasons[i] in ("blank line", "stray question marks", "punctuation only"):
            continue
        if reasons[i] is None and len(line) <= 40 and (
                line.casefold() in MENU_WORDS or _SHORT_TITLE.match(line)):
            blocks[-1].append(i)
        elif blocks[-1]:
            blocks.append([])
    menu: set[int] = set()
    for block in blocks:
        known = sum(lines[i].casefold() in MENU_WORDS for i in block)
        if len(block) >= MENU_MIN_BLOCK or (known >= 2 and known == len(block)):
            menu.update(block)
    return menu


def clean_text(text: str) -> CleanText:
    """Remove boilerplate and metadata lines, normalise, split into one-language paragraphs.

    Parameters
    ----------
    text : str
        A document as read; each non-blank line is one paragraph.

    Returns
    -------
    CleanText
        ``paragraphs`` (``Paragraph(para_id, text, lang)``, ``para_id`` from 0; a line mixing a Chinese
        and an English run gives one paragraph per run), ``removed`` (dicts with ``line_no`` from 1, the
        original ``text`` of the line, and ``reason``: ``blank line``, ``stray question marks``,
        ``punctuation only``, ``image remnant``, ``footer``, ``byline``, ``navigation menu``,
        ``dateline``, ``source line``, ``repeated paragraph``), ``dateline``, ``source_line`` and
        ``headline``.
    """
    if not isinstance(text, str):
        raise ParameterError(f"text must be a str, got {type(text).__name__}")
    raw_lines = text.splitlines()
    if _ZERO_WIDTH.search(text):
        lines = [normalize_space(line) for line in raw_lines]
    else:  # nothing to drop: only the spaces to normalise (as normalize_space does)
        lines = [" ".join(line.split()) for line in raw_lines]
    reasons = [_line_reason(line) for line in lines]
    result = CleanText(paragraphs=[])
    for i, line in enumerate(lines):
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
    for i in _menu_lines(lines, reasons):
        reasons[i] = "navigation menu"

    seen: set[str] = set()
    for i, line in enumerate(lines):
        if reasons[i] is not None:
            result.removed.append({"line_no": i + 1, "text": raw_lines[i], "reason": reasons[i]})
            continue
        runs = language_runs(line)
        if result.headline is None and not result.paragraphs and len(line) <= HEADLINE_MAX_CHARS \
                and line[-1] not in _FINAL_PUNCT:
            result.headline = " ".join(run for run, _ in runs).translate(_QUOTES)
        for run, lang in runs:
            run = run.translate(_QUOTES) if lang == "en" and not run.isascii() else run
            key = run.casefold()
            if key in seen and len(run) >= MIN_REPEAT_CHARS:
                result.removed.append({"line_no": i + 1, "text": run, "reason": "repeated paragraph"})
                continue
            seen.add(key)
            result.paragraphs.append(Paragraph(len(result.paragraphs), run, lang))
    result.removed.sort(key=lambda r: r["line_no"])
    return result
