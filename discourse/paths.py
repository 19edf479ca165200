"""Where things are: the project folder, the cache folder, and the environment variables that move them.

Two notions of "project" are used, and kept apart by name:

- :func:`project_root` is *this* project: the folder holding the ``discourse`` package and its
  ``notebooks/`` (relative corpus paths of notebook parameters resolve against it);
- :func:`working_project` is the project the user works in: the nearest ancestor of the working
  directory with ``.git`` or ``pyproject.toml`` (where caches go by default).
"""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

#: Environment variable naming the cache folder (or ``off``) when ``cache=`` is not given.
CACHE_ENV = "DISCOURSE_CACHE_DIR"
#: Environment variable naming the default Dask scheduler address.
SCHEDULER_ENV = "DISCOURSE_SCHEDULER"
_OFF = {"off", "false", "0", "no", "none"}
_ROOT_MARKERS = (".git", "pyproject.toml")


def working_project() -> Path | None:
    """The nearest ancestor of the working directory (itself included) holding ``.git`` or
    ``pyproject.toml``; None when there is none."""
    start = Path.cwd().resolve()
    for candidate in (start, *start.parents):
        if any((candidate / marker).exists() for marker in _ROOT_MARKERS):
            return candidate
    return None


def default_cache_dir() -> Path:
    """Where processed tables go by default: ``.cache/discourse/`` of the working project
    (:func:`working_project`), else the user's cache folder (``platformdirs.user_cache_dir``:
    ``~/.cache/discourse`` on Linux).

    The corpus's own folder plays no part: a corpus is never written to, nor is a repository that
    merely holds it (a shared data folder, another project).
    """
    project = working_project()
    if project is not None:
        return project / ".cache" / "discourse"
    return Path(platformdirs.user_cache_dir("discourse", appauthor=False))


def resolve_cache_dir(cache: bool | str | Path | None, folder: str | Path | None) -> Path | None:
    """The cache folder for a ``cache=`` option: ``False`` off, a path there, ``None``/``True`` default.

    With ``None``, the environment variable ``DISCOURSE_CACHE_DIR`` decides when it is set (a folder,
    or ``off``), so that a report's notebooks share the cache chosen on its command line. Otherwise
    the default (:func:`default_cache_dir`) serves corpora read from a ``folder``; in-memory corpora
    (no folder) are not cached by default.
    """
    if cache is False:
        return None
    if cache is None:
        env = os.environ.get(CACHE_ENV, "").strip()
        if env:
            return None if env.lower() in _OFF else Path(env).expanduser()
    if cache is None or cache is True:
        return default_cache_dir() if folder is not None else None
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
