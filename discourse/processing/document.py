"""From documents to the corpus tables: clean, analyse, attribute voices, find directives.

:func:`_document_rows` is the unit of work: it turns one :class:`~discourse.corpus.schema.Document` into
its rows of the ``sentences``, ``tokens``, ``directives``, ``removed`` and ``people`` tables. It depends
only on the document and the settings, so its result can be cached by content hash and computed in any
order, in parallel or on a cluster; :func:`process_batch` builds the tables of several documents at
once (a :class:`~discourse.processing.batch.Batch`). :func:`~discourse.processing.load.build_corpus`
runs it over the documents and assembles a :class:`~discourse.corpus.model.Corpus`; the corpus-level
step that follows (merging a person's name variants across documents) runs once per corpus, and its
result is kept in the corpus's pack in the cache.
"""
from __future__ import annotations

import gc
from dataclasses import replace
from itertools import chain
from typing import Iterable, Sequence

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
from discourse.processing.batch import Batch, concat
from discourse.text.analyze import analyze, count_words, split_sentences
from discourse.text.chinese import script_of
from discourse.text.clean import DEFAULT_STEPS, check_steps, clean_text, text_language
from discourse.text.sentences import MAX_SENTENCE_CHARS, bound_spans
from discourse.text.tokens import Sentence
from discourse.text.sections import find_sections
from discourse.version import __version__
from discourse.voices.attribute import attribute_document, english_text, extract_people

#: Bump when processing changes in a way that alters the tables (part of every cache key).
PIPELINE_VERSION = "4"
#: A language is a language of the document (``language`` ``en+zh``) when it holds at least this share of
#: the document's word tokens: an English licence footer under a Chinese report does not make it
#: bilingual (its sentences keep their own ``lang``).
MIN_LANGUAGE_SHARE = 0.1
#: A text longer than this (characters) is processed in parts (:func:`_in_parts`). The longest
#: document of the sample and public corpora is far below it; a part this size peaks at a few hundred
#: MB of Python objects before its rows become tables.
PART_CHARS = 5_000_000


def default_settings(*, lang: str | None = None, clean: object = None, turns: bool = True) -> dict:
    """The processing settings that determine a document's tables (and so its cache key): ``lang``;
    ``clean``, the cleaning steps (:func:`discourse.text.clean.check_steps`; default every step); and
    ``turns``: ``False`` switches off the detection of transcripts (speaker labels opening turns)."""
    return {"pipeline": PIPELINE_VERSION, "package": __version__, "lang": lang,
            "clean": list(check_steps(clean)), "turns": turns}


def _analyze_bounded(text: str, lang: str) -> tuple[list[Sentence], int]:
    """:func:`~discourse.text.analyze.analyze`, with every sentence longer than
    :data:`~discourse.text.sentences.MAX_SENTENCE_CHARS` cut into pieces
    (:func:`~discourse.text.sentences.bound_spans`), each analysed as a sentence of its own; and the
    number of sentences so cut."""
    if len(text) <= MAX_SENTENCE_CHARS:
        return analyze(text, lang), 0
    spans = split_sentences(text, lang)
    pieces = bound_spans(text, spans)
    if len(pieces) == len(spans):
        return analyze(text, lang), 0
    out = [Sentence(s + x.start, s + x.end, x.text, x.tokens)
           for s, e in pieces for x in analyze(text[s:e], lang)]
    return out, sum(1 for s, e in spans if e - s > MAX_SENTENCE_CHARS)


