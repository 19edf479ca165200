"""File formats of a corpus folder: decoding bytes, the text of HTML and Markdown, the rows of CSV and JSONL.

Used by :func:`discourse.load.read_folder`; a file that cannot be used raises :class:`Unreadable`, whose
message becomes the reason in the load report.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import re
import threading
from html.parser import HTMLParser
from typing import NamedTuple

from discourse.text.clean import normalize_space

TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
TABLE_SUFFIXES = (".jsonl", ".csv")
#: Column (or JSON key) holding the text of a table row, in order of preference.
TEXT_COLUMNS = ("text", "content", "body")
#: Share of control bytes above which a file is taken as binary.
MAX_CONTROL_SHARE = 0.10
#: Bytes that are not control characters (deleted to count the control characters of a sample).
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in b"\t\n\r\x0c\x0b")
#: A character that is neither white space nor zero-width: a file without one is empty.
_CONTENT = re.compile(r"[^\s\u00a0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]")


class Unreadable(Exception):
    """A file cannot be loaded; the message is the load-report reason."""


#: Legacy encodings tried, after UTF-8 and the byte-order marks, by detection (charset-normalizer):
#: the encodings of the texts this project is used on (Chinese: GB18030 and Big5; Western European:
#: cp1252; Japanese: Shift-JIS; Korean: EUC-KR; Russian: cp1251).
CANDIDATES = ("gb18030", "big5", "cp1252", "shift_jis", "euc_kr", "cp1251")
#: Confidence (see :func:`decode_bytes`) below which the load report's decoding gets a warning.
LOW_CONFIDENCE = 0.9
#: Largest share of a file's non-ASCII sequences (invalid sequences and valid multi-byte characters)
#: that may be invalid UTF-8 for the file to stay UTF-8, its invalid bytes replaced. Measured on the
#: test texts (tests/data/encodings, dev part; test part in brackets): a text in a legacy encoding has
#: at least 0.714 of them invalid (smallest: GB18030 0.725 (0.714), Shift-JIS 0.778 (0.725), Big5
#: 0.774 (0.789), EUC-KR 0.825 (0.848), where some two-byte characters happen to be valid UTF-8;
#: cp1252 and cp1251 1.0); a UTF-8 text with one
#: damaged byte (a cp1252 byte pasted in, a character cut) at most 0.5 (0.5), when it holds at least
#: one other non-ASCII character (without one, nothing shows it is UTF-8).
UTF8_MAX_BAD_SHARE = 0.5

#: Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_NON_ASCII = bytes(range(128))
_COUNT = threading.local()
_ERRORS = "discourse-count-replace"


def _count_replace(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: one U+FFFD for each undecodable sequence, its bytes counted."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _COUNT.bytes += exc.end - exc.start
    _COUNT.marks += 1
    return "\ufffd", exc.end


codecs.register_error(_ERRORS, _count_replace)


class Decoded(NamedTuple):
    """A file's text and how it was decoded (see :func:`decode_bytes`)."""

    text: str
    encoding: str
    confidence: float
    replaced: int


def _decode_counting(raw: bytes, encoding: str) -> tuple[str, int, int]:
    """``raw`` decoded, each undecodable sequence replaced by U+FFFD; the bytes so replaced, and the
    U+FFFD marks put in."""
    _COUNT.bytes = _COUNT.marks = 0
    text = raw.decode(encoding, errors=_ERRORS)
    return text, _COUNT.bytes, _COUNT.marks


