"""The report folder (``--out``): owned by the report that wrote it, replaced whole, never mixed.

A report never writes into ``--out`` directly. It writes into a staging folder beside it
(``.NAME.staging-PID-TOKEN``) and, once every notebook has run, takes a lock beside it
(``.NAME.lock``, a :mod:`filelock` lock) and moves the staging folder into place. The marker file
:data:`~discourse.paths.REPORT_MARKER` in the report lists every file the report wrote, with its size
and SHA-256, and the report's provenance. So:

- ``--out`` is cleared only when it is missing, empty, or a report's own folder: it holds the marker
  and nothing but the files the marker lists, unchanged. Anything else (a researcher's
  ``figures/thesis.png``, a file edited since, a report written before markers existed) is refused
  with a message naming the files, unless ``overwrite=True``;
- ``overwrite=True`` replaces a folder that holds other files too: *everything inside ``--out`` is
  deleted* once the new report is in place (nothing outside it, ever);
- never, even with ``overwrite``: ``--out`` at an existing file, at the file-system root, the home
  folder, the project root or a folder that holds a project (``.git``, ``pyproject.toml``), the corpus
  folder or inside it, a folder that holds the corpus, the notebooks or the ``discourse`` package;
- two reports into one folder at once each write their own staging folder; the second to finish
  replaces the first's complete report (its own, so allowed) under the lock: one complete report
  remains, never a mix, and neither deletes the other's files while it runs;
- a run that fails or is interrupted removes its staging folder; ``--out`` keeps the earlier report.
  A run killed outright leaves its staging folder (marked as being written, with its process id); the
  next report into the same ``--out`` removes it once that process is gone.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import shutil
import socket
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

from discourse.errors import ReportFolderError
from discourse.paths import REPORT_MARKER

__all__ = ["check_out", "staged_report", "publish", "Staging", "read_marker", "MARKER_FORMAT"]

#: Version of the marker file's layout.
MARKER_FORMAT = 1
#: Seconds a report waits for another report's move into the same folder (a move takes moments).
LOCK_TIMEOUT = 600
#: Files named in a refusal, at most.
_SHOWN = 5
#: Files whose presence makes a folder a project (never a report folder).
_PROJECT_FILES = (".git", "pyproject.toml")


@dataclass
class Staging:
    """A report being written: the final folder ``out`` and the staging folder beside it."""

    out: Path
    path: Path


def _hidden(out: Path, kind: str, token: str = "") -> Path:
    return out.parent / f".{out.name}.{kind}{'-' + token if token else ''}"


def _lock(out: Path) -> Any:
    from filelock import FileLock

    return FileLock(str(_hidden(out, "lock")), timeout=LOCK_TIMEOUT)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_marker(folder: Path) -> dict | None:
    """The marker of ``folder`` (a dict), or None when it has none or the file is not a marker."""
    try:
        marker = json.loads((folder / REPORT_MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(marker, dict) or marker.get("format") != MARKER_FORMAT \
            or not isinstance(marker.get("files"), dict) or not isinstance(marker.get("folders"), list):
        return None
    return marker


def _contents(folder: Path) -> tuple[list[str], list[str]]:
    """Relative paths of every file (anything that is not a folder: links too) and every folder
    under ``folder``, hidden ones included, links not followed."""
    files, folders = [], []
    for root, dirs, names in os.walk(folder):
        base = Path(root)
        for d in list(dirs):
            if (base / d).is_symlink():
                dirs.remove(d)
                names.append(d)
        folders.extend((base / d).relative_to(folder).as_posix() for d in dirs)
        files.extend((base / n).relative_to(folder).as_posix() for n in names)
    return sorted(files), sorted(folders)


def _foreign(folder: Path) -> list[str]:
    """What in ``folder`` its marker does not account for: files it does not list or whose size or
    SHA-256 changed, folders it does not list, links (everything, if there is no marker)."""
    files, folders = _contents(folder)
    marker = read_marker(folder)
    if marker is None:
        return files + [f + "/" for f in folders]
    listed = marker["files"]
    foreign = []
    for rel in files:
        if rel == REPORT_MARKER:
            continue
        entry = listed.get(rel)
        path = folder / rel
        if (not isinstance(entry, dict) or path.is_symlink() or not path.is_file()
                or path.stat().st_size != entry.get("size") or _sha256(path) != entry.get("sha256")):
            foreign.append(rel)
    foreign.extend(f + "/" for f in folders if f not in marker["folders"])
    return sorted(foreign)


def check_out(out: str | Path, *, corpus: Path, protected: Mapping[str, Path] | None = None,
              overwrite: bool = False) -> Path:
    """Check a report folder before anything is written; return it resolved.

    Parameters
    ----------
    out : str or Path
        The report folder asked for.
    corpus : Path
        The corpus folder: ``out`` may be neither inside it nor hold it.
    protected : mapping of str to Path, optional
        Folders ``out`` may neither be nor hold, by what they are (``{"the project root": ...}``).
    overwrite : bool
        Accept a folder holding files no report wrote (they will be deleted).

    Returns
    -------
    Path
        ``out``, absolute, links resolved.

    Raises
    ------
    ReportFolderError
        ``out`` cannot be used (see the module docstring), naming it and why.
    """
    if not isinstance(out, (str, Path)) or not str(out).strip():
        raise ReportFolderError(f"out must be a folder path, got {out!r}")
    if not isinstance(overwrite, bool):
        raise ReportFolderError(f"overwrite must be True or False, got {overwrite!r}")
    path = Path(out).expanduser().resolve()
    where = f"--out {str(out)!r}" + (f" ({path})" if str(path) != str(out) else "")
    advice = "choose a folder of its own for the report, e.g. reports/NAME"
    if path.exists() and not path.is_dir():
        raise ReportFolderError(f"{where} is an existing file, not a folder; {advice}")
    guarded = {"the file-system root": Path(path.anchor), "the home folder": Path.home(),
               **(protected or {}), "the corpus folder": corpus}
    guarded = {name: folder.resolve() for name, folder in guarded.items()}
    for name, folder in guarded.items():
        if path == folder:
            raise ReportFolderError(f"{where} is {name}; {advice}" + (
                " outside the corpus (the next load would read the report as documents)"
                if name == "the corpus folder" else ""))
    if path.is_relative_to(guarded["the corpus folder"]):
        raise ReportFolderError(f"{where} is inside the corpus folder {guarded['the corpus folder']}: the next "
                                f"load would read the report as documents; {advice} outside the corpus")
    for name, folder in guarded.items():
        if folder.is_relative_to(path):
            raise ReportFolderError(f"{where} holds {name} ({folder}), which a report must never replace; "
                                    f"{advice}")
    if path.is_dir() and any((path / name).exists() for name in _PROJECT_FILES):
        found = ", ".join(n for n in _PROJECT_FILES if (path / n).exists())
        raise ReportFolderError(f"{where} holds a project ({found}); {advice}")
    _check_writable(path, where)
    if path.is_dir() and not overwrite:
        _check_owned(path, where)
    return path


def _check_writable(path: Path, where: str) -> None:
    existing = next(p for p in (path, *path.parents) if p.exists())
    if existing == path:
        for folder in (path, *(path / f for f in _contents(path)[1])):
            if not os.access(folder, os.W_OK | os.X_OK):
                raise ReportFolderError(f"{where}: {folder} is read-only, so its earlier report cannot be "
                                        "replaced; choose another folder or make it writable")
        existing = path.parent
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        raise ReportFolderError(f"{where}: cannot write into {existing} (read-only or not a folder); choose a "
                                "folder where you can write")


def _check_owned(path: Path, where: str) -> None:
    foreign = _foreign(path)
    if not foreign:
        return
    shown = ", ".join(foreign[:_SHOWN]) + (f" and {len(foreign) - _SHOWN} more" if len(foreign) > _SHOWN else "")
    what = ("holds files that no report wrote" if read_marker(path) is None
            else "holds files its report did not write, or changed since")
    raise ReportFolderError(
        f"{where} {what}: {shown}. A report replaces only an empty folder or its own (marked by "
        f"{REPORT_MARKER}, unchanged); choose another folder, move those files, or pass "
        f"--overwrite (overwrite=True), which deletes everything inside {path}")


def _marker(state: str, *, out: Path, started: str, provenance: dict | None = None,
            files: dict | None = None, folders: list | None = None) -> dict:
    return {"format": MARKER_FORMAT, "written_by": "discourse report", "state": state, "out": str(out),
            "pid": os.getpid(), "host": socket.gethostname(), "started": started,
            "finished": datetime.now(timezone.utc).isoformat(timespec="seconds") if state == "complete" else None,
            "folders": folders or [], "files": files or {}, "provenance": provenance or {}}


def _write_marker(folder: Path, marker: dict) -> None:
    (folder / REPORT_MARKER).write_text(json.dumps(marker, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _alive(marker: dict) -> bool:
    """Whether the process that wrote ``marker`` may still run (True when it cannot be told)."""
    if marker.get("host") != socket.gethostname() or not isinstance(marker.get("pid"), int):
        return True
    try:
        os.kill(marker["pid"], 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _remove_stale(out: Path, log: Callable[[str], None]) -> None:
    """Remove the staging folders beside ``out`` that a report killed while writing left behind
    (marked ``writing`` by a process of this host that is gone). Called under the lock."""
    for candidate in sorted(out.parent.glob(f".{out.name}.staging-*")):
        marker = read_marker(candidate)
        if candidate.is_dir() and not candidate.is_symlink() and marker is not None \
                and marker.get("state") == "writing" and not _alive(marker):
            shutil.rmtree(candidate, ignore_errors=True)
            log(f"removed {candidate}, left by a report that was stopped while writing")


@contextlib.contextmanager
def staged_report(out: Path, *, log: Callable[[str], None] = lambda msg: None) -> Iterator[Staging]:
    """A staging folder beside ``out`` (checked by :func:`check_out`) for a report to write into.

    Yields a :class:`Staging`; call :func:`publish` before leaving the block to move it into place.
    Whatever ends the block without a publish (an error, an interrupt) removes the staging folder,
    leaving ``out`` as it was.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    with _lock(out):
        _remove_stale(out, log)
    token = f"{os.getpid()}-{secrets.token_hex(4)}"
    path = _hidden(out, "staging", token)
    path.mkdir()
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    _write_marker(path, _marker("writing", out=out, started=started))
    staging = Staging(out=out, path=path)
    try:
        yield staging
    finally:
        if path.exists():  # not published
            shutil.rmtree(path, ignore_errors=True)


