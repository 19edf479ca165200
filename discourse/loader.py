"""``load_corpus``: read a folder and process it into a :class:`~discourse.corpus.Corpus`."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .corpus import Corpus
from .errors import ParameterError
from .validate import check_choice


def load_corpus(path: str | Path, *, manifest: str | Path | None = None, pattern: str | None = None,
                lang: str | None = None, **options: Any) -> Corpus:
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
    **options
        Processing options (``workers``, ``cache``, ``scheduler``, ``progress``) where supported.

    Returns
    -------
    Corpus
        With ``documents``, ``sentences``, ``tokens``, ``directives``, ``load_report``, ``removed``
        and ``people`` tables.
    """
    from .load import read_folder
    from .pipeline import build_corpus

    if lang is not None:
        check_choice("lang", lang, ["en", "zh"])
    if not isinstance(path, (str, Path)):
        raise ParameterError(f"path must be a folder path, got {path!r}")
    folder = Path(path)
    result = read_folder(folder, manifest=manifest, pattern=pattern)
    return build_corpus(result.documents, lang=lang, load_report=result.load_report,
                        path=folder, **options)
