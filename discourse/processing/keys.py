"""The keys the cache stores processed documents under, and their infos as JSON.

A document's key is the SHA-256 of its text, the metadata that processing reads (``speaker``; ``year``
and ``date``, which date a report's sections), the template lines learned for it from its corpus
(``Document.templates``: a template learned later, when the corpus grows, changes the key of every
document that holds it, and of no other), the settings dict, the package version, ``PIPELINE_VERSION``,
a fingerprint of the processing code and the versions of the libraries that tokenize and tag: change
any of them and the document is processed
again. A corpus's pack id hashes its ordered document ids and keys. Documents' ``info`` dicts are
stored as JSON, dates included (:func:`dumps_info`).
"""
from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import json
from importlib import metadata
from pathlib import Path
from typing import Any, Sequence

import pandas as pd

from discourse.corpus.schema import Document
from discourse.processing.document import PIPELINE_VERSION
from discourse.version import __version__

#: Document metadata that processing reads, and so part of the key.
KEY_META = ("speaker", "year", "date")
#: Libraries whose version changes tokens or tags.
KEY_LIBRARIES = ("nltk", "textblob", "jieba", "pandas")
#: Subpackages whose code makes a document's tables: every module in them (and every file of
#: ``resources/``) is part of the code fingerprint, by its path in the package, so a module added,
#: moved, renamed or edited changes every key.
PROCESSING_PACKAGES = ("corpus", "text", "voices", "directives", "processing")


# ---------------------------------------------------------------------------------------- keys
@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """SHA-256 over the paths and sources of the modules of :data:`PROCESSING_PACKAGES` and the
    package's resource files."""
    package = Path(__file__).resolve().parents[1]
    files = [p for name in PROCESSING_PACKAGES for p in (package / name).rglob("*.py")]
    resources = package / "resources"
    if resources.is_dir():
        files += [p for p in resources.rglob("*") if p.is_file()]
    h = hashlib.sha256()
    for path in sorted(files):
        h.update(path.relative_to(package).as_posix().encode("utf-8"))
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


def document_key(doc: Document, settings: dict) -> str:
    """The cache key of ``doc`` processed with ``settings`` (64 hex digits)."""
    context = {
        "meta": {k: doc.meta.get(k) for k in KEY_META},
        "templates": None if doc.templates is None else list(doc.templates),
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
