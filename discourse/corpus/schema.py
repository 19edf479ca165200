"""The records and tables of a corpus, defined once: their columns, in order, and empty frames.

Every module that builds, stores or reads a table takes its columns from here: the reader
(:class:`Document`), processing (one document's or a batch's rows of each table), the cache (one
Parquet file per table) and :class:`~discourse.corpus.model.Corpus`. docs/ARCHITECTURE.md describes
each column.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass
class Document:
    """One text of the corpus, as read (see ARCHITECTURE.md, "Shared records")."""

    doc_id: str
    path: str
    text: str
    encoding: str
    meta: dict = field(default_factory=dict)
    #: The lines of ``text`` that its corpus shows to be templates (``line_key`` form), learned by
    #: ``discourse.text.templates``; None when nothing was learned. Part of the cache key.
    templates: tuple[str, ...] | None = None


#: Columns of each table, in order (extra columns are allowed after them).
DOCUMENT_COLUMNS = ["doc_id", "path", "title", "date", "year", "source", "speaker", "language",
                    "encoding", "n_paragraphs", "n_sentences", "n_tokens",
                    "script", "n_removed_tokens", "removed_share", "near_duplicate_of", "similarity", "doc_type"]
SENTENCE_COLUMNS = ["doc_id", "para_id", "sent_id", "lang", "text", "speaker", "role", "voice_cue",
                    "script", "section", "section_kind"]
TOKEN_COLUMNS = ["doc_id", "sent_id", "tok_id", "token", "norm", "lemma", "pos", "lang",
                 "is_stop", "is_punct", "is_word"]
DIRECTIVE_COLUMNS = ["doc_id", "sent_id", "lemma", "verb", "category", "trigger", "start", "end",
                     "lang"]  # the sentence's text is in ``sentences`` (same doc_id, sent_id)
LOAD_REPORT_COLUMNS = ["path", "status", "reason", "encoding", "n_documents", "doc_ids", "confidence", "replaced"]
REMOVED_COLUMNS = ["doc_id", "line_no", "text", "reason", "n_tokens", "first_line_no", "detail"]
#: Columns that loading adds to the load report once the documents are processed.
LOAD_REPORT_CLEANING_COLUMNS = ["n_tokens", "n_removed_tokens", "removed_share", "notices"]
PEOPLE_COLUMNS = ["doc_id", "name", "role"]

#: Document columns that are copied onto ``sentences`` for convenient grouping.
SENTENCE_DOC_COLUMNS = ["year"]


#: The tables processing makes for every document, in the order they are stored in the cache.
TABLES = ("sentences", "tokens", "directives", "removed", "people")

#: The columns of each table of :data:`TABLES`.
TABLE_COLUMNS: dict[str, list[str]] = {
    "sentences": SENTENCE_COLUMNS, "tokens": TOKEN_COLUMNS, "directives": DIRECTIVE_COLUMNS,
    "removed": REMOVED_COLUMNS, "people": PEOPLE_COLUMNS,
}


def empty_frame(columns: list[str]) -> pd.DataFrame:
    """An empty DataFrame with ``columns``."""
    return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})


def empty_table(name: str) -> pd.DataFrame:
    """The table ``name`` (one of :data:`TABLES`) with its columns and no rows."""
    return empty_frame(TABLE_COLUMNS[name])
