"""Cleaning at the level of the corpus: what one document's cleaning needs to know of the others, and what
the loaded corpus tells the reader about its cleaning.

Before processing, :func:`learn_from_corpus` flags near-duplicate documents
(:func:`discourse.text.duplicates.near_duplicates`) and learns the template lines of the corpus
(:func:`discourse.text.templates.learn_templates`), near duplicates left out of the counts. Each document then carries its own template lines (``Document.templates``), which
its cleaning removes and its cache key includes. After processing, :func:`finish_documents` puts the
near duplicates and the processed headline into the ``documents`` table (a title is never a template or
menu line), :func:`describe_templates` says in ``removed.detail`` how often each template line recurs,
:func:`report_cleaning` adds per file the tokens kept and removed to the load report, and
:func:`notice_warning` gathers what looks odd into one warning.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import warnings
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Sequence

import pandas as pd

from discourse.corpus.schema import LOAD_REPORT_CLEANING_COLUMNS, Document
from discourse.errors import CorpusWarning
from discourse.processing.cache import LEARNED_FOLDER
from discourse.processing.keys import code_fingerprint
from discourse.text.clean import line_key, normalize_space
from discourse.text.duplicates import near_duplicates
from discourse.text.templates import Templates, learn_templates

#: Removed lines whose text, when it is a document's title, shows the title is no headline.
_NOT_A_TITLE = {"template", "navigation menu", "placeholder", "footer", "byline", "dateline", "source line"}
#: Documents named at most in the notice warning (all are in ``corpus.outliers``).
NOTICE_LIMIT = 12


@dataclass
class Learned:
    """What the corpus taught: its templates (None when too small), its near duplicates
    (``(later, earlier, similarity)`` by position) and the documents with their template lines."""

    documents: list[Document]
    templates: Templates | None = None
    duplicates: list[tuple[int, int, float]] = field(default_factory=list)


def learn_from_corpus(docs: Sequence[Document], steps: Sequence[str], *,
                      memo: Path | None = None) -> Learned:
    """Learn templates and flag near duplicates (the ``templates`` and ``duplicates`` steps).

    With ``memo`` (the cache folder), what was learned is remembered there under a key of the texts in
    order, the steps and the processing code (``learned/<key>.json``, checksummed like the cache's
    entries), so that reloading an unchanged corpus does not learn it again: on the 1M-word benchmark
    corpus learning takes about 1 s (near duplicates 0.6 s, templates 0.4 s), the rest of a cached
    reload about 0.6 s. A missing, damaged or foreign entry is learned again; a folder that cannot be
    written is only read.
    """
    key = _learned_key(docs, steps) if memo is not None else None
    found = _read_learned(memo, key, len(docs)) if key is not None else None
    if found is not None:
        templates, duplicates = found
    else:
        texts = [doc.text for doc in docs]
        join = "joins" in steps
        duplicates = near_duplicates(texts) if "duplicates" in steps and len(docs) > 1 else []
        copies = {later for later, _, _ in duplicates}
        templates = learn_templates(texts, join=join, copies=copies) if "templates" in steps else None
        if key is not None:
            _write_learned(memo, key, templates, duplicates)
    documents = [replace(doc, templates=templates.per_document[i] if templates is not None else None)
                 for i, doc in enumerate(docs)]
    return Learned(documents, templates, duplicates)


#: Entries of the cache's :data:`~discourse.processing.cache.LEARNED_FOLDER` kept (the least recently
#: written go first).
LEARNED_KEEP = 16


def _learned_key(docs: Sequence[Document], steps: Sequence[str]) -> str:
    h = hashlib.sha256(json.dumps([sorted(steps), code_fingerprint()]).encode("utf-8"))
    for doc in docs:
        h.update(hashlib.blake2b(doc.text.encode("utf-8", "surrogatepass"), digest_size=16).digest())
    return h.hexdigest()


def _read_learned(memo: Path, key: str, n_docs: int) -> tuple[Templates | None, list] | None:
    path = memo / LEARNED_FOLDER / f"{key}.json"
    try:
        checksum, body = path.read_text(encoding="utf-8").split("\n", 1)
        if hashlib.sha256(body.encode("utf-8")).hexdigest() != checksum:
            raise ValueError("checksum")
        data = json.loads(body)
        if data["key"] != key:
            raise ValueError("key")
        duplicates = [(int(i), int(j), float(s)) for i, j, s in data["duplicates"]]
        t = data["templates"]
        templates = None if t is None else Templates(
            int(t["n_documents"]), [tuple(lines) for lines in t["per_document"]], dict(t["frequency"]),
            dict(t["kind"]))
        if templates is not None and len(templates.per_document) != n_docs:
            raise ValueError("documents")
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        warnings.warn(f"cache: {path} could not be used ({type(exc).__name__}: {exc}); the corpus's "
                      "templates and near duplicates are learned again", CorpusWarning, stacklevel=4)
        return None
    return templates, duplicates


def _write_learned(memo: Path, key: str, templates: Templates | None, duplicates: list) -> None:
    body = json.dumps({"key": key, "duplicates": [list(d) for d in duplicates],
                       "templates": None if templates is None else {
                           "n_documents": templates.n_documents,
                           "per_document": [list(lines) for lines in templates.per_document],
                           "frequency": templates.frequency, "kind": templates.kind}},
                      ensure_ascii=False)
    folder = memo / LEARNED_FOLDER
    tmp = folder / f".{key}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp.write_text(f"{hashlib.sha256(body.encode('utf-8')).hexdigest()}\n{body}", encoding="utf-8")
        os.replace(tmp, folder / f"{key}.json")
        kept = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[LEARNED_KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:  # a cache that cannot be written is only read
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def describe_templates(removed: pd.DataFrame, templates: Templates | None) -> pd.DataFrame:
    """``removed`` with the ``detail`` of its template rows filled ("frequent line: in 14 of 16 documents")."""
    if templates is None or not len(removed):
        return removed
    rows = removed["reason"] == "template"
    if rows.any():
        removed = removed.copy()
        removed.loc[rows, "detail"] = [templates.detail(line_key(normalize_space(t)))
                                       for t in removed.loc[rows, "text"]]
    return removed


def finish_documents(documents: pd.DataFrame, learned: Learned, infos: Sequence[dict],
                     removed: pd.DataFrame) -> pd.DataFrame:
    """The ``documents`` table with near duplicates filled and titles that are no headline replaced.

    A title found in the text is the first short line of the page; when that line turned out to be a
    template, a menu or other boilerplate of the document, the title becomes the document's processed
    headline (its first kept line, when short and without a final stop), else empty.
    """
    documents = documents.copy()
    for later, earlier, similarity in learned.duplicates:
        documents.loc[later, "near_duplicate_of"] = learned.documents[earlier].doc_id
        documents.loc[later, "similarity"] = similarity
    if len(removed):
        boiler = removed[removed["reason"].isin(_NOT_A_TITLE)]
        keys = {doc_id: {line_key(normalize_space(t)) for t in group["text"]}
                for doc_id, group in boiler.groupby("doc_id", sort=False)}
    else:
        keys = {}
    for i, (doc, info) in enumerate(zip(learned.documents, infos)):
        title = documents.at[i, "title"]
        if title and line_key(str(title)) in keys.get(doc.doc_id, set()) | set(doc.templates or ()):
            documents.at[i, "title"] = info.get("headline") or ""
    return documents


def report_cleaning(load_report: pd.DataFrame, documents: pd.DataFrame, outliers: pd.DataFrame) -> pd.DataFrame:
    """The load report with, per file, the word tokens kept (``n_tokens``) and removed by cleaning
    (``n_removed_tokens``), the share removed, and the outliers' notices of its documents."""
    report = load_report.copy()
    by_path = documents.groupby("path", sort=False)[["n_tokens", "n_removed_tokens"]].sum()
    notes = outliers.groupby("doc_id", sort=False)["kind"].agg(lambda k: ", ".join(dict.fromkeys(k)))
    doc_path = dict(zip(documents["doc_id"], documents["path"]))
    by_file: dict[str, list[str]] = {}
    for doc_id, note in notes.items():
        if doc_id in doc_path:
            by_file.setdefault(doc_path[doc_id], []).append(note if len(notes) else "")
    kept = report["path"].map(by_path["n_tokens"]).fillna(0).astype(int)
    gone = report["path"].map(by_path["n_removed_tokens"]).fillna(0).astype(int)
    report[LOAD_REPORT_CLEANING_COLUMNS[0]] = kept
    report[LOAD_REPORT_CLEANING_COLUMNS[1]] = gone
    total = kept + gone
    report[LOAD_REPORT_CLEANING_COLUMNS[2]] = (gone / total.where(total > 0)).fillna(0.0).round(4)
    report[LOAD_REPORT_CLEANING_COLUMNS[3]] = report["path"].map(
        lambda p: "; ".join(by_file.get(p, []))).fillna("")
    return report


def _listed(items: list[str]) -> str:
    shown = ", ".join(items[:NOTICE_LIMIT])
    return shown + (f" and {len(items) - NOTICE_LIMIT} more" if len(items) > NOTICE_LIMIT else "")


def notice_warning(outliers: pd.DataFrame, reading: Sequence[str] = ()) -> str | None:
    """One warning for the whole load: what reading warned of, then the outliers by kind; None if none.

    The message names at most :data:`NOTICE_LIMIT` documents of each kind; ``corpus.outliers`` and the
    load report list them all.
    """
    parts = list(reading)
    for kind, group in outliers.groupby("kind", sort=False):
        ids = [str(d) for d in group["doc_id"]]
        parts.append(f"{kind} ({len(ids)}): {_listed(ids)}")
    if not parts:
        return None
    message = "loading found what a reader must know: " + "; ".join(parts) + \
        " (see corpus.outliers and corpus.load_report)"
    warnings.warn(message, CorpusWarning, stacklevel=4)  # the caller of load_corpus or from_texts
    return message
