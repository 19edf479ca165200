"""From a folder or from texts in memory to a :class:`~discourse.corpus.model.Corpus`.

:func:`load_corpus` reads a folder (:func:`discourse.reading.read.read_folder`) and processes it;
:func:`from_texts` processes texts given in memory; both end in :func:`build_corpus`, which runs the
cached, parallel processing of :mod:`discourse.processing.runners` and assembles the corpus tables.
"""
from __future__ import annotations

import warnings
from functools import partial
from pathlib import Path
from typing import Any, Iterable, Sequence

import pandas as pd

from discourse.corpus.model import Corpus, attach_document_columns
from discourse.corpus.outliers import find_outliers
from discourse.corpus.schema import LOAD_REPORT_COLUMNS, Document
from discourse.errors import CorpusWarning, ParameterError
from discourse.processing.cleaning import (
    describe_templates,
    finish_documents,
    learn_from_corpus,
    notice_warning,
    report_cleaning,
)
from discourse.parallel import usable_workers
from discourse.paths import resolve_cache_dir
from discourse.processing.cache import check_cache_dir
from discourse.processing.document import default_settings, documents_from_records, documents_table
from discourse.processing.runners import Process, check_options, process_corpus
from discourse.text.sentences import MAX_SENTENCE_CHARS
from discourse.reading.facts import FILE_NAME, TextFacts
from discourse.reading.read import read_folder
from discourse.text.clean import check_steps
from discourse.validate import check_choice
from discourse.voices.attribute import canonicalize


def load_corpus(path: str | Path, *, manifest: str | Path | None = None, pattern: str | None = None,
                lang: str | None = None, clean: Any = None, workers: int | None = None,
                scheduler: str | None = None, cache: bool | str | Path | None = None,
                progress: bool | None = None, turns: bool = True) -> Corpus:
    """Read every document of a folder and process it into tidy tables.

    Parameters
    ----------
    path : str or Path
        The corpus folder. Every file in it is accounted for in ``corpus.load_report``.
    manifest : str or Path, optional
        A CSV with a ``file`` column and metadata columns (``date``, ``title``, ``source``,
        ``speaker``, ...). Default: ``metadata.csv`` in the folder, if present.
    pattern : str, optional
        A regular expression with named groups matched against each file name's stem, e.g.
        ``(?P<year>\\d{4})-(?P<speaker>[A-Za-z]+)`` for ``1945-Truman.txt``.
    lang : {"en", "zh"}, optional
        Force the language of every paragraph instead of detecting it.
    clean : None, bool, str, iterable of str or dict, optional
        The cleaning steps (:data:`discourse.text.clean.CLEANING_STEPS`): ``None``/``True`` every step,
        ``False`` none, step names (``["rules", "repeats"]`` or ``"rules,repeats"``) only those, or a dict
        switching steps off (``{"templates": False}``). Part of the settings, and so of the cache key.
        What each step removed is in ``corpus.removed`` with its reason.
    workers : int, optional
        Local processes that process the documents (and, for a large corpus, read what the texts
        show of themselves); default: every available core; ``1`` processes serially. More than the
        cores, or than free memory allows (1 GiB a worker), is lowered with a warning. A handful of
        documents is always processed serially.
    scheduler : str, optional
        Address of a Dask scheduler (``tcp://host:8786``) whose workers process the documents;
        default: the environment variable ``DISCOURSE_SCHEDULER`` if set, else local processes. The
        cache is read locally first; only documents missing from it are sent.
    cache : bool, str or Path, optional
        ``None`` or ``True``: the default folder (:func:`discourse.paths.default_cache_dir`:
        ``.cache/discourse/`` of the working project, else the user's cache folder; the
        environment variable ``DISCOURSE_CACHE_DIR`` overrides it); a path: that folder;
        ``False``: neither read nor write a cache. A document is processed again only when its
        text, its ``speaker``, the settings or the processing code change; an entry that fails
        its checksums is processed again, and a cache folder that cannot be written is only read.
    progress : bool, optional
        Show a progress bar; default: when more than 20 documents are processed and stderr is a
        terminal.
    turns : bool
        Find transcripts: a document whose paragraphs open with speaker labels ("Mr Speaker:", "The
        Minister for Finance (Dr Tan Ah Kow):") is split into turns, each sentence the voice of its turn
        (``documents.doc_type`` = ``transcript``). ``False`` switches this off (part of the cache key).

    Returns
    -------
    Corpus
        With ``documents``, ``sentences``, ``tokens``, ``directives``, ``load_report``, ``removed``,
        ``people`` and ``outliers`` tables, and ``cache_stats``.

    Warns
    -----
    CorpusWarning
        Once per load, when something looks odd: documents without a year, stubs, lengths far from the
        median, near duplicates, heavy cleaning, gaps in the years, a change of script, sentences cut
        for length (the list is in ``corpus.outliers`` and the load report).
    """
    check_options(workers=workers, scheduler=scheduler, cache=cache, progress=progress)
    check_steps(clean)
    if lang is not None:
        check_choice("lang", lang, ["en", "zh"])
    if not isinstance(path, (str, Path)):
        raise ParameterError(f"path must be a folder path, got {path!r}")
    folder = Path(path)
    if workers is not None:
        workers = usable_workers(workers)  # capped once, with a warning, for reading and processing
    cache_dir = resolve_cache_dir(cache, folder) if folder.is_dir() else None
    memo = TextFacts(check_cache_dir(cache_dir) / FILE_NAME) if cache_dir is not None else None
    # The reading is local even when a cluster processes: its costly part may use every local core.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        result = read_folder(folder, manifest=manifest, pattern=pattern, memo=memo,
                             workers=usable_workers(workers))
    reading = []
    for w in caught:  # reading's own notices join the load's one warning; others pass on as they were
        if issubclass(w.category, CorpusWarning):
            reading.append(str(w.message))
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if memo is not None:
        memo.save()
    return build_corpus(result.documents, lang=lang, clean=clean, load_report=result.load_report,
                        path=folder, workers=workers, scheduler=scheduler, cache=cache, progress=progress,
                        notices=reading, turns=turns)


