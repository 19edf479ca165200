"""What reading a folder learns from each text, remembered between loads (``texts.json`` in the cache).

Reading a corpus folder (:func:`discourse.reading.read.read_folder`) takes two things from every text besides
its bytes: the metadata the text itself shows (a dateline, a headline, a "Source:" line; found by
cleaning its first and last lines) and the fingerprint that finds exact duplicates (the text with
its whitespace normalised). Both depend on the text alone, and finding them costs more than reading
the file, so a :class:`TextFacts` memo keeps them under a digest of the text. With the memo, an
unchanged text is still read and hashed in full (nothing is trusted to file dates or sizes), but
not cleaned again.

Each entry is keyed by the text's digest and carries a check: a digest of that key and the entry's
facts together. An entry whose check fails (a hand-edited or damaged ``texts.json``) is dropped, so its
text's facts are found again from the text: an edited entry can never make two distinct texts look
like duplicates, nor give a text another's date.

The memo is a JSON file beside the processed documents in the cache folder. It is written whole to
a temporary file and renamed, so a reader never sees a half-written file; two processes writing at
once keep one of their versions, which is always valid. It records a fingerprint of the code that
finds the facts and is ignored when that code changes; an unreadable file is ignored too (the facts
are found again and the file rewritten). At most :data:`MAX_ENTRIES` texts are kept, the most
recently used.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import uuid
from pathlib import Path
from typing import NamedTuple

#: Texts remembered at most; the least recently used are dropped beyond this.
MAX_ENTRIES = 200_000
#: File name of the memo in the cache folder.
FILE_NAME = "texts.json"


class Facts(NamedTuple):
    """What a text shows of itself: ``date`` (ISO), ``title`` and ``source`` (None where absent),
    and ``fingerprint``, equal for texts that differ only in whitespace."""

    date: str | None
    title: str | None
    source: str | None
    fingerprint: str


def text_digest(text: str) -> str:
    """A digest of ``text`` (32 hex digits, BLAKE2b): the memo's key."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def whitespace_fingerprint(text: str) -> str:
    """A digest of ``text`` with every run of whitespace read as one space and the ends stripped."""
    return text_digest(" ".join(text.split()))


def _check(digest: str, values: list) -> str:
    """The check of a memo entry: a digest of its key (the text's digest) and its facts together."""
    return text_digest(json.dumps([digest, *values], ensure_ascii=False))


@functools.lru_cache(maxsize=1)
def facts_code() -> str:
    """A fingerprint of the modules that find the facts (reading, formats and cleaning), by their
    paths in the package and their sources."""
    package = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for name in ("reading/facts.py", "reading/read.py", "reading/formats.py", "text/clean.py"):
        h.update(name.encode("utf-8") + b"\0" + (package / name).read_bytes())
    return h.hexdigest()[:32]


class TextFacts:
    """A memo of :class:`Facts` by text digest, kept in ``path`` (None: in memory only).

    Parameters
    ----------
    path : str or Path, optional
        The JSON file; read now if it exists and is valid, written by :meth:`save`.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self._facts: dict[str, list] = {}
        self._changed = False
        self.hits = 0
        self.misses = 0
        if self.path is not None:
            self._facts = self._load(self.path)

    @staticmethod
    def _load(path: Path) -> dict[str, list]:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("code") != facts_code() or \
                not isinstance(data.get("facts"), dict):
            return {}
        return {k: v[:4] for k, v in data["facts"].items()
            if isinstance(v, list) and len(v) == 5 and v[4] == _check(k, v[:4])}

    def __len__(self) -> int:
        return len(self._facts)

    def get(self, digest: str) -> Facts | None:
        """The facts of the text with ``digest``, or None if not remembered."""
        found = self._facts.get(digest)
        if found is None:
            self.misses += 1
            return None
        self.hits += 1
        # most recently used last, so that trimming drops the oldest
        del self._facts[digest]
        self._facts[digest] = found
        return Facts(*found)

    def put(self, digest: str, facts: Facts) -> None:
        """Remember ``facts`` for the text with ``digest``."""
        self._facts.pop(digest, None)
        self._facts[digest] = list(facts)
        self._changed = True

    def save(self) -> bool:
        """Write the memo if anything was added (and a path is set); True if written.

        A cache folder that cannot be written is not an error: the facts are found again next time.
        """
        if self.path is None or not self._changed:
            return False
        if len(self._facts) > MAX_ENTRIES:
            for digest in list(self._facts)[:len(self._facts) - MAX_ENTRIES]:
                del self._facts[digest]
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}-{uuid.uuid4().hex}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            entries = {k: [*v, _check(k, v)] for k, v in self._facts.items()}
            tmp.write_text(json.dumps({"code": facts_code(), "facts": entries}, ensure_ascii=False),
                           encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
            return False
        self._changed = False
        return True
