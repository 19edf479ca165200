"""File formats of a corpus folder: decoding bytes, the text of HTML and Markdown, the rows of CSV and JSONL.

Used by :func:`discourse.load.read_folder`; a file that cannot be used raises :class:`Unreadable`, whose
message becomes the reason in the load report.
"""
from __future__ import annotations

import io
import json
import re
from html.parser import HTMLParser

import pandas as pd

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

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")


class Unreadable(Exception):
    """A file cannot be loaded; the message is the load-report reason."""


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode ``raw`` and name the encoding; raise ``Unreadable`` for binary or empty content.

    Tried in order: UTF-8 (``utf-8-sig`` with a byte-order mark), GB18030 (accepted only if the text is
    plausibly Chinese: CJK characters, mostly next to other CJK characters, and no control characters),
    Big5 (accepted only if every non-ASCII character is punctuation such as ’ “ ” — …: English text
    saved through a Big5 system, as in some public speech corpora), then ``cp1252`` when bytes
    0x80-0x9F occur and decode, else ``latin-1``.
    """
    sample = raw[:8192]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Unreadable("unsupported encoding UTF-16 (save the file as UTF-8)")
    if b"\x00" in sample:
        raise Unreadable("binary content")
    controls = len(sample.translate(None, _NOT_CONTROL))
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        raise Unreadable("binary content")
    if raw.startswith(b"\xef\xbb\xbf"):
        text, enc = raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    else:
        try:
            text, enc = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, enc = _decode_legacy(raw)
    if not _CONTENT.search(text):
        raise Unreadable("empty file")
    return text, enc


def _decode_legacy(raw: bytes) -> tuple[str, str]:
    try:
        text = raw.decode("gb18030")
        cjk = [m.start() for m in _CJK.finditer(text)]
        neighbours = set(cjk)
        clustered = sum((i - 1 in neighbours) or (i + 1 in neighbours) for i in cjk)
        if cjk and not _CONTROL.search(text) and clustered >= len(cjk) / 2:
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    try:  # English text whose only non-ASCII characters are Big5-encoded punctuation (’ “ ” — …)
        text = raw.decode("big5")
        if all(ch < "\x80" or "\u2010" <= ch <= "\u2027" for ch in text):
            return text, "big5"
    except UnicodeDecodeError:
        pass
    if any(0x80 <= b <= 0x9F for b in raw):
        try:
            return raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return raw.decode("latin-1"), "latin-1"


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


def _table_records(text: str, suffix: str) -> tuple[list[tuple[int, dict]], list[str]]:
    """``(row number, record)`` pairs of a CSV or JSONL file, and notes on rows that cannot be read."""
    notes: list[str] = []
    if suffix == ".csv":
        try:
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        except (ValueError, pd.errors.ParserError) as exc:
            raise Unreadable(f"unreadable CSV: {exc}") from None
        frame.columns = [str(c).strip() for c in frame.columns]
        return list(enumerate(frame.to_dict("records"), start=1)), notes
    records = []
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


def extract_documents(text: str, suffix: str) -> tuple[list[tuple[int | None, str, dict]], list[str]]:
    """The documents of one decoded file, ``(row number or None, text, metadata)``, and notes.

    A text file gives one document (metadata: the HTML ``<title>``); a table gives one per row with
    text (metadata: the other columns); rows without text are named in the notes.
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
    records, notes = _table_records(text, suffix)
    columns = {str(k).strip().lower(): k for _, rec in records for k in rec}
    key = next((columns[c] for c in TEXT_COLUMNS if c in columns), None)
    if key is None:
        raise Unreadable(f"no text column (expected one of {', '.join(TEXT_COLUMNS)})")
    docs = []
    for n, rec in records:
        body = rec.pop(key, None)
        if not isinstance(body, str) or not normalize_space(body):
            notes.append(f"row {n}: no text")
            continue
        docs.append((n, body, rec))
    return docs, notes