def publish(staging: Staging, *, provenance: dict, overwrite: bool = False,
            log: Callable[[str], None] = lambda msg: None) -> Path:
    """Move a finished report into place, under the lock; return ``out``.

    The marker is completed with the provenance and every file of the staging folder. ``out`` is
    checked again under the lock (another report, or a person, may have written there meanwhile): an
    earlier report of its own (or, with ``overwrite``, anything) is moved aside, the new report moved
    in, and the earlier one deleted: with ``overwrite`` all of it; otherwise exactly the files its
    marker lists, so that a file put there since is kept (and named).

    Raises
    ------
    ReportFolderError
        ``out`` changed since :func:`check_out` so that it may no longer be replaced; the finished
        report is then kept in a folder beside it, which the message names.
    """
    out, path = staging.out, staging.path
    files, folders = _contents(path)
    listed = {rel: {"size": (path / rel).stat().st_size, "sha256": _sha256(path / rel)}
              for rel in files if rel != REPORT_MARKER}
    started = (read_marker(path) or {}).get("started") or ""
    _write_marker(path, _marker("complete", out=out, started=started, provenance=provenance,
                                files=listed, folders=folders))
    token = path.name.split(".staging-", 1)[1]
    with _lock(out):
        if out.exists():
            try:
                if not out.is_dir() or out.is_symlink():
                    raise ReportFolderError(f"--out {out} is no longer a folder")
                if not overwrite:
                    _check_owned(out, f"--out {out}")
            except ReportFolderError as exc:
                kept = _hidden(out, "unpublished", token)
                os.rename(path, kept)
                raise ReportFolderError(f"{exc} (it changed while the report ran; the new report is kept in "
                                        f"{kept})") from None
            aside = _hidden(out, "replaced", token)
            old = read_marker(out)
            os.rename(out, aside)
            os.rename(path, out)
            _delete_replaced(aside, old, overwrite=overwrite, log=log)
        else:
            os.rename(path, out)
    return out


def _delete_replaced(aside: Path, marker: dict | None, *, overwrite: bool, log: Callable[[str], None]) -> None:
    """Delete the earlier report moved aside: all of it with ``overwrite``, else what its marker lists."""
    if overwrite:
        shutil.rmtree(aside)
        return
    if marker is not None:  # else it was empty when checked, under the lock
        for rel in [*marker["files"], REPORT_MARKER]:
            with contextlib.suppress(FileNotFoundError):
                (aside / rel).unlink()
        for rel in sorted(marker["folders"], key=lambda f: f.count("/"), reverse=True):
            with contextlib.suppress(FileNotFoundError, OSError):
                (aside / rel).rmdir()
    try:
        aside.rmdir()
    except OSError:
        left, _ = _contents(aside)
        log(f"kept {aside}: it holds files put into the earlier report after it was checked: "
            f"{', '.join(left[:_SHOWN])}")
