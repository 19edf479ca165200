"""Where things are: the project folder, the cache folder, and the environment variables that move them.

Two notions of "project" are used, and kept apart by name:

- :func:`project_root` is *this* project: the folder holding the ``discourse`` package and its
  ``notebooks/`` (relative corpus paths of notebook parameters resolve against it);
- :func:`enclosing_project` is the project holding a *corpus* folder: the nearest ancestor with
  ``.git`` or ``pyproject.toml`` (where a corpus's cache goes by default).
"""
from __future__ import annotations

import os
from pathlib import Path

#: Environment variable naming the cache folder (or ``off``) when ``cache=`` is not given.
CACHE_ENV = "DISCOURSE_CACHE_DIR"
#: Environment variable naming the default Dask scheduler address.
SCHEDULER_ENV = "DISCOURSE_SCHEDULER"
_OFF = {"off", "false", "0", "no", "none"}
_ROOT_MARKERS = (".git", "pyproject.toml")



def nearest_project(folder: str | Path) -> Path | None:
    start = Path(folder).resolve()
    for candidate in (start, *start.parents):
        if any((candidate / marker).exists() for marker in _ROOT_MARKERS):
            return candidate
    return None


def enclosing_project(folder: str | Path) -> Path:
    """The nearest ancestor of ``folder`` (itself included) holding ``.git`` or ``pyproject.toml``.

    Falls back to ``folder`` itself when no ancestor has either.
    """
    return nearest_project(folder) or Path(folder).resolve()


def default_cache_dir(folder: str | Path) -> Path:
    """Where a corpus's processed tables go by default.

    ``.cache/discourse/`` in the project that holds the corpus ``folder``; for a corpus outside any
    project (a shared data folder, which stays untouched: raw data are never written to), the project
    of the working directory, else ``~/.cache/discourse``.
    """
    project = nearest_project(folder) or nearest_project(Path.cwd())
    if project is None:
        return Path.home() / ".cache" / "discourse"
    return project / ".cache" / "discourse"


def resolve_cache_dir(cache: bool | str | Path | None, folder: str | Path | None) -> Path | None:
    """The cache folder for a ``cache=`` option: ``False`` off, a path there, ``None``/``True`` default.

    With ``None``, the environment variable ``DISCOURSE_CACHE_DIR`` decides when it is set (a folder,
    or ``off``), so that a report's notebooks share the cache chosen on its command line. The default
    needs the corpus ``folder``; in-memory corpora (no folder) are not cached by default.
    """
    if cache is False:
        return None
    if cache is None:
        env = os.environ.get(CACHE_ENV, "").strip()
        if env:
            return None if env.lower() in _OFF else Path(env).expanduser()
    if cache is None or cache is True:
        return default_cache_dir(folder) if folder is not None else None
    return Path(cache)



def project_root() -> Path:
    """The project folder: the parent of the ``discourse`` package when it holds ``notebooks/``.

    Falls back to the current working directory for an installed (non-editable) package.
    """
    root = Path(__file__).resolve().parents[1]
    return root if (root / "notebooks").is_dir() else Path.cwd()



#: The file a report writes into its folder (``python -m discourse report --out``): it marks the folder
#: as the report's own (only such a folder is ever cleared) and a corpus reader skips a folder holding it.
REPORT_MARKER = "discourse-report.json"
