"""Reading a corpus folder: file formats, encodings, metadata (manifest, file-name pattern, text), load report.

:func:`read_folder` accounts for every file it sees with one row of the load report; it never stops on one
bad file. The text of each document is returned as read; cleaning is :func:`discourse.clean.clean_text`.
"""
from __future__ import annotations

import io
import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pandas as pd

from discourse.corpus.schema import LOAD_REPORT_COLUMNS, Document
from discourse.errors import CorpusError, CorpusWarning, ManifestError, ParameterError
from discourse.parallel import local_pool
from discourse.reading.facts import Facts, TextFacts, text_digest, whitespace_fingerprint
from discourse.reading.formats import TABLE_SUFFIXES, TEXT_SUFFIXES, Unreadable, decode_bytes, extract_documents
from discourse.text.clean import HEADLINE_MAX_CHARS, clean_text, match_dateline, normalize_space
from discourse.validate import check_positive_int

MANIFEST_NAME = "metadata.csv"
#: Documents without a year named in the one warning that says how many there are.
NO_YEAR_LISTED = 10
#: Document fields that a table column may not overwrite in ``meta`` (kept as ``orig_<name>``).
_RESERVED = {"doc_id", "path", "text", "encoding", "date_source", "year_source"}


@dataclass
class ReadResult:
    """What :func:`read_folder` returns: the documents and one load-report row per file seen."""

    documents: list[Document]
    load_report: pd.DataFrame


def parse_date(value: str) -> str | None:
    """ISO date of ``value`` (``2024-12-17``, ``2024.12.17``, ``2024年12月17日``, ``April 16, 1945``), or None."""
    found = match_dateline(normalize_space(str(value)))
    return found[0] if found and not found[1] else None


def _parse_year(value: object) -> int | None:
    text = str(value).strip()
    if re.fullmatch(r"\d{4}(\.0)?", text):
        return int(float(text))
    return None


def _clean_meta(record: dict) -> dict:
    """Drop empty values; rename keys that would overwrite a Document field."""
    out = {}
    for key, value in record.items():
        key = str(key).strip()
        if value is None or (isinstance(value, float) and pd.isna(value)) or str(value).strip() == "":
            continue
        out[f"orig_{key}" if key in _RESERVED else key] = value.strip() if isinstance(value, str) else value
    return out


def _typed(meta: dict) -> list[str]:
    """Turn ``meta["date"]`` into an ISO string and ``meta["year"]`` into an int, in place.

    Invalid values are removed; the returned list describes them.
    """
    problems = []
    if "date" in meta:
        iso = parse_date(meta["date"])
        if iso is None:
            problems.append(f"invalid date {meta.pop('date')!r}; expected YYYY-MM-DD "
                            "(use the 'year' column for a year alone)")
        else:
            meta["date"] = iso
    if "year" in meta:
        year = _parse_year(meta["year"])
        if year is None:
            problems.append(f"invalid year {meta.pop('year')!r}; expected four digits")
        else:
            meta["year"] = year
    return problems


def _read_manifest(folder: Path, manifest: str | Path | None) -> tuple[Path | None, dict[str, dict]]:
    """The manifest's path and its rows by file (relative POSIX path), dates and years checked."""
    if manifest is None:
        path = folder / MANIFEST_NAME
        if not path.is_file():
            return None, {}
    else:
        if not isinstance(manifest, (str, Path)):
            raise ParameterError(f"manifest must be a path to a CSV file or None, got {manifest!r}")
        path = Path(manifest)
        if not path.is_file() and (folder / path).is_file():
            path = folder / path
        if not path.is_file():
            raise ManifestError(f"manifest {str(manifest)!r} not found (looked in the working folder and in {folder})")
    try:
        text, _ = decode_bytes(path.read_bytes())
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (Unreadable, OSError, ValueError, pd.errors.ParserError) as exc:
        raise ManifestError(f"manifest {path} cannot be read: {exc}") from None
    table.columns = [str(c).strip() for c in table.columns]
    if "file" not in table.columns:
        raise ManifestError(f"manifest {path} has no 'file' column; columns: {', '.join(table.columns)}")
    rows: dict[str, dict] = {}
    for n, record in enumerate(table.to_dict("records"), start=1):
        where = f"manifest {path}, row {n} (line {n + 1})"
        name = str(PurePosixPath(record.pop("file").strip().replace("\\", "/")))
        if not name or name == "." or not (folder / name).is_file():
            raise ManifestError(f"{where}: file {name!r} does not exist in {folder}")
        if name in rows:
            raise ManifestError(f"{where}: file {name!r} is listed twice")
        meta = _clean_meta(record)
        problems = _typed(meta)
        if problems:
            raise ManifestError(f"{where}: {problems[0]}")
        rows[name] = meta
    return path, rows


