"""``load_corpus``: read a folder and process it into a :class:`~discourse.corpus.Corpus`."""
from __future__ import annotations

from pathlib import Path

from .corpus import Corpus
from .errors import ParameterError
from .validate import check_choice


def load_corpus(path: str | Path, *, manifest: str | Path | None = None, pattern: str | None = None,
                lang: str | None = None, workers: int | None = None, scheduler: str | None = None,
                cache: bool | str | Path | None = None, progress: bool | None = None) -> Corpus:
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

    Returns
    -------
    Corpus
        With ``documents``, ``sentences``, ``tokens``, ``directives``, ``load_report``, ``removed``
        and ``people`` tables.
    """
    from .cache import resolve_cache_dir
    from .engine import check_options, resolve_workers
    from .load import read_folder
    from .pipeline import build_corpus
    from .textfacts import FILE_NAME, TextFacts

    check_options(workers=workers, scheduler=scheduler, cache=cache, progress=progress)
    if lang is not None:
        check_choice("lang", lang, ["en", "zh"])
    if not isinstance(path, (str, Path)):
        raise ParameterError(f"path must be a folder path, got {path!r}")
    folder = Path(path)
    cache_dir = resolve_cache_dir(cache, folder) if folder.is_dir() else None
    memo = TextFacts(cache_dir / FILE_NAME) if cache_dir is not None else None
    # The reading is local even when a cluster processes: its costly part may use every local core.
    result = read_folder(folder, manifest=manifest, pattern=pattern, memo=memo,
                         workers=resolve_workers(workers))
    if memo is not None:
        memo.save()
    return build_corpus(result.documents, lang=lang, load_report=result.load_report, path=folder,
                        workers=workers, scheduler=scheduler, cache=cache, progress=progress)
