"""Processing: documents to the corpus tables. One document's (or a batch's) rows of every table
(``document.py``, ``batch.py``), run serially, in local processes or on a Dask cluster
(``runners.py``) through a Parquet cache (``cache.py``, ``keys.py``); ``load.py`` holds
:func:`load_corpus` and :func:`from_texts`."""
from discourse.processing.load import build_corpus, from_texts, load_corpus

__all__ = ["load_corpus", "from_texts", "build_corpus"]
