"""A Parquet cache of processed documents, so unchanged documents are never processed twice.

Each document's tables (``sentences``, ``tokens``, ``directives``, ``removed``, ``people``) and its
``info`` are stored under a key: the SHA-256 of its text, the metadata that processing reads
(``speaker``), the settings dict, the package version, ``PIPELINE_VERSION``, a fingerprint of the
processing code and the versions of the libraries that tokenize and tag. Change any of them and the
document is processed again; nothing else is.

Layout of a cache folder (default ``.cache/discourse/`` in the project: see :func:`default_cache_dir`)::

    docs/ab/<key>/sentences.parquet ... people.parquet, info.json   one entry per document
    packs/<pack id>/<table>.parquet, infos.json                      one per corpus (all its documents)
    tmp/                                                              entries being written

A *pack* holds the concatenated tables of a whole corpus, keyed by the ordered list of its documents'
ids and keys, so reloading an unchanged corpus reads five files instead of five per document. Every
entry is written to ``tmp/`` and renamed into place, so a process never reads a half-written entry;
an unreadable entry counts as a miss and is rewritten.
"""
from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import json
import os
import shutil
import uuid
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from .load import Document
    from .pipeline import DocumentTables

#: The tables stored for each document, in the order of :class:`~discourse.pipeline.DocumentTables`.
TABLES = ("sentences", "tokens", "directives", "removed", "people")
#: Document metadata that processing reads, and so part of the key.
KEY_META = ("speaker",)
#: Libraries whose version changes tokens or tags.
KEY_LIBRARIES = ("nltk", "textblob", "jieba", "pandas")
#: Modules of the package that play no part in processing a document (left out of the code fingerprint).
_NOT_PROCESSING = {
    "__init__.py", "__main__.py", "cache.py", "cli.py", "concordance.py", "corpus.py", "density.py",
    "distinctive.py", "engine.py", "errors.py", "formats.py", "load.py", "loader.py", "outputs.py",
    "params.py", "plots.py", "profile.py", "provenance.py", "report.py", "report_index.py",
    "notebook_tables.py", "shift.py", "terms.py", "validate.py",
}
#: Packs kept at most; the least recently used are removed beyond this.
MAX_PACKS = 8
_ROOT_MARKERS = (".git", "pyproject.toml")
#: Environment variable naming the cache folder (or ``off``) when ``cache=`` is not given.
CACHE_ENV = "DISCOURSE_CACHE_DIR"
_OFF = {"off", "false", "0", "no", "none"}


def _enclosing_project(folder: str | Path) -> Path | None:
    start = Path(folder).resolve()
    for candidate in (start, *start.parents):
        if any((candidate / marker).exists() for marker in _ROOT_MARKERS):
            return candidate
    return None


def project_root(folder: str | Path) -> Path:
    """The nearest ancestor of ``folder`` (itself included) holding ``.git`` or ``pyproject.toml``.

    Falls back to ``folder`` itself when no ancestor has either.
    """
    return _enclosing_project(folder) or Path(folder).resolve()


def default_cache_dir(folder: str | Path) -> Path:
    """Where a corpus's processed tables go by default.

    ``.cache/discourse/`` in the project that holds the corpus ``folder``; for a corpus outside any
    project (a shared data folder, which stays untouched: raw data are never written to), the project
    of the working directory, else ``~/.cache/discourse``.
    """
    project = _enclosing_project(folder) or _enclosing_project(Path.cwd())
    if project is None:
        return Path.home() / ".cache" / "discourse"
    return project / ".cache" / "discourse"


def resolve_cache_dir(cache: bool | str | Path | None, folder: str | Path | None) -> Path | None:
    """The cache folder for a ``cache=`` option: ``False`` off, a path there, ``None``/``True`` default.

    With ``None``, the environment variable ``DISCOURSE_CACHE_DIR`` decides when it is set (a folder,
    or ``off``), so that a report's notebooks share the cache chosen on its command line. The default
    needs the corpus ``folder``; in-memory corpora (no folder) are not cached by default.
    """
    if cache is False:
        return None
    if cache is None:
        env = os.environ.get(CACHE_ENV, "").strip()
        if env:
            return None if env.lower() in _OFF else Path(env).expanduser()
    if cache is None or cache is True:
        return default_cache_dir(folder) if folder is not None else None
    return Path(cache)