def _pattern_meta(regex: re.Pattern[str] | None, stem: str) -> tuple[dict, list[str]]:
    """Named groups of ``regex`` searched in ``stem`` (year to int, date to ISO) and notes."""
    if regex is None:
        return {}, []
    m = regex.search(stem)
    if m is None:
        return {}, ["pattern did not match the file name"]
    meta = _clean_meta(m.groupdict())
    return meta, [f"pattern: {problem}" for problem in _typed(meta)]


#: Lines read at the top and at the end of a text for metadata found in the text itself.
_META_HEAD, _META_TAIL = 25, 8
#: Characters read of each of those lines: more than any dateline, headline or source line can have.
_META_LINE_CHARS = HEADLINE_MAX_CHARS + 20


def text_facts(text: str) -> Facts:
    """The metadata ``text`` shows of itself (dateline, headline, source line) and its duplicate
    fingerprint (see :mod:`discourse.textfacts`)."""
    lines = text.splitlines()
    if len(lines) > _META_HEAD + _META_TAIL:
        lines = lines[:_META_HEAD] + lines[-_META_TAIL:]
    # Datelines and headlines stand near the top, source lines near the end, and all are short (at
    # most HEADLINE_MAX_CHARS): reading only those lines, and a long paragraph only as far as shows it
    # is one, keeps loading a large corpus fast (the whole text is cleaned once, when processed).
    cleaned = clean_text("\n".join(line[:_META_LINE_CHARS] for line in lines))
    return Facts(cleaned.dateline, cleaned.headline, cleaned.source_line, whitespace_fingerprint(text))


#: Characters of text to examine below which :func:`read_folder` finds the texts' facts in this process.
PARALLEL_FACTS_CHARS = 2_000_000


