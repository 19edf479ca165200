"""A Parquet cache of processed documents, so unchanged documents are never processed twice.

Each document's tables (``sentences``, ``tokens``, ``directives``, ``removed``, ``people``) and its
``info`` are stored under a key: the SHA-256 of its text, the metadata that processing reads
(``speaker``), the settings dict, the package version, ``PIPELINE_VERSION``, a fingerprint of the
processing code and the versions of the libraries that tokenize and tag. Change any of them and the
document is processed again; nothing else is.

Layout of a cache folder (default ``.cache/discourse/`` in the project: see :func:`discourse.paths.default_cache_dir`)::

    segments/<segment id>/sentences.parquet ... people.parquet, index.json   one per processed batch
    packs/<pack id>/<table>.parquet, infos.json                              one per corpus
    tmp/                                                                      entries being written
    texts.json                     what reading learnt from each text (see :mod:`discourse.textfacts`)

A *segment* holds the tables of a batch of documents processed together (a chunk of a parallel run), one
document after another; its ``index.json`` lists the documents' keys, infos and row counts, so any of
them can be taken out alone. Writing a few files per batch instead of five per document keeps the cache
cheap to fill. A *pack* holds the concatenated tables of a whole corpus, keyed by the ordered list of
its documents' ids and keys, so reloading an unchanged corpus reads five files. Every entry is written
to ``tmp/`` and renamed into place, so a process never reads a half-written entry; an unreadable entry
counts as a miss and is rewritten. Segments whose documents have all changed stay until
:meth:`DocumentCache.clear` (or deleting the folder).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from discourse.corpus.schema import TABLES
from discourse.processing.batch import Batch, DocumentTables, from_documents
from discourse.processing.keys import dumps_info, loads_info
from discourse.reading.facts import FILE_NAME

#: Packs kept at most; the least recently used are removed beyond this.
MAX_PACKS = 8


# ---------------------------------------------------------------------------------------- files
def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    # Written for speed, read whole: no column statistics (they serve filtered reads, which the cache
    # never does), no dictionary pages (building them hashes every string; on the 1M-token tables plain
    # pages with LZ4 wrote about 15% and read about 30% faster than the default dictionary + Snappy,
    # for files about 40% larger).
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path, write_statistics=False,
                   compression="lz4", use_dictionary=False)


def _read_parquet(path: Path) -> pd.DataFrame:
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

    # ------------------------------------------------------------------ segments
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

    def _segment_index(self) -> dict[str, tuple[Path, int]]:
        """Every stored document: key -> (segment folder, place in the segment)."""
        where: dict[str, tuple[Path, int]] = {}
        folder = self.root / "segments"
        if not folder.is_dir():
            return where
        for seg in sorted(folder.iterdir()):
            try:
                keys = json.loads((seg / "index.json").read_text(encoding="utf-8"))["keys"]
            except (OSError, ValueError, KeyError, TypeError):
                continue  # half-removed or foreign: its documents are misses
            for j, key in enumerate(keys):
                where.setdefault(key, (seg, j))
        return where

    def get_many(self, keys: Sequence[str], doc_ids: Sequence[str]
                 ) -> tuple[list[tuple[list[int], Batch]], list[int]]:
        """The stored documents among ``keys``, labelled with ``doc_ids``.

        Returns
        -------
        found : list of (positions, Batch)
            One batch per segment read; ``positions`` are indices into ``keys``.
        missing : list of int
            Indices of the keys not stored (or whose segment could not be read), in order.
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
                batch = _read_segment(seg, [j for _, j in members], [doc_ids[i] for i, _ in members])
            except Exception:  # an unreadable segment is recomputed, never fatal
                self.stats.broken += 1
                shutil.rmtree(seg, ignore_errors=True)
                missing += [i for i, _ in members]
                continue
            found.append(([i for i, _ in members], batch))
        missing.sort()
        self.stats.hits += len(keys) - len(missing)
        self.stats.misses += len(missing)
        return found, missing

    def get(self, key: str, doc_id: str) -> DocumentTables | None:
        """The stored tables of the document with ``key``, labelled ``doc_id``; None on a miss."""
        found, _ = self.get_many([key], [doc_id])
        return found[0][1].document(0) if found else None

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
            batch = from_documents([batch.document(j) for j in keep])
        keys = [keys[j] for j in keep]
        index = {"keys": list(keys), "infos": [json.loads(infos[j]) for j in keep],
                 "counts": {name: batch.counts[name].tolist() for name in TABLES}}
        staging = self._staging()
        try:
            (staging / "index.json").write_text(json.dumps(index), encoding="utf-8")
            for name in TABLES:
                _write_parquet(batch.tables[name].drop(columns=["doc_id"], errors="ignore"),
                               staging / f"{name}.parquet")
        except Exception:
            shutil.rmtree(staging, ignore_errors=True)
            self.stats.unstorable += len(keys)
            return 0
        seg_id = hashlib.sha256("\n".join(keys).encode("ascii")).hexdigest()
        stored = self._publish(staging, self.root / "segments" / seg_id)
        self.stats.writes += len(keys) if stored else 0
        return len(keys) if stored else 0

    def put(self, key: str, tables: DocumentTables) -> bool:
        """Store one document's ``tables`` under ``key``; False if they cannot be stored exactly."""
        return self.put_batch([key], from_documents([tables])) == 1

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

    def start_pack(self, pid: str, tables: dict[str, pd.DataFrame]) -> PackWriter | None:
        """Begin pack ``pid`` by writing ``tables`` (some of the tables) in a background thread.

        The caller meanwhile prepares the other tables and hands them to :meth:`PackWriter.finish`
        (or calls :meth:`PackWriter.abandon`). Parquet is written outside Python's interpreter lock, so
        the thread runs beside the caller's work. None if the pack exists already.
        """
        if (self.root / "packs" / pid).exists():
            return None
        return PackWriter(self, pid, tables)

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
        :mod:`discourse.textfacts`) and entries of older layouts."""
        for part in ("segments", "docs", "packs", "tmp"):
            shutil.rmtree(self.root / part, ignore_errors=True)
        (self.root / FILE_NAME).unlink(missing_ok=True)


class PackWriter:
    """A pack being written: some tables in a background thread, the rest by :meth:`finish`."""

    def __init__(self, store: DocumentCache, pid: str, tables: dict[str, pd.DataFrame]) -> None:
        import threading

        self.store = store
        self.pid = pid
        self.names = list(tables)
        self.staging = store._staging()
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._write, args=(tables,), daemon=True,
                                        name=f"pack-{pid[:8]}")
        self._thread.start()

    def _write(self, tables: dict[str, pd.DataFrame]) -> None:
        try:
            for name, frame in tables.items():
                _write_parquet(frame, self.staging / f"{name}.parquet")
        except BaseException as exc:  # reported by finish()
            self.error = exc

    def abandon(self) -> None:
        """Wait for the thread and remove what it wrote."""
        self._thread.join()
        shutil.rmtree(self.staging, ignore_errors=True)

    def finish(self, tables: dict[str, pd.DataFrame], infos: list[dict]) -> bool:
        """Write the tables not yet written and ``infos``, then publish the pack; True if stored.

        A pack that cannot be written whole is not an error (the corpus is simply not packed).
        """
        text = dumps_info(infos)
        try:
            if text is None:
                raise ValueError("infos cannot be stored exactly")
            (self.staging / "infos.json").write_text(text, encoding="utf-8")
            for name in TABLES:
                if name not in self.names:
                    _write_parquet(tables[name], self.staging / f"{name}.parquet")
        except Exception:
            self.abandon()
            return False
        self._thread.join()
        if self.error is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            return False
        stored = self.store._publish(self.staging, self.store.root / "packs" / self.pid)
        self.store.prune_packs()
        return stored


def _read_segment(seg: Path, places: Sequence[int], doc_ids: Sequence[str]) -> Batch:
    """The documents at ``places`` of segment ``seg`` as a :class:`~discourse.batch.Batch`."""
    index = loads_info((seg / "index.json").read_text(encoding="utf-8"))  # infos with their dates
    infos_all = index["infos"]
    n_all = len(index["keys"])
    places = list(places)
    whole = places == list(range(n_all))
    tables: dict = {}
    counts: dict = {}
    for name in TABLES:
        frame = _read_parquet(seg / f"{name}.parquet")
        per_doc = np.asarray(index["counts"][name], dtype=np.int64)
        if len(per_doc) != n_all or per_doc.sum() != len(frame):
            raise ValueError(f"segment {seg.name}: {name} does not match its index")
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
    return Batch(list(doc_ids), [infos_all[j] for j in places], tables, counts)
