"""The :class:`Corpus`: the tidy tables of a processed corpus, and ways to group and subset them.

Every measure of the package takes a ``Corpus`` and a group column (``by=``). A group column is any
column of the ``sentences`` table (``speaker``, ``role``, ``lang``, ...) or of the ``documents``
table (``year``, ``source``, ``doc_id``, ``speaker`` of a whole-document speech, any manifest column).
Sentence columns take precedence, so ``by="speaker"`` means the voice of each sentence.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from discourse.corpus.outliers import OUTLIER_COLUMNS, find_outliers
from discourse.corpus.schema import (
    DIRECTIVE_COLUMNS,
    LOAD_REPORT_COLUMNS,
    PEOPLE_COLUMNS,
    REMOVED_COLUMNS,
    SENTENCE_DOC_COLUMNS,
    empty_frame,
)
from discourse.errors import ParameterError
from discourse.validate import format_values


@dataclass
class Corpus:
    """A processed corpus as tidy tables.

    Attributes
    ----------
    documents : DataFrame
        One row per document: ``doc_id, path, title, date, year, source, speaker, language, encoding,
        n_paragraphs, n_sentences, n_tokens`` (word tokens) and any extra manifest or filename-pattern
        columns.
    sentences : DataFrame
        One row per sentence: ``doc_id, para_id, sent_id, lang, text, speaker`` (the sentence's voice: a
        canonical person name, ``meeting`` or ``narrator``), ``role``, ``voice_cue`` (the words that set
        the voice), ``year``.
    tokens : DataFrame
        One row per token: ``doc_id, sent_id, tok_id, token, norm, lemma, pos, lang, is_stop, is_punct,
        is_word`` (``is_word`` is False for punctuation and numbers, which no denominator counts).
    directives : DataFrame
        One row per directive or commitment verb: ``doc_id, sent_id, lemma, verb, category, trigger,
        start, end, lang`` (``start``/``end``: offsets in the text of its sentence, the row of
        ``sentences`` with the same ``doc_id, sent_id``).
    load_report : DataFrame
        One row per file seen: ``path, status`` (loaded, skipped, duplicate), ``reason, encoding,
        n_documents, doc_ids``.
    removed : DataFrame
        Lines removed by cleaning: ``doc_id, line_no, text, reason``.
    people : DataFrame
        People introduced in each document: ``doc_id, name, role``.
    outliers : DataFrame
        What a reader must know before reading a measure (:func:`discourse.corpus.outliers.find_outliers`):
        ``kind`` (stub, long, short, near duplicate, heavily cleaned, year gap, script change),
        ``doc_id, year, value, detail``.
    path : Path or None
        The folder the corpus was read from.
    settings : dict
        The processing settings (used in the cache key and in report provenance).
    cache_stats : dict
        What loading did with the cache: ``hits, misses, writes, broken, unstorable`` (documents)
        and ``pack_hit`` (the whole corpus read at once); empty for tables made elsewhere.
    """

    documents: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    directives: pd.DataFrame = field(default_factory=lambda: empty_frame(DIRECTIVE_COLUMNS))
    load_report: pd.DataFrame = field(default_factory=lambda: empty_frame(LOAD_REPORT_COLUMNS))
    removed: pd.DataFrame = field(default_factory=lambda: empty_frame(REMOVED_COLUMNS))
    people: pd.DataFrame = field(default_factory=lambda: empty_frame(PEOPLE_COLUMNS))
    outliers: pd.DataFrame = field(default_factory=lambda: empty_frame(OUTLIER_COLUMNS))
    path: Path | None = None
    settings: dict = field(default_factory=dict)
    cache_stats: dict = field(default_factory=dict)

    # ------------------------------------------------------------------ grouping
    def group_columns(self) -> list[str]:
        """Every column usable as ``by=``: sentence columns first, then document columns."""
        cols = [c for c in self.sentences.columns if c not in ("text", "sent_id", "para_id")]
        cols += [c for c in self.documents.columns if c not in cols]
        return cols

    def check_by(self, by: str) -> str:
        """``by`` itself if it is a group column (see :meth:`group_columns`); else :class:`ParameterError`."""
        if not isinstance(by, str) or by not in self.group_columns():
            raise ParameterError(
                f"by={by!r} is not a sentence or document column; available: {format_values(self.group_columns())}"
            )
        return by

    def annotate(self, frame: pd.DataFrame, by: str | list[str]) -> pd.DataFrame:
        """Return a copy of ``frame`` with the group column(s) ``by`` added.

        ``frame`` needs ``doc_id``, and ``sent_id`` when a column comes from ``sentences``. Columns of
        ``sentences`` are joined on ``(doc_id, sent_id)``, others from ``documents`` on ``doc_id``. A
        column ``frame`` already has is kept as it is.
        """
        cols = [by] if isinstance(by, str) else list(by)
        out = frame.copy()
        for col in cols:
            self.check_by(col)
            if col in out.columns:
                continue
            if col in self.sentences.columns and col not in ("doc_id",):
                if "sent_id" not in out.columns:
                    raise ParameterError(
                        f"by={col!r} is a sentence column, but the table has no sent_id column"
                    )
                right = self.sentences[["doc_id", "sent_id", col]]
                out = out.merge(right, on=["doc_id", "sent_id"], how="left")
            else:
                right = self.documents[["doc_id", col]]
                out = out.merge(right, on="doc_id", how="left")
        return out

    def groups(self, by: str) -> list:
        """Sorted distinct non-null values of the group column ``by``."""
        self.check_by(by)
        if by in self.sentences.columns:
            values = self.sentences[by]
        else:
            values = self.documents[by]
        values = values.dropna()
        values = values[values.astype(str) != ""]
        return sorted(values.unique().tolist(), key=lambda v: (str(type(v)), v))

    # ------------------------------------------------------------------ subsetting
    def subset(self, **criteria: Any) -> "Corpus":
        """A corpus restricted to the sentences whose group columns match ``criteria``.

        Each keyword is a group column; its value is one value or a list of values, e.g.
        ``corpus.subset(lang="en")`` or ``corpus.subset(year=[2024, 2025], speaker="meeting")``.
        Documents left without sentences are dropped; tables keep their columns.
        """
        keep = self.sentences[["doc_id", "sent_id"]].copy()
        annotated = self.annotate(keep, list(criteria)) if criteria else keep
        mask = pd.Series(True, index=annotated.index)
        for col, value in criteria.items():
            values = list(value) if isinstance(value, (list, tuple, set, frozenset)) else [value]
            mask &= annotated[col].isin(values)
        kept = annotated.loc[mask, ["doc_id", "sent_id"]]
        key = pd.MultiIndex.from_frame(kept)

        def _filter(table: pd.DataFrame) -> pd.DataFrame:
            if table.empty or "sent_id" not in table.columns:
                return table
            idx = pd.MultiIndex.from_frame(table[["doc_id", "sent_id"]])
            return table[idx.isin(key)].reset_index(drop=True)

        doc_ids = set(kept["doc_id"])
        documents = self.documents[self.documents["doc_id"].isin(doc_ids)].reset_index(drop=True)
        return replace(
            self,
            documents=documents,
            sentences=_filter(self.sentences),
            tokens=_filter(self.tokens),
            directives=_filter(self.directives),
            removed=self.removed[self.removed["doc_id"].isin(doc_ids)].reset_index(drop=True),
            people=self.people[self.people["doc_id"].isin(doc_ids)].reset_index(drop=True),
            outliers=find_outliers(documents),
        )

    # ------------------------------------------------------------------ provenance and summary
    def content_hash(self) -> str:
        """SHA-256 over the documents' ids and sentence texts (stable across runs and machines)."""
        h = hashlib.sha256()
        for doc_id, text in zip(self.sentences["doc_id"], self.sentences["text"]):
            h.update(str(doc_id).encode("utf-8"))
            h.update(b"\x1f")
            h.update(str(text).encode("utf-8"))
            h.update(b"\x1e")
        return h.hexdigest()

    def summary(self) -> str:
        """A readable summary: documents, languages, years, speakers/voices, tokens, skipped files."""
        docs = self.documents
        lines = []
        where = f" from {self.path}" if self.path is not None else ""
        n_words = int(self.tokens["is_word"].sum()) if len(self.tokens) else 0
        lines.append(f"Corpus{where}: {len(docs)} documents, {len(self.sentences)} sentences, "
                     f"{n_words} word tokens")
        if len(self.tokens):
            by_lang = self.tokens[self.tokens["is_word"]].groupby("lang").size()
            lines.append("Languages (word tokens): " + ", ".join(f"{k} {v}" for k, v in by_lang.items()))
        years = docs["year"].dropna()
        if len(years):
            counts = years.astype(int).value_counts().sort_index()
            lines.append("Years: " + ", ".join(f"{y} ({n})" for y, n in counts.items()))
        missing_year = docs.loc[docs["year"].isna(), "doc_id"].tolist()
        if missing_year:
            lines.append("Without a year: " + ", ".join(map(str, missing_year)))
        if len(self.sentences):
            voices = self.sentences["speaker"].fillna("").value_counts()
            lines.append("Voices (sentences): " + ", ".join(f"{k or '?'} {v}" for k, v in voices.items()))
        if len(self.directives):
            cats = self.directives["category"].value_counts()
            lines.append("Directive verbs: " + ", ".join(f"{k} {v}" for k, v in cats.items()))
        lines.append("")
        lines.append("Documents:")
        for row in docs.itertuples(index=False):
            date = "" if pd.isna(row.date) else pd.Timestamp(row.date).date().isoformat()
            lines.append(f"  {row.doc_id:<28} {date:<10} {row.language:<6} {int(row.n_tokens):>7} tokens"
                         f"  {str(row.title or '')[:70]}")
        report = self.load_report
        if len(report):
            status = report["status"].value_counts()
            lines.append("")
            lines.append("Files: " + ", ".join(f"{k} {v}" for k, v in status.items()))
            for row in report[report["status"] != "loaded"].itertuples(index=False):
                lines.append(f"  {row.status:<9} {row.path}: {row.reason}")
        lines += self._cleaning_lines()
        return "\n".join(lines)

    def _cleaning_lines(self) -> list[str]:
        """The summary's lines on cleaning (per document: word tokens removed and their share) and on
        the outliers."""
        lines: list[str] = []
        removed = self.removed
        if len(removed):
            reasons = removed[removed["reason"] != "blank line"]
            counted = reasons.groupby("reason", sort=False).agg(
                lines=("reason", "size"), tokens=("n_tokens", "sum")) if "n_tokens" in reasons else None
            if counted is not None and len(counted):
                counted = counted.sort_values("tokens", ascending=False)
                lines.append("Removed by cleaning: " + ", ".join(
                    f"{k} {int(r.lines)} ({int(r.tokens)} tokens)" for k, r in counted.iterrows()))
            else:
                counts = removed["reason"].value_counts()
                lines.append("Removed by cleaning: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        docs = self.documents
        if "n_removed_tokens" in docs.columns and docs["n_removed_tokens"].sum() > 0:
            lines.append("Tokens removed per document (word tokens, share of the document's):")
            for row in docs[docs["n_removed_tokens"] > 0].itertuples(index=False):
                lines.append(f"  {row.doc_id:<28} {int(row.n_removed_tokens):>7} removed  "
                             f"{row.removed_share:>6.1%}")
        if len(self.outliers):
            lines.append("")
            lines.append(f"Outliers ({len(self.outliers)}; corpus.outliers):")
            for row in self.outliers.itertuples(index=False):
                lines.append(f"  {row.kind:<16} {str(row.doc_id):<28} {row.detail}")
        return lines

    def __repr__(self) -> str:  # pragma: no cover - convenience
        return (f"Corpus({len(self.documents)} documents, {len(self.sentences)} sentences, "
                f"{len(self.tokens)} tokens, path={str(self.path)!r})")


def from_tables(documents: pd.DataFrame, sentences: pd.DataFrame, tokens: pd.DataFrame,
                directives: pd.DataFrame | None = None, **kwargs: Any) -> Corpus:
    """Build a :class:`Corpus` from DataFrames (for tests and for tables made elsewhere).

    Missing optional columns are filled with defaults: ``role``/``voice_cue`` empty, ``year`` on
    sentences from ``documents``, token flags False, documents' counts computed from the tables.
    """
    documents = documents.copy()
    sentences = sentences.copy()
    tokens = tokens.copy()
    for col, default in (("role", ""), ("voice_cue", ""), ("para_id", 0), ("lang", "en"),
                         ("speaker", "narrator")):
        if col not in sentences.columns:
            sentences[col] = default
    for col, default in (("lang", "en"), ("is_stop", False), ("is_punct", False), ("is_word", True),
                         ("pos", ""), ("token", None), ("lemma", None), ("norm", None)):
        if col not in tokens.columns:
            tokens[col] = default
    if "norm" in tokens.columns and tokens["norm"].isna().any() and "token" in tokens.columns:
        tokens["norm"] = tokens["norm"].fillna(tokens["token"].astype(str).str.lower())
    if "token" in tokens.columns and tokens["token"].isna().any():
        tokens["token"] = tokens["token"].fillna(tokens["norm"])
    if tokens["lemma"].isna().any():
        tokens["lemma"] = tokens["lemma"].fillna(tokens["norm"])
    if "tok_id" not in tokens.columns:
        tokens["tok_id"] = tokens.groupby(["doc_id", "sent_id"]).cumcount()
    for col, default in (("path", ""), ("title", ""), ("date", pd.NaT), ("year", pd.NA),
                         ("source", ""), ("speaker", ""), ("language", "en"), ("encoding", "utf-8")):
        if col not in documents.columns:
            documents[col] = default
    documents["year"] = documents["year"].astype("Int64")
    documents["n_paragraphs"] = documents["doc_id"].map(
        sentences.groupby("doc_id")["para_id"].nunique()).fillna(0).astype(int)
    documents["n_sentences"] = documents["doc_id"].map(sentences.groupby("doc_id").size()).fillna(0).astype(int)
    documents["n_tokens"] = documents["doc_id"].map(
        tokens[tokens["is_word"].astype(bool)].groupby("doc_id").size()).fillna(0).astype(int)
    sentences = attach_document_columns(sentences, documents)
    if directives is None:
        directives = empty_frame(DIRECTIVE_COLUMNS)
    return Corpus(documents=documents, sentences=sentences, tokens=tokens, directives=directives, **kwargs)


def attach_document_columns(sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    extra = [c for c in SENTENCE_DOC_COLUMNS if c in documents.columns]
    sentences = sentences.drop(columns=[c for c in extra if c in sentences.columns])
    return sentences.merge(documents[["doc_id", *extra]], on="doc_id", how="left")