def _find_facts(bodies: list[str], memo: TextFacts | None, workers: int) -> list[Facts]:
    """:func:`text_facts` of each of ``bodies``, from ``memo`` where it knows the text (and put there
    where it did not); those not known are found in ``workers`` local processes when they are many."""
    digests = [text_digest(body) for body in bodies] if memo is not None else [None] * len(bodies)
    facts: list[Facts | None] = [memo.get(d) if d is not None else None for d in digests]
    todo = [i for i, f in enumerate(facts) if f is None]
    size = sum(len(bodies[i]) for i in todo)
    if workers > 1 and len(todo) > 1 and size >= PARALLEL_FACTS_CHARS:
        workers = min(workers, len(todo))
        with local_pool(workers) as pool:
            found = list(pool.map(text_facts, [bodies[i] for i in todo],
                                  chunksize=max(1, len(todo) // (4 * workers))))
    else:
        found = [text_facts(bodies[i]) for i in todo]
    for i, f in zip(todo, found):
        facts[i] = f
        if memo is not None:
            memo.put(digests[i], f)
    return facts  # type: ignore[return-value]


def _assemble_meta(facts: Facts, layers: list[tuple[str, dict]]) -> dict:
    """Merge metadata layers (highest precedence first), then fill gaps from the text's own ``facts``."""
    layers = [*layers, ("text", {"date": facts.date, "title": facts.title, "source": facts.source})]
    meta: dict = {"title": None, "date": None, "year": None, "source": None, "speaker": None,
                  "date_source": None, "year_source": None}
    for name, layer in layers:
        for key, value in layer.items():
            if value is None:
                continue
            if key in ("date", "year") and meta[key] is None:
                meta[f"{key}_source"] = name
            if meta.get(key) is None:
                meta[key] = value
    if meta["year"] is None and meta["date"]:
        meta["year"], meta["year_source"] = int(meta["date"][:4]), meta["date_source"]
    return meta


def _walk(folder: Path) -> list[str]:
    """Relative POSIX paths of all files under ``folder``, sorted; hidden files and folders left out."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith("."):
                found.append((Path(root) / name).relative_to(folder).as_posix())
    return sorted(found)


def _doc_ids(paths: list[str]) -> dict[str, str]:
    """File stem as id; where stems collide, the relative path without suffix, else the whole path."""
    loadable = [p for p in paths if PurePosixPath(p).suffix.lower() in TEXT_SUFFIXES + TABLE_SUFFIXES]
    stems = [PurePosixPath(p).stem for p in loadable]
    bare = [str(PurePosixPath(p).with_suffix("")) for p in loadable]
    ids = {}
    for p, stem, no_suffix in zip(loadable, stems, bare):
        ids[p] = stem if stems.count(stem) == 1 else no_suffix if bare.count(no_suffix) == 1 else p
    return ids


def read_folder(path: str | Path, *, manifest: str | Path | None = None,
                pattern: str | None = None, memo: TextFacts | None = None,
                workers: int = 1) -> ReadResult:
    """Read every file of a corpus folder (recursively) into documents, with a load report.

    Files are visited in sorted order of their relative paths; hidden files and folders (names starting
    with ".") are ignored and do not appear in the report. ``.txt``, ``.md`` and ``.html``/``.htm`` files
    are one document each (HTML: block elements become lines; script, style, nav, header and footer are
    dropped; ``<title>`` gives the title); ``.jsonl`` and ``.csv`` files give one document per row, the text
    in the ``text`` (or ``content``, ``body``) column and the other columns as metadata. The manifest is not
    a document, and other file types are skipped. Exact duplicates (same text after whitespace
    normalisation) keep the first copy.

    Metadata, field by field, comes from the first of: the table row, the manifest row, the ``pattern``
    groups, the text (a dateline such as "Updated:2024.12.25", the headline, a "Source:" line). ``year``
    falls back on the year of ``date``; ``meta["date_source"]`` and ``meta["year_source"]`` name the layer
    used (``row``, ``manifest``, ``pattern``, ``text``) or are None.

    Parameters
    ----------
    path : str or Path
        The corpus folder.
    manifest : str or Path, optional
        A CSV with a ``file`` column (path relative to the folder) and metadata columns (``date``
        YYYY-MM-DD, ``year``, ``title``, ``source``, ``speaker``, any other). Default: ``metadata.csv`` in
        the folder, if present.
    pattern : str, optional
        A regular expression with named groups, searched in each file's stem, e.g.
        ``(?P<year>\\d{4})-(?P<speaker>[A-Za-z]+)``; ``year`` and ``date`` groups fill those fields.
    memo : TextFacts, optional
        Remembers what each text shows of itself (see :mod:`discourse.textfacts`), so that a text read
        before is not cleaned again for its metadata; :func:`discourse.load_corpus` keeps one in the
        cache folder. The result is the same with or without it.
    workers : int, default 1
        Local processes that find those facts (a text's head and tail cleaned, its fingerprint) for the
        texts the memo does not know; 1 finds them here. Below :data:`PARALLEL_FACTS_CHARS` characters
        of such text they are always found here (a pool costs more to start than it saves). The result
        is the same whatever the number.

    Returns
    -------
    ReadResult
        ``documents`` (list of :class:`Document`) and ``load_report``, a DataFrame with one row per file
        seen and columns ``path`` (relative), ``status`` (``loaded``, ``skipped``, ``duplicate``),
        ``reason`` (why skipped, or notes such as rows without text), ``encoding``, ``n_documents`` and
        ``doc_ids`` (comma-separated).

    Raises
    ------
    CorpusError
        The folder does not exist or holds no loadable document.
    ManifestError
        The manifest is unreadable, has no ``file`` column, or a row names a missing file or holds an
        invalid date or year (the message names the file and the row).
    ParameterError
        ``pattern`` is not a valid regular expression.

    Warns
    -----
    CorpusWarning
        Once, when documents have no year (how many, and the first :data:`NO_YEAR_LISTED`); they are
        loaded without one, and the load report notes each.
    """
    if not isinstance(path, (str, Path)):
        raise ParameterError(f"path must be a folder path (str or Path), got {path!r}")
    folder = Path(path)
    if not folder.is_dir():
        raise CorpusError(f"corpus folder {str(folder)!r} does not exist or is not a folder")
    regex = None
    if pattern is not None:
        try:
            regex = re.compile(pattern)
        except (re.error, TypeError) as exc:
            raise ParameterError(f"pattern={pattern!r} is not a valid regular expression ({exc}); "
                                 r"expected e.g. '(?P<year>\d{4})-(?P<speaker>[A-Za-z]+)'") from None
    check_positive_int("workers", workers)
    if memo is not None and not isinstance(memo, TextFacts):
        raise ParameterError(f"memo must be a discourse.textfacts.TextFacts or None, got {type(memo).__name__}")
    manifest_path, manifest_rows = _read_manifest(folder, manifest)
    manifest_rel = None
    if manifest_path is not None and manifest_path.resolve().parent.is_relative_to(folder.resolve()):
        manifest_rel = manifest_path.resolve().relative_to(folder.resolve()).as_posix()

    paths = [p for p in _walk(folder) if p != manifest_rel]
    ids = _doc_ids(paths)
    # First every file is read, then the facts of the texts not in the memo are found (in a pool of
    # processes for a large corpus), then the files are accounted for one by one, in order.
    read: dict[str, tuple[str, list, list[str]] | str] = {}
    for rel in paths:
        suffix = PurePosixPath(rel).suffix.lower()
        if suffix not in TEXT_SUFFIXES + TABLE_SUFFIXES:
            read[rel] = f"unsupported file type {suffix or '(no suffix)'}"
            continue
        try:
            text, encoding = decode_bytes((folder / rel).read_bytes())
            found, notes = extract_documents(text, suffix)
        except Unreadable as exc:
            read[rel] = str(exc)
            continue
        except OSError as exc:
            read[rel] = f"unreadable: {exc.strerror or exc}"
            continue
        read[rel] = (encoding, found, notes)
    bodies = [body for entry in read.values() if not isinstance(entry, str) for _, body, _ in entry[1]]
    facts_of = _find_facts(bodies, memo, workers)

    documents: list[Document] = []
    report: list[dict] = []
    seen: dict[str, str] = {}
    no_year: list[str] = []
    if manifest_rel is not None:
        report.append(_row(manifest_rel, "skipped", "manifest"))
    k = 0
    for rel in paths:
        if isinstance(read[rel], str):
            report.append(_row(rel, "skipped", read[rel]))
            continue
        encoding, found, notes = read[rel]
        pattern_meta, pattern_notes = _pattern_meta(regex, PurePosixPath(rel).stem)
        loaded, duplicates = [], []
        for n, body, row_meta in found:
            label = rel if n is None else f"{rel} (row {n})"
            facts, k = facts_of[k], k + 1
            key = facts.fingerprint
            if key in seen:
                duplicates.append(f"same text as {seen[key]}" if n is None
                                  else f"row {n}: same text as {seen[key]}")
                continue
            seen[key] = label
            doc_id = ids[rel] if n is None else f"{ids[rel]}#{n}"
            row_meta = _clean_meta(row_meta)
            notes = [*notes, *(f"row {n}: {problem}" for problem in _typed(row_meta))]
            layers = [("manifest", manifest_rows.get(rel, {})), ("pattern", pattern_meta)]
            layers = [("row", row_meta), *layers] if n is not None else [*layers, ("text", row_meta)]
            meta = _assemble_meta(facts, layers)
            for key_, value in {**pattern_meta, **manifest_rows.get(rel, {}), **row_meta}.items():
                meta.setdefault(key_, value)
            if meta["year"] is None:
                no_year.append(label)
                notes = [*notes, "no year found" if n is None else f"row {n}: no year found"]
            loaded.append(Document(doc_id=doc_id, path=rel, text=body, encoding=encoding, meta=meta))
        documents.extend(loaded)
        notes = [*notes, *pattern_notes, *(duplicates if loaded else [])]
        if loaded:
            report.append(_row(rel, "loaded", "; ".join(notes), encoding, [d.doc_id for d in loaded]))
        elif duplicates:
            report.append(_row(rel, "duplicate", "; ".join(duplicates + notes), encoding))
        else:
            report.append(_row(rel, "skipped", "; ".join(["no document with text", *notes]), encoding))
    if no_year:  # one warning for the folder, not one per file
        shown = ", ".join(no_year[:NO_YEAR_LISTED])
        more = f" and {len(no_year) - NO_YEAR_LISTED} more" if len(no_year) > NO_YEAR_LISTED else ""
        warnings.warn(f"{len(no_year)} of {len(documents)} documents have no year in the manifest, the file "
                      f"name pattern or the text, and are loaded without one: {shown}{more} (the load "
                      "report notes each)", CorpusWarning, stacklevel=2)
    if not documents:
        counts = pd.Series([r["status"] for r in report], dtype=object).value_counts().to_dict()
        raise CorpusError(f"corpus folder {str(folder)!r} holds no loadable document "
                          f"({len(report)} files seen: {counts or 'none'}); supported types: "
                          f"{', '.join(TEXT_SUFFIXES + TABLE_SUFFIXES)}")
    table = pd.DataFrame(report, columns=LOAD_REPORT_COLUMNS).sort_values("path", kind="stable")
    return ReadResult(documents=documents, load_report=table.reset_index(drop=True))


def _row(path: str, status: str, reason: str, encoding: str | None = None,
         doc_ids: list[str] | None = None) -> dict:
    return {"path": path, "status": status, "reason": reason, "encoding": encoding or "",
            "n_documents": len(doc_ids or []), "doc_ids": ", ".join(doc_ids or [])}
