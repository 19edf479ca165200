"""A Parquet cache of processed documents that verifies what it reads, so unchanged documents are never
processed twice and a damaged entry is never served.

Each document's tables (``sentences``, ``tokens``, ``directives``, ``removed``, ``people``) and its
``info`` are stored under a key: the SHA-256 of its text, the metadata that processing reads
(``speaker``), the settings dict, the package version, ``PIPELINE_VERSION``, a fingerprint of the
processing code and the versions of the libraries that tokenize and tag (:mod:`.keys`). Change any of
them and the document is processed again; nothing else is.

Layout of a cache folder (see :func:`discourse.paths.default_cache_dir` for where it is)::

    segments/<segment id>/<table>.parquet, manifest.txt   one per processed batch of documents
    packs/<pack id>/<table>.parquet, manifest.txt         one per corpus
    tmp/<pid>-<random>/                                    entries being written
    texts.json                     what reading learnt from each text (see :mod:`discourse.reading.facts`)

A *segment* holds the tables of a batch of documents processed together (a chunk of a parallel run), one
document after another; a *pack* holds the assembled tables of a whole corpus, under an id that hashes
its ordered documents' ids and keys, so reloading an unchanged corpus reads six files.

Verification: an entry's ``manifest.txt`` is two lines, the SHA-256 of the second line and the second
line itself, a JSON object with the entry's id, the documents' keys (or ids), infos and row counts per
table, and each Parquet file's SHA-256 and number of rows. Reading checks all of them: the manifest's
own checksum, its id against the folder's name, every file's checksum before it is parsed, every
table's rows against the counts. Any mismatch (a flipped bit, a file copied in from another corpus, a
truncated write) makes the entry a miss, with a :class:`~discourse.errors.CorpusWarning`: its documents
are processed again and the entry is written anew.

Writing: every entry is written to ``tmp/`` and renamed into place, so a process never reads a
half-written entry; staging folders left by processes that are gone (killed runs) are removed when a
cache is opened for writing. A cache folder that cannot be written (a read-only mount, another user's
folder) is read and never written: the first failed write turns writing off for the run, with a
warning. Segments whose documents have all changed stay until :meth:`DocumentCache.clear` (or deleting
the folder); packs beyond :data:`MAX_PACKS` are removed, least recently used first.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import time
import uuid
import warnings
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from discourse.corpus.schema import TABLES
from discourse.errors import CorpusWarning, ParameterError
from discourse.processing.batch import Batch, concat
from discourse.processing.keys import dumps_info, loads_info
from discourse.reading.facts import FILE_NAME

#: The folder of what corpora taught (templates, near duplicates), remembered by
#: :func:`discourse.processing.cleaning.learn_from_corpus`.
LEARNED_FOLDER = "learned"

#: Packs kept at most; the least recently used are removed beyond this.
MAX_PACKS = 8
#: A staging folder this old is removed even if the process that made it may still exist.
STALE_STAGING_SECONDS = 24 * 3600
MANIFEST = "manifest.txt"


class BrokenEntry(Exception):
    """A cache entry that fails its checks (the message says which)."""


@dataclass
class CacheStats:
    """What one run did with the cache: documents found, processed, stored, entries found broken."""

    hits: int = 0
    misses: int = 0
    writes: int = 0
    broken: int = 0
    unstorable: int = 0
    pack_hit: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


# ---------------------------------------------------------------------------------------- files
def _write_table(frame: pd.DataFrame, path: Path) -> dict[str, Any]:
    """Write ``frame`` to ``path`` as Parquet; return its ``sha256`` and ``rows`` for the manifest."""
    # Written for speed, read whole: no column statistics (they serve filtered reads, which the cache
    # never does), no dictionary pages (building them hashes every string; on the 1M-token tables plain
    # pages with LZ4 wrote about 15% and read about 30% faster than the default dictionary + Snappy,
    # for files about 40% larger).
    sink = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), sink, write_statistics=False,
                   compression="lz4", use_dictionary=False)
    data = sink.getvalue()
    with open(path, "wb") as out:
        out.write(data)
    return {"sha256": hashlib.sha256(data).hexdigest(), "rows": len(frame)}


def _read_table(path: Path, expected: dict[str, Any]) -> pd.DataFrame:
    """The table in ``path``, once its bytes match ``expected["sha256"]`` and its rows ``expected["rows"]``."""
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != expected["sha256"]:
        raise BrokenEntry(f"{path.name} does not match its checksum")
    frame = pq.read_table(pa.BufferReader(data)).to_pandas()
    if len(frame) != expected["rows"]:
        raise BrokenEntry(f"{path.name} has {len(frame)} rows, its manifest {expected['rows']}")
    return frame


def _write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    body = dumps_info(manifest)
    if body is None:
        raise ValueError("the manifest cannot be stored exactly")
    (folder / MANIFEST).write_text(f"{hashlib.sha256(body.encode('utf-8')).hexdigest()}\n{body}\n",
                                   encoding="utf-8")


def _read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of the entry ``folder``, once its checksum and its id (the folder's name) match."""
    try:
        checksum, body = (folder / MANIFEST).read_bytes().decode("utf-8").rstrip("\n").split("\n")
    except (ValueError, UnicodeDecodeError):
        raise BrokenEntry(f"{MANIFEST} is not a checksum and a body") from None
    if hashlib.sha256(body.encode("utf-8")).hexdigest() != checksum:
        raise BrokenEntry(f"{MANIFEST} does not match its checksum")
    manifest = loads_info(body)
    if manifest.get("id") != folder.name:
        raise BrokenEntry(f"{MANIFEST} belongs to entry {str(manifest.get('id'))[:12]}")
    return manifest