def build_corpus(docs: Sequence[Document], *, lang: str | None = None, clean: Any = None,
                 load_report: pd.DataFrame | None = None, path: Path | None = None,
                 workers: int | None = None, scheduler: str | None = None,
                 cache: bool | str | Path | None = None, progress: bool | None = None,
                 process: Process | None = None, notices: Sequence[str] = (),
                 turns: bool = True) -> Corpus:
    """Process ``docs`` and assemble the :class:`Corpus`.

    Parameters
    ----------
    docs : sequence of Document
    lang : str, optional
        Force every paragraph to this language (``en`` or ``zh``) instead of detecting it.
    clean : optional
        The cleaning steps, as in :func:`load_corpus`.
    load_report : DataFrame, optional
        The load report of :func:`discourse.reading.read.read_folder`; one is made for in-memory
        documents. Documents with sentences cut for their length get a note in its ``reason``.
    path : Path, optional
        The corpus folder (kept for provenance; locates the default cache).
    workers, scheduler, cache, progress
        As in :func:`load_corpus` (without ``path``, no cache by default).
    process : callable, optional
        ``process(doc, settings) -> Batch`` (a batch of one document), used instead of the real
        processing (see :func:`discourse.processing.runners.process_corpus`).
    notices : sequence of str
        Warnings of reading, given again in the load's one warning.
    turns : bool
        Find transcripts (speaker labels opening turns); ``False`` switches this off.
    """
    check_options(workers=workers, scheduler=scheduler, cache=cache, progress=progress)
    if not isinstance(turns, bool):
        raise ParameterError(f"turns must be True or False, got {turns!r}")
    settings = default_settings(lang=lang, clean=clean, turns=turns)
    # the documents' own speakers (manifest, file names) keep the names the user gave them
    speakers = sorted({d.meta["speaker"].strip() for d in docs
                       if isinstance(d.meta.get("speaker"), str) and d.meta["speaker"].strip()})
    finish = partial(canonicalize, keep=speakers) if speakers else canonicalize
    cache_dir = resolve_cache_dir(cache, path)
    learned = learn_from_corpus(docs, settings["clean"], memo=cache_dir)
    docs = learned.documents
    # the name merging runs once per corpus and is kept in its pack
    corpus, stats = process_corpus(docs, settings, workers=workers, scheduler=scheduler,
                                   cache=cache_dir, progress=progress,
                                   process=process, finish=("canonicalize", finish))
    tables = corpus.tables
    removed = describe_templates(tables["removed"], learned.templates)
    documents = documents_table(docs, corpus.infos, tables["sentences"], tables["tokens"])
    documents = finish_documents(documents, learned, corpus.infos, removed)
    sentences = attach_document_columns(tables["sentences"], documents)
    if load_report is None:
        load_report = pd.DataFrame({
            "path": [d.path for d in docs], "status": "loaded", "reason": "",
            "encoding": [d.encoding for d in docs], "n_documents": 1,
            "doc_ids": [d.doc_id for d in docs], "confidence": 1.0, "replaced": 0},
            columns=LOAD_REPORT_COLUMNS)
    load_report, long_notes = _note_long_sentences(load_report, docs, corpus.infos)
    outliers = find_outliers(documents)
    load_report = report_cleaning(load_report, documents, outliers)
    notice_warning(outliers, [*notices, *long_notes])
    return Corpus(documents=documents, sentences=sentences, tokens=tables["tokens"],
                  directives=tables["directives"], load_report=load_report, removed=removed,
                  people=tables["people"], path=path, settings=settings, outliers=outliers,
                  cache_stats=stats.as_dict())