def _document_rows(doc: Document, settings: dict) -> dict:
    """One document's rows of every table, as plain lists (no frames), and its ``info``."""
    forced_lang = settings.get("lang")
    steps = settings.get("clean", DEFAULT_STEPS)
    cleaned = clean_text(doc.text, steps=steps, boilerplate=doc.templates)
    script_col: list[str] = []
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
    n_long = 0
    for para, section in zip(cleaned.paragraphs, sections):
        lang = forced_lang or para.lang
        script = para.script if lang == para.lang else (script_of(para.text) or "") if lang == "zh" else ""
        sentences, cut = _analyze_bounded(para.text, lang)
        n_long += cut
        for k, sentence in enumerate(sentences):
            para_col.append(para.para_id)
            lang_col.append(lang)
            script_col.append(script)
            text_col.append(sentence.text)
            section_col.append(section.section)
            kind_col.append(section.section_kind)
            tok_counts.append(len(sentence.tokens))
            all_tokens += sentence.tokens
            for hit in directives_in_sentence(sentence, lang=lang, section_kind=section.section_kind,
                                              heading=section.heading and k == 0):
                dir_rows.append({"doc_id": doc.doc_id, "sent_id": sent_id, **hit, "lang": lang})
            sent_id += 1

    doc_speaker = doc.meta.get("speaker") or None
    if isinstance(doc_speaker, float):  # NaN from a manifest
        doc_speaker = None
    english = english_text(text_col, lang_col)
    people = extract_people(english) if english else None
    voices, doc_type = attribute_document(
        text_col, para_ids=para_col, langs=lang_col, doc_speaker=doc_speaker,
        people=people if people is not None else empty_frame(["name", "role"]),
        turns=settings.get("turns", True))
    removed = []
    for row in cleaned.removed:
        text = row["text"]
        n_words = count_words(text, forced_lang or text_language(text)) if text and row["reason"] != "blank line" else 0
        removed.append({**row, "n_tokens": n_words})
    info = {"n_paragraphs": len(cleaned.paragraphs), **_document_facts(lang_col, script_col, tok_counts,
                                                                       all_tokens, removed),
            "headline": cleaned.headline, "n_joined": cleaned.n_joined, "n_glued": cleaned.n_glued,
            "doc_type": doc_type}
    if n_long:
        info["long_sentences"] = n_long
    return {
        "doc_id": doc.doc_id,
        "sentences": {"para_id": para_col, "sent_id": list(range(sent_id)), "lang": lang_col,
                      "text": text_col, "speaker": [v.speaker for v in voices],
                      "role": [v.role for v in voices], "voice_cue": [v.cue for v in voices],
                      "script": script_col, "section": section_col, "section_kind": kind_col},
        "tokens": {"counts": tok_counts, "tokens": all_tokens},
        "directives": dir_rows,
        "removed": removed,
        "people": ([] if people is None or not len(people)
                   else list(zip(people["name"].tolist(), people["role"].tolist()))),
        "info": info,
    }


def _document_facts(langs: list[str], scripts: list[str], tok_counts: list[int], tokens: list,
                    removed: list[dict]) -> dict:
    """A document's ``language`` (the languages holding :data:`MIN_LANGUAGE_SHARE` of its word tokens,
    ``en``, ``zh`` or ``en+zh``), ``script`` (of its Chinese word tokens: ``simplified``, ``traditional``,
    ``mixed`` when each has a tenth or more, empty without Chinese) and ``n_removed_tokens``."""
    words: dict[str, int] = {}
    by_script: dict[str, int] = {}
    at = 0
    for lang, script, n in zip(langs, scripts, tok_counts):
        n_words = sum(1 for t in tokens[at:at + n] if t.is_word)
        at += n
        words[lang] = words.get(lang, 0) + n_words
        if script:
            by_script[script] = by_script.get(script, 0) + n_words
    total = sum(words.values())
    present = [lang for lang in ("en", "zh") if lang in words and (
        (total and words[lang] >= MIN_LANGUAGE_SHARE * total) or (not total))]
    n_script = sum(by_script.values())
    main = [k for k, v in by_script.items() if n_script and v >= MIN_LANGUAGE_SHARE * n_script]
    script = "mixed" if len(main) > 1 else main[0] if main else next(iter(by_script), "")
    return {"language": "+".join(present), "script": script,
            "n_removed_tokens": sum(r["n_tokens"] for r in removed)}


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
    strings in Arrow (pandas 3), which converts them several times faster than the constructor.

    With :func:`_take`, it earns its place: building a batch's tables with the plain constructors
    instead took 1.18x as long (median of 5 rounds on a 100,000-word benchmark corpus, pandas 3.1),
    some 3% of serial processing, for the same tables and dtypes."""
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
    """Build each table once for the rows of several documents (see :mod:`discourse.processing.batch`)."""
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
    """Clean and analyse several documents; their tables built once (see :mod:`discourse.processing.batch`).

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
    settings = settings or default_settings()
    # Processing allocates hundreds of thousands of small tuples and lists, which would trigger many
    # cyclic-garbage passes over the whole heap; it creates no reference cycles worth collecting, so the
    # collector is paused for the batch (and restored as it was).
    gc_enabled = gc.isenabled()
    gc.disable()
    try:
        if all(len(doc.text) <= PART_CHARS for doc in docs):
            return _batch_from_rows([_document_rows(doc, settings) for doc in docs])
        return concat([_in_parts(doc, settings) if len(doc.text) > PART_CHARS
                       else _batch_from_rows([_document_rows(doc, settings)]) for doc in docs])
    finally:
        if gc_enabled:
            gc.enable()