def check_cache_dir(root: str | Path) -> Path:
    """``root`` as a Path; :class:`ParameterError` if it, or the nearest part of it that exists, is not
    a folder."""
    root = Path(root)
    existing = next((p for p in (root, *root.parents) if p.exists()), None)
    if existing is not None and not existing.is_dir():
        what = "is a file" if existing == root else f"is inside {existing}, which is a file"
        raise ParameterError(f"cache={str(root)!r} {what}, not a folder; give a folder path, or "
                             "cache=False for no cache")
    return root


class DocumentCache:
    """Processed documents stored as Parquet under ``root`` (see the module docstring).

    Parameters
    ----------
    root : str or Path
        The cache folder; created on first write.
    """

    def __init__(self, root: str | Path) -> None:
        self.root = check_cache_dir(root)
        self.stats = CacheStats()
        existing = next(p for p in (self.root, *self.root.parents) if p.exists())
        self.writable = True
        if not os.access(existing, os.W_OK):
            self._cannot_write(PermissionError(f"{existing} is not writable"))

    def __repr__(self) -> str:  # pragma: no cover - convenience
        return f"DocumentCache({str(self.root)!r}, {self.stats})"

    def add(self, stats: CacheStats) -> None:
        """Count what a worker stored for this run (``writes``, ``unstorable``)."""
        self.stats.writes += stats.writes
        self.stats.unstorable += stats.unstorable

    # ------------------------------------------------------------------ writing
    def _cannot_write(self, exc: OSError) -> None:
        if self.writable:
            warnings.warn(f"the cache folder {self.root} cannot be written ({exc.strerror or exc}); "
                          "it is read, and nothing is stored in it", CorpusWarning, stacklevel=4)
        self.writable = False

    def _staging(self) -> Path | None:
        """A new staging folder, or None (writing turned off) if the cache cannot be written."""
        if not self.writable:
            return None
        tmp = self.root / "tmp" / f"{os.getpid()}-{uuid.uuid4().hex}"
        try:
            tmp.mkdir(parents=True)
        except OSError as exc:
            self._cannot_write(exc)
            return None
        return tmp

    def _publish(self, staging: Path, final: Path) -> bool:
        """Rename ``staging`` to ``final``; False if another process got there first."""
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            os.rename(staging, final)
            return True
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
            return False

    def clean_staging(self) -> int:
        """Remove staging folders of processes that are gone (or older than a day); return how many."""
        folder = self.root / "tmp"
        if not self.writable or not folder.is_dir():
            return 0
        removed = 0
        for entry in folder.iterdir():
            pid = entry.name.split("-", 1)[0]
            if not pid.isdigit():
                continue  # not a staging folder of this cache
            try:
                if time.time() - entry.stat().st_mtime <= STALE_STAGING_SECONDS:
                    os.kill(int(pid), 0)  # raises if no such process
                    continue
            except ProcessLookupError:
                pass
            except OSError:  # PermissionError: the process exists (another user's)
                continue
            shutil.rmtree(entry, ignore_errors=True)
            removed += 1
        return removed

    def _broken(self, folder: Path, why: object) -> None:
        warnings.warn(f"cache entry {folder} failed its check ({why}); its documents are processed "
                      "again and stored anew", CorpusWarning, stacklevel=4)
        self.stats.broken += 1
        if self.writable:
            shutil.rmtree(folder, ignore_errors=True)

    # ------------------------------------------------------------------ segments
    def _segment_index(self) -> dict[str, tuple[Path, int, dict]]:
        """Every stored document: key -> (segment folder, place in the segment, manifest)."""
        where: dict[str, tuple[Path, int, dict]] = {}
        folder = self.root / "segments"
        if not folder.is_dir():
            return where
        for seg in sorted(folder.iterdir()):
            if not (seg / MANIFEST).is_file():
                continue  # half-removed, or of an older layout: its documents are misses
            try:
                manifest = _read_manifest(seg)
            except (OSError, ValueError, KeyError, TypeError, BrokenEntry) as exc:
                self._broken(seg, exc)
                continue
            for j, key in enumerate(manifest["keys"]):
                where.setdefault(key, (seg, j, manifest))
        return where

    def get_many(self, keys: Sequence[str], doc_ids: Sequence[str]
                 ) -> tuple[list[tuple[list[int], Batch]], list[int]]:
        """The stored documents among ``keys``, labelled with ``doc_ids``.

        Returns
        -------
        found : list of (positions, Batch)
            One batch per segment read; ``positions`` are indices into ``keys``.
        missing : list of int
            Indices of the keys not stored (or whose segment failed its checks), in order.
        """
        index = self._segment_index()
        wanted: dict[Path, list[tuple[int, int]]] = {}
        missing: list[int] = []
        for i, key in enumerate(keys):
            hit = index.get(key)
            if hit is None:
                missing.append(i)
            else:
                wanted.setdefault(hit[0], []).append((i, hit[1]))
        found: list[tuple[list[int], Batch]] = []
        for seg, members in wanted.items():
            try:
                batch = _read_segment(seg, index[keys[members[0][0]]][2], [j for _, j in members],
                                      [doc_ids[i] for i, _ in members])
            except Exception as exc:  # a segment that fails its checks is recomputed, never fatal
                self._broken(seg, exc)
                missing += [i for i, _ in members]
                continue
            found.append(([i for i, _ in members], batch))
        missing.sort()
        self.stats.hits += len(keys) - len(missing)
        self.stats.misses += len(missing)
        return found, missing

    def put_batch(self, keys: Sequence[str], batch: Batch) -> int:
        """Store the documents of ``batch`` (one key each) as a segment; return how many were stored.

        Documents whose ``info`` would not read back equal are left out (and counted ``unstorable``).
        """
        infos = [dumps_info(info) for info in batch.infos]
        keep = [j for j, text in enumerate(infos) if text is not None]
        self.stats.unstorable += len(batch) - len(keep)
        if not keep:
            return 0
        if len(keep) < len(batch):
            batch = concat([batch.document(j) for j in keep])
        keys = [keys[j] for j in keep]
        staging = self._staging()
        if staging is None:
            return 0
        seg_id = hashlib.sha256("\n".join(keys).encode("ascii")).hexdigest()
        try:
            files = {name: _write_table(batch.tables[name].drop(columns=["doc_id"], errors="ignore"),
                                        staging / f"{name}.parquet") for name in TABLES}
            _write_manifest(staging, {"id": seg_id, "keys": keys, "infos": list(batch.infos),
                                      "counts": {name: batch.counts[name].tolist() for name in TABLES},
                                      "files": files})
        except Exception as exc:
            shutil.rmtree(staging, ignore_errors=True)
            if isinstance(exc, PermissionError):
                self._cannot_write(exc)
            self.stats.unstorable += len(keys)
            return 0
        stored = self._publish(staging, self.root / "segments" / seg_id)
        self.stats.writes += len(keys) if stored else 0
        return len(keys) if stored else 0

    # ------------------------------------------------------------------ packs
    def read_pack(self, pid: str, doc_ids: Sequence[str]) -> Batch | None:
        """The corpus batch stored as pack ``pid`` (documents ``doc_ids``), or None."""
        folder = self.root / "packs" / pid
        if not (folder / MANIFEST).is_file():
            return None
        try:
            manifest = _read_manifest(folder)
            if manifest["doc_ids"] != list(doc_ids):
                raise BrokenEntry("its documents are not the corpus's")
            counts = {name: np.asarray(manifest["counts"][name], dtype=np.int64) for name in TABLES}
            tables = {}
            for name in TABLES:
                tables[name] = _read_table(folder / f"{name}.parquet", manifest["files"][name])
                if len(counts[name]) != len(doc_ids) or counts[name].sum() != len(tables[name]):
                    raise BrokenEntry(f"{name} does not match the counts of its manifest")
        except Exception as exc:
            self._broken(folder, exc)
            return None
        if self.writable:
            with contextlib.suppress(OSError):
                os.utime(folder)  # most recently used
        self.stats.pack_hit = True
        self.stats.hits += len(doc_ids)
        return Batch(list(doc_ids), manifest["infos"], tables, counts)

    def write_pack(self, pid: str, corpus: Batch) -> bool:
        """Store the assembled ``corpus`` as pack ``pid``; True if stored (a pack that cannot be
        written whole is not an error: the corpus is simply not packed)."""
        if (self.root / "packs" / pid).exists():
            return False
        staging = self._staging()
        if staging is None:
            return False
        try:
            files = {name: _write_table(corpus.tables[name], staging / f"{name}.parquet") for name in TABLES}
            _write_manifest(staging, {"id": pid, "doc_ids": corpus.doc_ids, "infos": corpus.infos,
                                      "counts": {n: corpus.counts[n].tolist() for n in TABLES}, "files": files})
        except Exception as exc:
            shutil.rmtree(staging, ignore_errors=True)
            if isinstance(exc, PermissionError):
                self._cannot_write(exc)
            return False
        stored = self._publish(staging, self.root / "packs" / pid)
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
        """Remove every segment and pack of this cache folder, the memo of text facts (see
        :mod:`discourse.reading.facts`), what corpora taught (:data:`LEARNED_FOLDER`) and entries of
        older layouts."""
        for part in ("segments", "docs", "packs", "tmp", LEARNED_FOLDER):
            shutil.rmtree(self.root / part, ignore_errors=True)
        (self.root / FILE_NAME).unlink(missing_ok=True)


