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
from discourse.paths import resolve_cache_dir
from discourse.processing.document import Runner, default_settings, documents_from_records, documents_table
from discourse.processing.runners import check_options, combine, process_corpus, resolve_workers
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
        show of themselves); default: every core (``os.cpu_count()``); ``1`` processes serially. A
        handful of documents is always processed serially.
    scheduler : str, optional
        Address of a Dask scheduler (``tcp://host:8786``) whose workers process the documents;
        default: the environment variable ``DISCOURSE_SCHEDULER`` if set, else local processes. The
        cache is read locally first; only documents missing from it are sent.
    cache : bool, str or Path, optional
        ``None`` or ``True``: the project's ``.cache/discourse/`` folder, where the project is the
        nearest ancestor of ``path`` holding ``.git`` or ``pyproject.toml`` (else ``path`` itself);
        a path: that folder; ``False``: neither read nor write a cache. A document is processed
        again only when its text, its ``speaker``, the settings or the processing code change.
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
        ``people`` and ``outliers`` tables.

    Warns
    -----
    CorpusWarning
        Once per load, when something looks odd: documents without a year, stubs, lengths far from the
        median, near duplicates, heavy cleaning, gaps in the years, a change of script (the list is in
        ``corpus.outliers`` and the load report).
    """
    check_options(workers=workers, scheduler=scheduler, cache=cache, progress=progress)
    check_steps(clean)
    if lang is not None:
        check_choice("lang", lang, ["en", "zh"])
    if not isinstance(path, (str, Path)):
        raise ParameterError(f"path must be a folder path, got {path!r}")
    folder = Path(path)
    cache_dir = resolve_cache_dir(cache, folder) if folder.is_dir() else None
    memo = TextFacts(cache_dir / FILE_NAME) if cache_dir is not None else None
    # The reading is local even when a cluster processes: its costly part may use every local core.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        result = read_folder(folder, manifest=manifest, pattern=pattern, memo=memo,
                             workers=resolve_workers(workers))
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
                 runner: Runner | None = None, workers: int | None = None, scheduler: str | None = None,
                 cache: bool | str | Path | None = None, progress: bool | None = None,
                 notices: Sequence[str] = (), turns: bool = True) -> Corpus:
    """Process ``docs`` and assemble the :class:`Corpus`.

    Parameters
    ----------
    docs : sequence of Document
    lang : str, optional
        Force every paragraph to this language (``en`` or ``zh``) instead of detecting it.
    clean : optional
        The cleaning steps, as in :func:`load_corpus`.
    load_report : DataFrame, optional
        The load report of :func:`discourse.load.read_folder`; one is made for in-memory documents.
    path : Path, optional
        The corpus folder (kept for provenance; locates the default cache).
    runner : callable, optional
        ``runner(docs, settings) -> list[DocumentTables]``, used instead of the cached, parallel
        engine of :mod:`discourse.engine` (which then reads neither ``workers`` nor ``cache``).
    workers : int, optional
        Local processes; default all cores, ``1`` serial (see :mod:`discourse.engine`).
    scheduler : str, optional
        Dask scheduler address; default ``$DISCOURSE_SCHEDULER`` if set, else local processing.
    cache : bool, str or Path, optional
        ``None``/``True``: ``.cache/discourse/`` in the project holding ``path`` (no cache without
        ``path``); ``False``: off; a path: that folder (see :mod:`discourse.cache`).
    progress : bool, optional
        Show a progress bar; default: on a terminal, for more than 20 documents to process.
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
    learned = learn_from_corpus(docs, settings["clean"])
    docs = learned.documents
    if runner is not None:
        tables = combine(runner(docs, settings))
        if len(tables.sentences):
            tables.sentences = finish(tables.sentences)
    else:  # the name merging runs once per corpus and is kept in its pack
        tables = process_corpus(docs, settings, workers=workers, scheduler=scheduler,
                                cache=resolve_cache_dir(cache, path), progress=progress,
                                finish=("canonicalize", finish))
    removed = describe_templates(tables.removed, learned.templates)
    documents = documents_table(docs, tables.infos, tables.sentences, tables.tokens)
    documents = finish_documents(documents, learned, tables.infos, removed)
    sentences = attach_document_columns(tables.sentences, documents)
    if load_report is None:
        load_report = pd.DataFrame({
            "path": [d.path for d in docs], "status": "loaded", "reason": "",
            "encoding": [d.encoding for d in docs], "n_documents": 1,
            "doc_ids": [d.doc_id for d in docs]}, columns=LOAD_REPORT_COLUMNS)
    outliers = find_outliers(documents)
    load_report = report_cleaning(load_report, documents, outliers)
    notice_warning(outliers, notices)
    return Corpus(documents=documents, sentences=sentences, tokens=tables.tokens,
                  directives=tables.directives, load_report=load_report, removed=removed,
                  people=tables.people, path=path, settings=settings, outliers=outliers)


def from_texts(texts: dict[str, str] | Iterable[dict], *, lang: str | None = None,
               clean: Any = None, **options: Any) -> Corpus:
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
    """
    records = ([{"doc_id": k, "text": v} for k, v in texts.items()] if isinstance(texts, dict)
               else list(texts))
    docs = documents_from_records(records)
    return build_corpus(docs, lang=lang, clean=clean, **options)
