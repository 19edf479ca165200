"""Provenance of a report: which corpus, which parameters, which software, when.

Two hashes identify the corpus:

* ``files_sha256`` - SHA-256 over the folder's files (relative path and bytes of every file, sorted by
  path, hidden files and folders such as ``.cache`` left out): it changes whenever a raw file changes;
* ``content_sha256`` - :meth:`discourse.corpus.Corpus.content_hash`, over the processed sentences: it
  changes when the text the measures see changes (a file edit, or a change of cleaning).
"""
from __future__ import annotations

import hashlib
import json
import platform
import subprocess
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any, Mapping

import pandas as pd

from discourse.paths import project_root
from discourse.version import __version__

#: Distributions whose versions every report records.
PACKAGES = ("discourse", "pandas", "numpy", "scipy", "nltk", "textblob", "jieba", "matplotlib",
            "papermill")


def package_versions(packages: tuple[str, ...] = PACKAGES) -> dict[str, str]:
    """Installed version of each package (``discourse`` from the package itself when not installed)."""
    versions: dict[str, str] = {}
    for name in packages:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            if name == "discourse":
                versions[name] = __version__
            else:
                versions[name] = "not installed"
    return versions


def git_commit(folder: str | Path) -> str | None:
    """The commit checked out in the git repository holding ``folder`` (``+dirty`` if modified), or None."""
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=folder, capture_output=True,
                              text=True, timeout=10)
        if head.returncode != 0:
            return None
        status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=folder,
                                capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    commit = head.stdout.strip()
    return commit + ("+dirty" if status.stdout.strip() else "")


def folder_hash(folder: str | Path) -> str:
    """SHA-256 over the relative paths and bytes of the files of ``folder`` (hidden entries skipped)."""
    root = Path(folder)
    h = hashlib.sha256()
    files = sorted(p for p in root.rglob("*")
                   if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts))
    for p in files:
        h.update(p.relative_to(root).as_posix().encode("utf-8"))
        h.update(b"\x00")
        h.update(p.read_bytes())
        h.update(b"\x00")
    return h.hexdigest()


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "item") and callable(value.item):  # numpy scalars
        return value.item()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def corpus_provenance(corpus: Any) -> dict[str, Any]:
    """Path, both hashes and size of a loaded corpus."""
    path = getattr(corpus, "path", None)
    return {
        "corpus": str(Path(path).resolve()) if path is not None else None,
        "files_sha256": folder_hash(path) if path is not None and Path(path).is_dir() else None,
        "content_sha256": corpus.content_hash(),
        "documents": int(len(corpus.documents)),
        "sentences": int(len(corpus.sentences)),
        "word_tokens": int(corpus.tokens["is_word"].astype(bool).sum()) if len(corpus.tokens) else 0,
    }


def collect_provenance(corpus: Any, parameters: Mapping[str, Any] | Any | None = None) -> dict[str, Any]:
    """Everything needed to say where a report came from.

    Parameters
    ----------
    corpus : Corpus
    parameters : mapping or namespace, optional
        The parameters the report ran with.

    Returns
    -------
    dict
        ``corpus, files_sha256, content_sha256, documents, sentences, word_tokens, parameters,
        versions, python, git_commit, timestamp`` (UTC, ISO 8601).
    """
    if parameters is not None and not isinstance(parameters, Mapping):
        parameters = vars(parameters)
    info = corpus_provenance(corpus)
    info["parameters"] = _jsonable(dict(parameters or {}))
    info["versions"] = package_versions()
    info["python"] = platform.python_version()
    info["git_commit"] = git_commit(project_root())
    info["timestamp"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return info


def provenance_table(corpus: Any, parameters: Mapping[str, Any] | Any | None = None) -> pd.DataFrame:
    """The provenance as a two-column table (``field, value``) for the first output of a notebook."""
    info = collect_provenance(corpus, parameters)
    rows = []
    for key, value in info.items():
        if key == "versions":
            rows.extend((f"version: {k}", v) for k, v in value.items())
        elif key == "parameters":
            rows.extend((f"parameter: {k}", json.dumps(v, ensure_ascii=False)) for k, v in value.items())
        else:
            rows.append((key, "" if value is None else str(value)))
    return pd.DataFrame(rows, columns=["field", "value"])


def summary_line(info: Mapping[str, Any]) -> str:
    """The provenance of :func:`collect_provenance` in one line, for the top of a report page.

    Returns
    -------
    str
        ``"Corpus sichuan: 27 documents, 1,234 sentences, 45,678 word tokens (files 3f2a9c1b0d4e, content 9e1f0a2b3c4d) ·
        discourse 0.1.0 · commit ec62615 · 2025-12-04 18:30 UTC · full provenance at the end"``; a field
        the provenance lacks is left out.
    """
    corpus = info.get("corpus")
    name = Path(str(corpus)).name if corpus else "(no folder)"
    sizes = ", ".join(f"{int(info[k]):,} {label}" for k, label in
                      (("documents", "documents"), ("sentences", "sentences"),
                       ("word_tokens", "word tokens")) if info.get(k) is not None)
    first = f"Corpus {name}: {sizes}" if sizes else f"Corpus {name}"
    hashes = [f"{label} {str(info[key])[:12]}" for key, label in
              (("files_sha256", "files"), ("content_sha256", "content")) if info.get(key)]
    if hashes:
        first += f" ({', '.join(hashes)})"
    parts = [first]
    version = (info.get("versions") or {}).get("discourse")
    if version:
        parts.append(f"discourse {version}")
    if info.get("git_commit"):
        commit = str(info["git_commit"])
        parts.append(f"commit {commit[:7]}{'+dirty' if commit.endswith('+dirty') else ''}")
    stamp = info.get("timestamp")
    if stamp:
        try:
            parts.append(datetime.fromisoformat(str(stamp)).astimezone(timezone.utc)
                         .strftime("%Y-%m-%d %H:%M UTC"))
        except ValueError:
            parts.append(str(stamp))
    parts.append("full provenance at the end")
    return " · ".join(parts)