def _read_segment(seg: Path, manifest: dict, places: Sequence[int], doc_ids: Sequence[str]) -> Batch:
    """The documents at ``places`` of segment ``seg`` (with ``manifest``) as a :class:`Batch`."""
    n_all = len(manifest["keys"])
    places = list(places)
    whole = places == list(range(n_all))
    tables: dict = {}
    counts: dict = {}
    for name in TABLES:
        frame = _read_table(seg / f"{name}.parquet", manifest["files"][name])
        per_doc = np.asarray(manifest["counts"][name], dtype=np.int64)
        if len(per_doc) != n_all or per_doc.sum() != len(frame):
            raise BrokenEntry(f"{name} does not match the counts of its manifest")
        if not whole:  # the rows of the documents asked for, in the order asked for
            offsets = np.concatenate([[0], np.cumsum(per_doc)])
            take = np.concatenate([np.arange(offsets[j], offsets[j + 1]) for j in places])
            frame = frame.take(take).reset_index(drop=True)
        per_doc = per_doc[places]
        frame.insert(0, "doc_id", np.repeat(np.asarray(doc_ids, dtype=object), per_doc))
        if len(frame):
            frame["doc_id"] = frame["doc_id"].astype("str")
        tables[name] = frame
        counts[name] = per_doc
    return Batch(list(doc_ids), [manifest["infos"][j] for j in places], tables, counts)