def _part_ends(text: str, size: int) -> list[int]:
    """Where the parts of ``text`` end: after the last blank line (a paragraph break) within ``size``
    characters of the part's start, else after the last line break, else after ``size`` characters."""
    ends, start = [], 0
    while len(text) - start > size:
        end = text.rfind("\n\n", start, start + size)
        end = end + 2 if end > start else text.rfind("\n", start, start + size) + 1
        end = end if end > start else start + size
        ends.append(end)
        start = end
    return [*ends, len(text)]


def _in_parts(doc: Document, settings: dict) -> Batch:
    """The batch of one document longer than :data:`PART_CHARS`, processed part by part.

    Each part (ending at a paragraph break, see :func:`_part_ends`) is processed as a text of its own
    and its rows are built into compact tables at once, so only one part's Python objects (tokens,
    hits) exist at a time: memory grows with the text, at the tables' few dozen bytes a token. Ids and
    line numbers (and section numbers) continue across parts. What looks across a whole document looks
    within a part only: the repeated paragraphs that cleaning removes, the people a voice may refer
    back to, a voice that continues over a paragraph break at a part's edge, and the kind of a section
    whose heading stands in an earlier part (``other`` until the part's first heading).
    """
    parts, infos, start = [], [], 0
    sent_off = para_off = section_off = 0
    for end in _part_ends(doc.text, PART_CHARS):
        part = _batch_from_rows([_document_rows(replace(doc, text=doc.text[start:end]), settings)])
        tables, info = part.tables, part.infos[0]
        for name in ("sentences", "tokens", "directives"):
            tables[name]["sent_id"] += sent_off
        tables["sentences"]["para_id"] += para_off
        if "section" in tables["sentences"] and len(tables["sentences"]):
            tables["sentences"]["section"] += section_off  # a part's section 0 continues the last one
            section_off = int(tables["sentences"]["section"].max())
        lines_before = doc.text.count("\n", 0, start)
        removed = tables["removed"]
        removed["line_no"] += lines_before
        if "first_line_no" in removed:  # 0 where no first occurrence is named
            removed["first_line_no"] = removed["first_line_no"].where(removed["first_line_no"] <= 0,
                                                                      removed["first_line_no"] + lines_before)
        sent_off += len(tables["sentences"])
        para_off += info["n_paragraphs"]
        parts.append(part)
        infos.append(info)
        start = end
    whole = concat(parts)
    tables = dict(whole.tables)
    tables["people"] = tables["people"].drop_duplicates(ignore_index=True)
    info = _joined_info(infos)
    return Batch.of_document(doc.doc_id, tables, info)


def _joined_info(infos: Sequence[dict]) -> dict:
    """The ``info`` of a document processed in parts, from its parts' infos: counts summed, the first
    part's headline, the languages and scripts of all parts (``mixed`` scripts where parts differ), and
    ``transcript`` if any part is one."""
    first = infos[0]
    joined = dict(first)
    for key in ("n_paragraphs", "n_removed_tokens", "n_joined", "n_glued", "long_sentences"):
        total = sum(int(info.get(key, 0) or 0) for info in infos)
        if key in first or total:
            joined[key] = total
    langs = {lang for info in infos for lang in str(info.get("language", "")).split("+") if lang}
    joined["language"] = "+".join(sorted(langs, key=["en", "zh"].index))
    scripts = {info.get("script") for info in infos if info.get("script")}
    if "script" in first or scripts:
        joined["script"] = scripts.pop() if len(scripts) == 1 else "mixed" if scripts else ""
    if any(info.get("doc_type") == "transcript" for info in infos):
        joined["doc_type"] = "transcript"
    return joined


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
            "script": info.get("script", ""),
            "n_removed_tokens": int(info.get("n_removed_tokens", 0)),
            "removed_share": 0.0,
            "near_duplicate_of": "",
            "similarity": float("nan"),
            "doc_type": info.get("doc_type", ""),
        }
        kept_and_removed = row["n_tokens"] + row["n_removed_tokens"]
        row["removed_share"] = round(row["n_removed_tokens"] / kept_and_removed, 4) if kept_and_removed else 0.0
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
