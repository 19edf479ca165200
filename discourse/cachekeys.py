"""Where the cache lives, and the keys its entries are stored under.

A document's key is the SHA-256 of its text, the metadata that processing reads (``speaker``), the
settings dict, the package version, ``PIPELINE_VERSION``, a fingerprint of the processing code and the
versions of the libraries that tokenize and tag: change any of them and the document is processed
again. A corpus's pack id hashes its ordered document ids and keys. Documents' ``info`` dicts are
stored as JSON, dates included (:func:`dumps_info`).
"""
from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import json
import os
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from .load import Document

#: Document metadata that processing reads, and so part of the key.
KEY_META = ("speaker",)
#: Libraries whose version changes tokens or tags.
KEY_LIBRARIES = ("nltk", "textblob", "jieba", "pandas")
#: Modules of the package that play no part in processing a document (left out of the code fingerprint).
_NOT_PROCESSING = {
    "__init__.py", "__main__.py", "cache.py", "cachekeys.py", "cli.py", "concordance.py", "corpus.py", "density.py",
    "distinctive.py", "engine.py", "errors.py", "formats.py", "load.py", "loader.py", "outputs.py",
    "params.py", "plots.py", "profile.py", "provenance.py", "report.py", "report_index.py",
    "notebook_tables.py", "shift.py", "terms.py", "validate.py",
}
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
