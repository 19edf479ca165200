"""From documents to the corpus tables: clean, analyse, attribute voices, find directives.

:func:`process_document` is the unit of work: it turns one :class:`~discourse.load.Document` into its
rows of the ``sentences``, ``tokens``, ``directives``, ``removed`` and ``people`` tables. It depends only
on the document and the settings, so its result can be cached by content hash and computed in any
order, in parallel or on a cluster. :func:`build_corpus` runs it over the documents and assembles a
:class:`~discourse.corpus.Corpus`; the corpus-level step that follows (merging a person's name variants
across documents) runs once per corpus, and its result is kept in the corpus's pack in the cache.
"""
from __future__ import annotations

from itertools import chain
from typing import Callable, Iterable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

from discourse.corpus.schema import (
    DIRECTIVE_COLUMNS,
    DOCUMENT_COLUMNS,
    PEOPLE_COLUMNS,
    REMOVED_COLUMNS,
    SENTENCE_COLUMNS,
    Document,
    empty_frame,
    empty_table,
)
from discourse.directives import directives_in_sentence
from discourse.processing.batch import Batch, DocumentTables
from discourse.text.analyze import analyze
from discourse.text.clean import clean_text
from discourse.text.sections import find_sections
from discourse.version import __version__
from discourse.voices.attribute import attribute_voices, english_text, extract_people

#: Bump when processing changes in a way that alters the tables (part of every cache key).
PIPELINE_VERSION = "2"


def default_settings(*, lang: str | None = None) -> dict:
    """The processing settings that determine a document's tables (and so its cache key)."""
    return {"pipeline": PIPELINE_VERSION, "package": __version__, "lang": lang}


def _document_rows(doc: Document, settings: dict) -> dict:
    """One document's rows of every table, as plain lists (no frames), and its ``info``."""
    forced_lang = settings.get("lang")
    cleaned = clean_text(doc.text)
    para_col: list[int] = []
    lang_col: list[str] = []
    text_col: list[str] = []
    tok_counts: list[int] = []      # per sentence: its number of tokens
    all_tokens: list = []
    dir_rows: list[dict] = []
    section_col: list[int] = []
    kind_col: list[str] = []
    sections = find_sections([p.text for p in cleaned.paragraphs],
                             langs=[forced_lang or p.lang for p in cleaned.paragraphs], year=_doc_year(doc))
    sent_id = 0
    for para, section in zip(cleaned.paragraphs, sections):
        lang = forced_lang or para.lang
        for k, sentence in enumerate(analyze(para.text, lang)):
            para_col.append(para.para_id)
            lang_col.append(lang)
            text_col.append(sentence.text)
            section_col.append(section.section)
            kind_col.append(section.section_kind)
            tok_counts.append(len(sentence.tokens))
            all_tokens += sentence.tokens
            for hit in directives_in_sentence(sentence, lang=lang, section_kind=section.section_kind,
                                              heading=section.heading and k == 0):
                dir_rows.append({"doc_id": doc.doc_id, "sent_id": sent_id, **hit,
                                 "sentence": sentence.text, "lang": lang})
            sent_id += 1

    doc_speaker = doc.meta.get("speaker") or None
    if isinstance(doc_speaker, float):  # NaN from a manifest
        doc_speaker = None
    english = english_text(text_col, lang_col)
    people = extract_people(english) if english else None
    voices = attribute_voices(text_col, para_ids=para_col, langs=lang_col, doc_speaker=doc_speaker,
                              people=people if people is not None else empty_frame(["name", "role"]))
    langs = sorted(set(lang_col), key=["en", "zh"].index)
    return {
        "doc_id": doc.doc_id,
        "sentences": {"para_id": para_col, "sent_id": list(range(sent_id)), "lang": lang_col,
                      "text": text_col, "speaker": [v.speaker for v in voices],
                      "role": [v.role for v in voices], "voice_cue": [v.cue for v in voices],
                      "section": section_col, "section_kind": kind_col},
        "tokens": {"counts": tok_counts, "tokens": all_tokens},
        "directives": dir_rows,
        "removed": cleaned.removed,
        "people": ([] if people is None or not len(people)
                   else list(zip(people["name"].tolist(), people["role"].tolist()))),
        "info": {"n_paragraphs": len(cleaned.paragraphs), "language": "+".join(langs)},
    }


def _doc_year(doc: Document) -> int | None:
    """The document's year from its metadata (``year``, else the year of ``date``), for section kinds."""
    for value in (doc.meta.get("year"), doc.meta.get("date")):
        if value is None or (isinstance(value, float) and value != value):
            continue
        if hasattr(value, "year"):  # a date or timestamp
            return int(value.year)
        try:
            return int(value) if not isinstance(value, str) or value.strip().isdigit() \
                else int(pd.Timestamp(value).year)
        except (TypeError, ValueError, OverflowError):
            continue
    return None


