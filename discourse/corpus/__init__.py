"""The corpus: the :class:`Corpus` (``model.py``) and the columns of its tables, once (``schema.py``)."""
from discourse.corpus.model import Corpus, from_tables
from discourse.corpus.schema import TABLES, Document

__all__ = ["Corpus", "from_tables", "Document", "TABLES"]
