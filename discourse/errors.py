"""The package's exceptions: one base class, a few subclasses that say what went wrong.

Subclasses that signal a bad argument value also subclass :class:`ValueError`, so callers that
catch ``ValueError`` keep working.
"""
from __future__ import annotations


class DiscourseError(Exception):
    """Base class of every error raised on purpose by :mod:`discourse`."""


class CorpusError(DiscourseError, ValueError):
    """A corpus folder, file or table cannot be read as asked (names the file and, where known, the row)."""


class ManifestError(CorpusError):
    """The manifest (``metadata.csv``) is unreadable, or one of its rows is invalid."""


class ParameterError(DiscourseError, ValueError):
    """A function or notebook parameter has a value outside its valid set (names both)."""


class ReportError(DiscourseError):
    """A notebook of the report suite failed; the message names the notebook and the cell."""


class CorpusWarning(UserWarning):
    """Something in the corpus is incomplete but loads anyway (e.g. a document without a year)."""


class ReportFolderError(ParameterError):
    """The report folder (``--out``) cannot be used as asked: it holds files no report wrote, is a file,
    read-only, the project root, or inside the corpus (the message names it and says what to do)."""