def _str_dtype() -> object:
    """The dtype pandas gives a column of strings: ``object`` (pandas 2) or its Arrow-backed ``str``."""
    return pd.Series(["x"]).dtype


def _frame(columns: dict[str, object]) -> pd.DataFrame:
    """A DataFrame of equal-length columns; lists of strings go through Arrow when pandas keeps
    strings in Arrow (pandas 3), which converts them several times faster than the constructor."""
    str_dtype = _str_dtype()
    if str_dtype == object:  # pandas 2: strings stay Python objects
        return pd.DataFrame(columns)
    out = {}
    for name, values in columns.items():
        if isinstance(values, (list, tuple)) and values and isinstance(values[0], str):
            out[name] = pd.array(pa.array(values, type=pa.large_string()), dtype=str_dtype)
        elif isinstance(values, (list, tuple)) and values and type(values[0]) is int:
            out[name] = np.array(values, dtype=np.int64)  # much faster than pandas reading a list
        else:
            out[name] = values
    return pd.DataFrame(out)


def _take(values: list[str], index: np.ndarray) -> object:
    """A string column whose row ``k`` is ``values[index[k]]``: built from the few distinct values and
    their positions rather than from a list with one string per row."""
    str_dtype = _str_dtype()
    if str_dtype == object:
        return np.array(values, dtype=object)[index]
    return pd.array(pa.array(values, type=pa.large_string()).take(index), dtype=str_dtype)


def _batch_from_rows(rows: Sequence[dict]) -> Batch:
    """Build each table once for the rows of several documents (see :mod:`discourse.batch`)."""
    doc_ids = [r["doc_id"] for r in rows]

    def repeat_ids(counts: np.ndarray | list[int]) -> object:
        """The ``doc_id`` column of a table with ``counts[j]`` rows of document ``j``."""
        return _take(doc_ids, np.repeat(np.arange(len(doc_ids)), counts))

    counts: dict[str, np.ndarray] = {}
    tables: dict[str, pd.DataFrame] = {}

    n_sent = [len(r["sentences"]["sent_id"]) for r in rows]
    counts["sentences"] = np.array(n_sent, dtype=np.int64)
    cols: dict[str, object] = {"doc_id": repeat_ids(n_sent)}
    for col in SENTENCE_COLUMNS[1:]:
        cols[col] = [v for r in rows for v in r["sentences"][col]]
    tables["sentences"] = _frame(cols) if sum(n_sent) else empty_table("sentences")

    n_tok = [len(r["tokens"]["tokens"]) for r in rows]
    counts["tokens"] = np.array(n_tok, dtype=np.int64)
    if sum(n_tok):
        # Token fields by position: text, start, end, norm, lemma, pos, is_punct, is_word, is_stop.
        fields = list(zip(*chain.from_iterable(r["tokens"]["tokens"] for r in rows)))
        # Per sentence (of every document in turn): its tokens, its id and its language; the token
        # columns repeat these, and a token's id counts from each sentence's first token.
        per_sent = np.array([n for r in rows for n in r["tokens"]["counts"]], dtype=np.int64)
        sent_ids = np.array(cols["sent_id"], dtype=np.int64)
        first = np.repeat(np.cumsum(per_sent) - per_sent, per_sent)
        lang_codes, langs = pd.factorize(np.asarray(cols["lang"], dtype=object))
        tables["tokens"] = _frame({
            "doc_id": repeat_ids(counts["tokens"]),
            "sent_id": np.repeat(sent_ids, per_sent),
            "tok_id": np.arange(len(first), dtype=np.int64) - first,
            "token": fields[0], "norm": fields[3], "lemma": fields[4], "pos": fields[5],
            "lang": _take(list(langs), np.repeat(lang_codes, per_sent)),
            "is_stop": np.array(fields[8], dtype=bool), "is_punct": np.array(fields[6], dtype=bool),
            "is_word": np.array(fields[7], dtype=bool)})
    else:
        tables["tokens"] = empty_table("tokens")

    for name, columns in (("directives", DIRECTIVE_COLUMNS), ("removed", REMOVED_COLUMNS[1:]),
                          ("people", PEOPLE_COLUMNS[1:])):
        per_doc = [r[name] for r in rows]
        counts[name] = np.array([len(x) for x in per_doc], dtype=np.int64)
        flat = [x for part in per_doc for x in part]
        if not flat:
            tables[name] = empty_table(name)
        elif name == "directives":
            tables[name] = pd.DataFrame(flat, columns=columns)
        else:
            frame = pd.DataFrame(flat, columns=columns)
            frame.insert(0, "doc_id", repeat_ids(counts[name]))
            tables[name] = frame
    return Batch(doc_ids, [r["info"] for r in rows], tables, counts)


