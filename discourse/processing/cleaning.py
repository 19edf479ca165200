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

import warnings
from dataclasses import dataclass, field, replace
from typing import Sequence

import pandas as pd

from discourse.corpus.schema import LOAD_REPORT_CLEANING_COLUMNS, Document
from discourse.errors import CorpusWarning
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


def learn_from_corpus(docs: Sequence[Document], steps: Sequence[str]) -> Learned:
    """Learn templates and flag near duplicates (the ``templates`` and ``duplicates`` steps)."""
    texts = [doc.text for doc in docs]
    join = "joins" in steps
    duplicates = near_duplicates(texts) if "duplicates" in steps and len(docs) > 1 else []
    copies = {later for later, _, _ in duplicates}
    templates = learn_templates(texts, join=join, copies=copies) if "templates" in steps else None
    documents = [replace(doc, templates=templates.per_document[i] if templates is not None else None)
                 for i, doc in enumerate(docs)]
    return Learned(documents, templates, duplicates)


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