# ---------------------------------------------------------------------------------------- keys
@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """SHA-256 over the source of the modules that process documents and their resource files."""
    package = Path(__file__).resolve().parent
    h = hashlib.sha256()
    files = [p for p in sorted(package.glob("*.py")) if p.name not in _NOT_PROCESSING]
    resources = package / "resources"
    if resources.is_dir():
        files += sorted(p for p in resources.rglob("*") if p.is_file())
    for path in files:
        h.update(str(path.relative_to(package)).encode("utf-8"))
        h.update(b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def library_versions() -> dict[str, str]:
    """Versions of the libraries named in :data:`KEY_LIBRARIES` (``""`` when not installed)."""
    versions = {}
    for name in KEY_LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = ""
    return versions


def document_key(doc: "Document", settings: dict) -> str:
    """The cache key of ``doc`` processed with ``settings`` (64 hex digits)."""
    from . import __version__
    from .pipeline import PIPELINE_VERSION

    context = {
        "meta": {k: doc.meta.get(k) for k in KEY_META},
        "settings": settings,
        "package": __version__,
        "pipeline": PIPELINE_VERSION,
        "code": code_fingerprint(),
        "libraries": library_versions(),
    }
    h = hashlib.sha256(json.dumps(context, sort_keys=True, default=str).encode("utf-8"))
    h.update(b"\0")
    h.update(doc.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def pack_id(doc_ids: Sequence[str], keys: Sequence[str]) -> str:
    """The id of the pack of a corpus: SHA-256 over its ordered document ids and keys."""
    h = hashlib.sha256()
    for doc_id, key in zip(doc_ids, keys):
        h.update(f"{doc_id}\t{key}\n".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


# ---------------------------------------------------------------------------------------- info as JSON
def _encode(value: Any) -> Any:
    if isinstance(value, (pd.Timestamp, _dt.datetime)):
        return {"__datetime__": value.isoformat()}
    if isinstance(value, _dt.date):
        return {"__date__": value.isoformat()}
    raise TypeError(f"cannot store {type(value).__name__} in the cache")


def _decode(obj: dict) -> Any:
    if "__datetime__" in obj:
        return _dt.datetime.fromisoformat(obj["__datetime__"])
    if "__date__" in obj:
        return _dt.date.fromisoformat(obj["__date__"])
    return obj


def dumps_info(info: Any) -> str | None:
    """``info`` as JSON, or None when it would not read back equal (such entries are not stored)."""
    try:
        text = json.dumps(info, default=_encode, sort_keys=True)
    except (TypeError, ValueError):
        return None
    return text if json.loads(text, object_hook=_decode) == info else None


def loads_info(text: str) -> Any:
    """The inverse of :func:`dumps_info`."""
    return json.loads(text, object_hook=_decode)


# ---------------------------------------------------------------------------------------- files
def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path)


def _read_parquet(path: Path) -> pd.DataFrame:
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pandas()


@dataclass
class CacheStats:
    """What one run did with the cache: documents found, processed, stored, entries found broken."""

    hits: int = 0
    misses: int = 0
    writes: int = 0
    broken: int = 0
    unstorable: int = 0
    pack_hit: bool = False


class DocumentCache:
    """Processed documents stored as Parquet under ``root`` (see the module docstring for the layout).

    Parameters
    ----------
    root : str or Path
        The cache folder; created on first write.
    """

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.stats = CacheStats()

    def __repr__(self) -> str:  # pragma: no cover - convenience
        return f"DocumentCache({str(self.root)!r}, {self.stats})"

    # ------------------------------------------------------------------ entries
    def _entry(self, key: str) -> Path:
        return self.root / "docs" / key[:2] / key

    def _staging(self) -> Path:
        tmp = self.root / "tmp" / f"{os.getpid()}-{uuid.uuid4().hex}"
        tmp.mkdir(parents=True)
        return tmp

    def _publish(self, staging: Path, final: Path) -> bool:
        """Rename ``staging`` to ``final``; False if another process got there first."""
        final.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.rename(staging, final)
            return True
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
            return False

    def get(self, key: str, doc_id: str) -> "DocumentTables | None":
        """The stored tables of the document with ``key``, labelled ``doc_id``; None on a miss."""
        from .pipeline import DocumentTables

        entry = self._entry(key)
        if not entry.is_dir():
            self.stats.misses += 1
            return None
        try:
            info = loads_info((entry / "info.json").read_text(encoding="utf-8"))
            frames = {}
            for name in TABLES:
                frame = _read_parquet(entry / f"{name}.parquet")
                frame.insert(0, "doc_id", doc_id)
                frames[name] = frame
        except Exception:  # an unreadable entry is recomputed, never fatal
            self.stats.broken += 1
            self.stats.misses += 1
            shutil.rmtree(entry, ignore_errors=True)
            return None
        self.stats.hits += 1
        return DocumentTables(doc_id, info=info, **frames)

    def put(self, key: str, tables: "DocumentTables") -> bool:
        """Store ``tables`` under ``key`` (atomically); False if they cannot be stored exactly."""
        info = dumps_info(tables.info)
        if info is None:
            self.stats.unstorable += 1
            return False
        staging = self._staging()
        try:
            (staging / "info.json").write_text(info, encoding="utf-8")
            for name in TABLES:
                frame = getattr(tables, name)
                _write_parquet(frame.drop(columns=["doc_id"], errors="ignore"),
                               staging / f"{name}.parquet")
        except Exception:
            shutil.rmtree(staging, ignore_errors=True)
            self.stats.unstorable += 1
            return False
        entry = self._entry(key)
        if entry.exists():  # a broken entry left behind: replace it
            shutil.rmtree(entry, ignore_errors=True)
        stored = self._publish(staging, entry)
        self.stats.writes += stored
        return stored

    # ------------------------------------------------------------------ packs
    def read_pack(self, pid: str) -> tuple[dict[str, pd.DataFrame], list[dict]] | None:
        """The concatenated tables and the documents' infos of pack ``pid``, or None."""
        folder = self.root / "packs" / pid
        if not folder.is_dir():
            return None
        try:
            infos = loads_info((folder / "infos.json").read_text(encoding="utf-8"))
            tables = {name: _read_parquet(folder / f"{name}.parquet") for name in TABLES}
        except Exception:
            self.stats.broken += 1
            shutil.rmtree(folder, ignore_errors=True)
            return None
        os.utime(folder)  # most recently used
        self.stats.pack_hit = True
        self.stats.hits += len(infos)
        return tables, infos

    def write_pack(self, pid: str, tables: dict[str, pd.DataFrame], infos: list[dict]) -> bool:
        """Store a corpus's concatenated ``tables`` and ``infos`` as pack ``pid``; prune old packs."""
        text = dumps_info(infos)
        final = self.root / "packs" / pid
        if text is None or final.exists():
            return False
        staging = self._staging()
        try:
            (staging / "infos.json").write_text(text, encoding="utf-8")
            for name in TABLES:
                _write_parquet(tables[name], staging / f"{name}.parquet")
        except Exception:
            shutil.rmtree(staging, ignore_errors=True)
            return False
        stored = self._publish(staging, final)
        self.prune_packs()
        return stored

    def prune_packs(self, keep: int = MAX_PACKS) -> None:
        """Remove all but the ``keep`` most recently used packs."""
        folder = self.root / "packs"
        if not folder.is_dir():
            return
        packs = sorted((p for p in folder.iterdir() if p.is_dir()),
                       key=lambda p: p.stat().st_mtime, reverse=True)
        for old in packs[keep:]:
            shutil.rmtree(old, ignore_errors=True)

    def clear(self) -> None:
        """Remove every entry and pack of this cache folder."""
        for part in ("docs", "packs", "tmp"):
            shutil.rmtree(self.root / part, ignore_errors=True)