def decode_bytes(raw: bytes) -> Decoded:
    """Decode ``raw`` and say how; raise ``Unreadable`` for binary or empty content.

    Tried in order, each strictly:

    1. a byte-order mark: UTF-32, UTF-8 (``utf-8-sig``) or UTF-16, little- or big-endian;
    2. UTF-8; a file with invalid bytes stays UTF-8 when they make at most
       :data:`UTF8_MAX_BAD_SHARE` of its non-ASCII sequences (each invalid sequence becomes one
       U+FFFD, its bytes counted): a few bad bytes do not turn a UTF-8 text into another encoding's
       garbage;
    3. detection by charset-normalizer among :data:`CANDIDATES`, keeping only the decodings that are
       plausible (:func:`plausible`: one Chinese character alone inside an English sentence is a
       wrong guess): a decoding to typographic punctuation alone (English text; with Big5
       punctuation ’ “ ” — …, as in some public speech corpora) first, else the one
       charset-normalizer ranks first (least "mess", then most language coherence); a tie goes to
       the candidate listed first in :data:`CANDIDATES` (Chinese first), with a confidence to match.

    Binary content (NUL bytes without a byte-order mark, or more than :data:`MAX_CONTROL_SHARE`
    control bytes) and a text without any visible character are ``Unreadable``.

    What the rules beyond charset-normalizer earn, measured on the test texts (tests/data/encodings:
    dev | test parts, 294 | 267 whole files and 144 | 136 UTF-8 files with a damaged byte) and the
    public corpora: charset-normalizer alone (with UTF-8/16/32 among its candidates) decodes 2 | 0
    whole files wrongly and all damaged files (refused or read in another encoding); keeping damaged
    UTF-8 saves 39 | 37 of them from another encoding; the typographic rule saves 2 | 2 English texts
    in Big5; the plausibility check saves state_union's 1954-Eisenhower.txt ("½¢" in cp1252, read as
    one Big5 character); the tie rule saves the cpc_congress README saved in GB18030 (read as EUC-KR).
    With all of them no file of either part is decoded wrongly. Time for 10 MB (median of 3, one
    core): UTF-8 0.02 s, GB18030 Chinese 0.46 s, English with Big5 punctuation 0.94 s (a legacy file
    is decoded by each plausible candidate in full: a candidate that fails anywhere is not taken).

    Returns
    -------
    Decoded
        ``text``; ``encoding`` (a Python codec name: ``utf-8``, ``utf-8-sig``, ``utf-16-le``, ...,
        ``gb18030``, ``big5``, ``cp1252``, ``shift_jis``, ``euc_kr``, ``cp1251``); ``replaced``, the
        number of bytes replaced by U+FFFD; ``confidence`` in [0, 1]:

        - 1.0 for a byte-order mark or valid UTF-8;
        - UTF-8 with bad bytes: the share of its non-ASCII sequences that are valid (0.5 to 1);
        - a detected encoding: one minus charset-normalizer's mess ratio of the decoded text, times
          the share of non-ASCII sequences that are not valid UTF-8 for cp1252 and cp1251, divided
          by the number of different texts of the candidates charset-normalizer could not tell apart
          (see :func:`_detect`);
        - 0.0 when no candidate decodes the file plausibly: the text is then UTF-8 with its invalid
          bytes replaced.

        Below :data:`LOW_CONFIDENCE` the reader warns, naming the file. On the test texts no file
        was decoded wrongly with a confidence above it (tests/test_formats.py prints the figures).
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            text, replaced, _ = _decode_counting(raw[len(bom):], encoding.removesuffix("-sig"))
            return _checked(Decoded(text, encoding, 1.0, replaced))
    sample = raw[:8192]
    if b"\x00" in sample:
        raise Unreadable("binary content")
    controls = len(sample.translate(None, _NOT_CONTROL))
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        raise Unreadable("binary content")
    try:
        return _checked(Decoded(raw.decode("utf-8"), "utf-8", 1.0, 0))
    except UnicodeDecodeError:
        pass
    # The share of invalid sequences, from the built-in "replace" (fast even when every character is
    # invalid, as in a legacy file); U+FFFD characters validly encoded in the file are not marks.
    replaced_text = raw.decode("utf-8", errors="replace")
    marks = replaced_text.count("\ufffd") - raw.count(b"\xef\xbf\xbd")
    valid = len(replaced_text) - len(replaced_text.encode("ascii", "ignore")) - marks  # valid multi-byte
    share = marks / max(1, marks + valid)
    if share <= UTF8_MAX_BAD_SHARE:
        text, bad, marks = _decode_counting(raw, "utf-8")
        return _checked(Decoded(text, "utf-8", round(1.0 - share, 3), bad))
    detected = _detect(raw, utf8_share=share)
    if detected is None:
        text, bad, _ = _decode_counting(raw, "utf-8")
        return _checked(Decoded(text, "utf-8", 0.0, bad))
    return _checked(detected)


def _checked(decoded: Decoded) -> Decoded:
    if not _CONTENT.search(decoded.text):
        raise Unreadable("empty file")
    return decoded


#: The candidates of one byte per character: a real text in one of them almost never holds a valid
#: multi-byte UTF-8 sequence (an "Ã¼" or "â€™" in cp1252), so each one found lowers the confidence.
_SINGLE_BYTE = ("cp1252", "cp1251")


def _detect(raw: bytes, *, utf8_share: float) -> Decoded | None:
    """The decoding of ``raw`` among :data:`CANDIDATES` (see :func:`decode_bytes`); None when no
    candidate decodes it plausibly.

    Of the plausible decodings, one of typographic punctuation alone (English text) is preferred, the
    one with the most curly quotes, dashes and ellipses; otherwise charset-normalizer's first. Where
    charset-normalizer cannot tell candidates apart (its own tie: mess within 0.005, coherence within
    0.02; so for a short text), the first in :data:`CANDIDATES` is taken and the confidence divided by
    the number of different texts the tied candidates give. ``utf8_share`` is the share of the
    non-ASCII sequences of ``raw`` that are not valid UTF-8: it scales the confidence of a one-byte
    encoding, whose real texts almost never hold a valid UTF-8 sequence.
    """
    from charset_normalizer import from_bytes

    found: list[tuple[Decoded, float, float]] = []  # in charset-normalizer's order, with its scores
    for match in from_bytes(raw, cp_isolation=list(CANDIDATES)):
        # charset-normalizer reports once the encodings that give the same text: take the first of ours
        names = [codecs.lookup(name).name for name in match.could_be_from_charset]
        encoding = min((n for n in names if n in CANDIDATES), key=CANDIDATES.index, default=None)
        if encoding is None:
            continue
        try:
            text = raw.decode(encoding)  # strictly: a candidate that needs a replacement is not taken
        except UnicodeDecodeError:
            continue
        if plausible(text):
            confidence = (1.0 - float(match.chaos)) * (utf8_share if encoding in _SINGLE_BYTE else 1.0)
            found.append((Decoded(text, encoding, confidence, 0), float(match.chaos), float(match.coherence)))
    if not found:
        return None
    typographic = [f for f in found if not _NOT_TYPOGRAPHIC.search(f[0].text)]
    if typographic:
        def common(f: tuple[Decoded, float, float]) -> int:
            return sum(f[0].text.count(ch) for ch in _COMMON_PUNCTUATION)
        most = max(common(f) for f in typographic)
        tied = [f[0] for f in typographic if common(f) == most]
    else:
        _, chaos, coherence = found[0]
        tied = [d for d, c, h in found if abs(c - chaos) < 0.005 and abs(h - coherence) <= 0.02]
    best = min(tied, key=lambda d: CANDIDATES.index(d.encoding))
    texts = len({d.text for d in tied})
    return best._replace(confidence=round(best.confidence / texts, 3))


#: Characters no real text of the candidates' languages holds: C0/C1 controls, private use.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]")
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")
#: A character beyond ASCII other than typographic punctuation (’ “ ” — … and the ideographic space).
_NOT_TYPOGRAPHIC = re.compile(r"[^\x00-\x7f\u2010-\u205e\u3000]")
#: The punctuation beyond ASCII of most English texts.
_COMMON_PUNCTUATION = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026"
#: Non-ASCII letters examined by :func:`plausible` (enough to judge a text; bounds its time).
_PLAUSIBLE_SAMPLE = 20_000


def _script(ch: str) -> str:
    """The script of a letter, coarsely: latin, greek, cyrillic, cjk (Han, kana, Hangul), other."""
    cp = ord(ch)
    if cp < 0x250 or 0x1E00 <= cp < 0x1F00:
        return "latin"
    if 0x370 <= cp < 0x400 or 0x1F00 <= cp < 0x2000:
        return "greek"
    if 0x400 <= cp < 0x530:
        return "cyrillic"
    if (0x1100 <= cp < 0x1200 or 0x2E80 <= cp < 0xA000 or 0xAC00 <= cp < 0xD7B0
            or 0xF900 <= cp < 0xFB00 or 0xFF00 <= cp < 0xFFF0 or 0x20000 <= cp < 0x32000):
        return "cjk"
    return "other"


def plausible(text: str) -> bool:
    """Whether ``text`` looks like a real decoding: no control or private-use characters, and at
    least half of its letters beyond ASCII have a neighbour that is a letter of the same script.

    A wrong legacy decoding scatters letters of a foreign script alone among the text's own (a
    Chinese character between two English words; a Cyrillic letter inside a French word), while
    real text keeps its letters together (Chinese characters next to each other, é inside a Latin
    word).
    """
    if _CONTROL.search(text):
        return False
    together = alone = 0
    for m in _BEYOND_ASCII.finditer(text):
        ch = m.group()
        if not ch.isalpha():
            continue
        i, script = m.start(), _script(ch)
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if any(n.isalpha() and _script(n) == script for n in (before, after)):
            together += 1
        else:
            alone += 1
        if together + alone >= _PLAUSIBLE_SAMPLE:
            break
    return together >= alone


class _HTMLText(HTMLParser):
    """Text of an HTML page: block elements become lines; script, style, nav, header, footer dropped."""

    DROP = {"script", "style", "nav", "header", "footer", "noscript", "template", "head"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
             "blockquote", "pre", "ul", "ol", "table", "dd", "dt", "figcaption", "main", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._drop = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self.DROP:
            self._drop += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self.DROP:
            self._drop = max(0, self._drop - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._drop:
            self.parts.append(data)

    def text(self) -> str:
        lines = (normalize_space(line) for line in "".join(self.parts).split("\n"))
        return "\n".join(line for line in lines if line)


_MD_RULES = [(re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""), (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),
             (re.compile(r"^\s{0,3}(?:#{1,6}|>)\s*", re.M), ""), (re.compile(r"(\*\*|__)(.+?)\1"), r"\2")]


def _markdown_text(text: str) -> str:
    """Markdown to plain text: images out, links to their text, heading/quote markers and bold marks off."""
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text


def csv_records(text: str) -> tuple[list[str], list[tuple[int, int, dict]], list[str]]:
    """The rows of a CSV text, strictly: its column names, ``(row number, line number, record)`` of
    each data row, and notes.

    The first row is the header (names stripped of spaces; a blank or repeated name makes the file
    ``Unreadable``). Data rows are numbered from 1, blank lines left out; the line number is the
    row's first line (a quoted field may span lines). A row with more or fewer fields than the
    header is not read (a note names it, its line and its field count): it is never shifted into
    the other columns.
    """
    if csv.field_size_limit() < len(text):  # a speech in one field may exceed the default 128 KiB
        csv.field_size_limit(len(text) + 1)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next((row for row in reader if row), None)
        if header is None:
            raise Unreadable("empty CSV (no header)")
        names = [name.strip() for name in header]
        blank = [i + 1 for i, name in enumerate(names) if not name]
        if blank:
            raise Unreadable(f"CSV header: column {blank[0]} has no name")
        repeated = sorted({name for name in names if names.count(name) > 1})
        if repeated:
            raise Unreadable(f"CSV header: column {repeated[0]!r} is named twice")
        records: list[tuple[int, int, dict]] = []
        notes: list[str] = []
        n, line = 0, reader.line_num + 1
        for row in reader:
            if row:
                n += 1
                if len(row) != len(names):
                    notes.append(f"row {n} (line {line}): {len(row)} fields, expected {len(names)} "
                                 f"({', '.join(names)}); row not read")
                else:
                    records.append((n, line, dict(zip(names, row))))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise Unreadable(f"unreadable CSV at line {reader.line_num}: {exc}") from None
    return names, records, notes


#: Metadata fields whose value must be text (a JSON string); ``year`` may also be an integer.
TEXT_FIELDS = ("title", "speaker", "source", "date")


def _json_kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _jsonl_records(text: str) -> tuple[list[tuple[int, dict]], list[str]]:
    """``(line number, record)`` of each JSON object of a JSONL text, and notes on the lines that
    are not one, and on values of the wrong type (left out: see :func:`extract_documents`)."""
    records, notes = [], []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            notes.append(f"line {n}: invalid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            notes.append(f"line {n}: not a JSON object")
            continue
        records.append((n, record))
    return records, notes


def _checked_meta(n: int, record: dict) -> tuple[dict, list[str]]:
    """The metadata of JSONL row ``n`` with values of the wrong type left out, and notes naming them.

    :data:`TEXT_FIELDS` must be strings; ``year`` a string or an integer; any other field a string,
    a number, true/false or null (lists and objects are left out).
    """
    meta, notes = {}, []
    for key, value in record.items():
        name = str(key).strip().lower()
        if name in TEXT_FIELDS:
            bad = value is not None and not isinstance(value, str)
        elif name == "year":
            bad = value is not None and (isinstance(value, bool) or not isinstance(value, (str, int)))
        else:
            bad = isinstance(value, (list, dict))
        if bad:
            shown = json.dumps(value, ensure_ascii=False)
            shown = shown if len(shown) <= 40 else shown[:37] + "..."
            notes.append(f"row {n}: {key!r} is {_json_kind(value)} ({shown}), not text; left out")
        else:
            meta[key] = value
    return meta, notes


def extract_documents(text: str, suffix: str) -> tuple[list[tuple[int | None, str, dict]], list[str]]:
    """The documents of one decoded file, ``(row number or None, text, metadata)``, and notes.

    A text file gives one document (metadata: the HTML ``<title>``); a table gives one per row with
    text (metadata: the other columns). Notes name, by row (CSV: data row; JSONL: line), what was not
    read: rows without text, a text that is not a string (the row), a CSV row with the wrong number of
    fields (the row, see :func:`csv_records`), a JSONL line that is not a JSON object (the line), a
    metadata value of the wrong type (that value, see :data:`TEXT_FIELDS`); the other rows load.
    """
    if suffix in (".html", ".htm"):
        parser = _HTMLText()
        parser.feed(text)
        parser.close()
        title = normalize_space("".join(parser.title))
        if not parser.text():
            raise Unreadable("no text in the HTML page")
        return [(None, parser.text(), {"title": title} if title else {})], []
    if suffix == ".md":
        return [(None, _markdown_text(text), {})], []
    if suffix == ".txt":
        return [(None, text, {})], []
    if suffix == ".csv":
        _, rows, notes = csv_records(text)
        records = [(n, rec) for n, _, rec in rows]
    else:
        records, notes = _jsonl_records(text)
    columns = {str(k).strip().lower(): k for _, rec in records for k in rec}
    key = next((columns[c] for c in TEXT_COLUMNS if c in columns), None)
    if key is None:
        raise Unreadable(f"no text column (expected one of {', '.join(TEXT_COLUMNS)})")
    docs = []
    for n, rec in records:
        body = rec.pop(key, None)
        if body is not None and not isinstance(body, str):
            notes.append(f"row {n}: {key!r} is {_json_kind(body)}, not text; row not read")
            continue
        if body is None or not normalize_space(body):
            notes.append(f"row {n}: no text")
            continue
        meta, problems = _checked_meta(n, rec) if suffix == ".jsonl" else (rec, [])
        notes.extend(problems)
        docs.append((n, body, meta))
    return docs, notes