def _note_long_sentences(load_report: pd.DataFrame, docs: Sequence[Document],
                         infos: Sequence[dict]) -> tuple[pd.DataFrame, list[str]]:
    """The load report with a note for each document whose sentences were cut, and the notes for the
    load's one warning."""
    cut = {doc.path: [] for doc in docs}
    for doc, info in zip(docs, infos):
        if info.get("long_sentences"):
            cut[doc.path].append(f"{doc.doc_id} ({info['long_sentences']})")
    notes = {path: f"sentences over {MAX_SENTENCE_CHARS:,} characters cut at clause marks: {', '.join(parts)}"
             for path, parts in cut.items() if parts}
    if not notes:
        return load_report, []
    load_report = load_report.copy()
    for i, row_path in zip(load_report.index, load_report["path"]):
        if row_path in notes:
            reason = str(load_report.at[i, "reason"] or "")
            load_report.at[i, "reason"] = f"{reason}; {notes[row_path]}" if reason else notes[row_path]
    return load_report, [f"{path}: {note}" for path, note in notes.items()]


def from_texts(texts: dict[str, str] | Iterable[dict], *, lang: str | None = None,
               clean: Any = None, workers: int | None = None, scheduler: str | None = None,
               cache: bool | str | Path | None = None, progress: bool | None = None,
               turns: bool = True) -> Corpus:
    """Build a corpus in memory from texts, through the same pipeline as :func:`load_corpus`.

    Parameters
    ----------
    texts : dict or iterable of dict
        ``{doc_id: text}``, or records with a ``text`` key and metadata keys (``doc_id``, ``speaker``,
        ``year``, ``date``, ``title``, ``source``, ...).
    lang : str, optional
        Force every paragraph to this language instead of detecting it.
    clean : optional
        The cleaning steps, as in :func:`load_corpus`.
    workers, scheduler, cache, progress, turns
        As in :func:`load_corpus`; without a folder, nothing is cached unless ``cache`` names a folder.
    """
    records = ([{"doc_id": k, "text": v} for k, v in texts.items()] if isinstance(texts, dict)
               else list(texts))
    docs = documents_from_records(records)
    return build_corpus(docs, lang=lang, clean=clean, workers=workers, scheduler=scheduler, cache=cache,
                        progress=progress, turns=turns)