def process_batch(docs: Sequence[Document], settings: dict | None = None) -> Batch:
    """Clean and analyse several documents; their tables built once (see :mod:`discourse.batch`).

    Parameters
    ----------
    docs : sequence of Document
    settings : dict, optional
        From :func:`default_settings`; ``lang`` forces every paragraph's language.

    Returns
    -------
    Batch
        The documents' rows of every table, in the documents' order, with their ``info``.
    """
    import gc

    settings = settings or default_settings()
    # Processing allocates hundreds of thousands of small tuples and lists, which would trigger many
    # cyclic-garbage passes over the whole heap; it creates no reference cycles worth collecting, so the
    # collector is paused for the batch (and restored as it was).
    gc_enabled = gc.isenabled()
    gc.disable()
    try:
        return _batch_from_rows([_document_rows(doc, settings) for doc in docs])
    finally:
        if gc_enabled:
            gc.enable()


def process_document(doc: Document, settings: dict | None = None) -> DocumentTables:
    """Clean and analyse one document.

    Parameters
    ----------
    doc : Document
        The document as read by :func:`discourse.load.read_folder`.
    settings : dict, optional
        From :func:`default_settings`; ``lang`` forces every paragraph's language.

    Returns
    -------
    DocumentTables
        Its sentences (with voices), tokens, directive hits, removed lines and people.
    """
    return process_batch([doc], settings).document(0)


def _rows_per_doc(table: pd.DataFrame, weights: np.ndarray | None = None) -> dict:
    """Rows of ``table`` per ``doc_id`` (the sum of ``weights`` instead, when given), as a dict."""
    if not len(table):
        return {}
    values = np.ones(len(table), dtype=np.int64) if weights is None else weights.astype(np.int64)
    totals = pd.Series(values).groupby(table["doc_id"].to_numpy(), sort=False).sum()
    return {doc_id: int(n) for doc_id, n in totals.items()}


def documents_table(docs: Sequence[Document], infos: Sequence[dict], sentences: pd.DataFrame,
                    tokens: pd.DataFrame) -> pd.DataFrame:
    """The ``documents`` table from the documents' metadata, their processing facts and the tables."""
    n_sentences = _rows_per_doc(sentences)
    n_tokens = _rows_per_doc(tokens, tokens["is_word"].to_numpy(dtype=bool) if len(tokens) else None)
    rows = []
    extra_keys: list[str] = []
    for doc, info in zip(docs, infos):
        meta = dict(doc.meta)
        row = {
            "doc_id": doc.doc_id,
            "path": doc.path,
            "title": meta.pop("title", None) or "",
            "date": meta.pop("date", None),
            "year": meta.pop("year", None),
            "source": meta.pop("source", None) or "",
            "speaker": meta.pop("speaker", None) or "",
            "language": info["language"],
            "encoding": doc.encoding,
            "n_paragraphs": info["n_paragraphs"],
            "n_sentences": int(n_sentences.get(doc.doc_id, 0)),
            "n_tokens": int(n_tokens.get(doc.doc_id, 0)),
        }
        for key, value in meta.items():
            if key not in row:
                row[key] = value
                if key not in extra_keys:
                    extra_keys.append(key)
        rows.append(row)
    table = pd.DataFrame(rows, columns=DOCUMENT_COLUMNS + extra_keys)
    table["date"] = pd.to_datetime(table["date"], errors="coerce")
    year = pd.to_numeric(table["year"], errors="coerce")
    year = year.fillna(table["date"].dt.year)
    table["year"] = year.astype("Int64")
    return table


Runner = Callable[[Sequence[Document], dict], list[DocumentTables]]


def run_serial(docs: Sequence[Document], settings: dict,
               progress: Callable[[Iterable], Iterable] | None = None) -> list[DocumentTables]:
    """Process documents one after another in this process."""
    iterable: Iterable[Document] = docs if progress is None else progress(docs)
    return [process_document(d, settings) for d in iterable]


def documents_from_records(records: Iterable[dict]) -> list[Document]:
    """:class:`Document` objects from in-memory records (``text`` plus metadata keys)."""
    docs = []
    for i, rec in enumerate(records):
        rec = dict(rec)
        text = rec.pop("text")
        doc_id = str(rec.pop("doc_id", f"doc{i + 1:03d}"))
        if "year" in rec and rec["year"] is not None:
            rec["year"] = int(rec["year"])
        if rec.get("date") and not rec.get("year"):
            rec["year"] = pd.Timestamp(rec["date"]).year
        docs.append(Document(doc_id=doc_id, path=f"<memory>/{doc_id}", text=text, encoding="utf-8",
                             meta=rec))
    return docs
