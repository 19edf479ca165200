"""Reading a corpus folder: file formats, encodings, metadata (manifest, file-name pattern, text), load report.

:func:`read_folder` accounts for every file it sees with one row of the load report; it never stops on one
bad file. The text of each document is returned as read; cleaning is :func:`discourse.clean.clean_text`.
"""
from __future__ import annotations

import os
import re
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pandas as pd

from discourse.corpus.schema import LOAD_REPORT_COLUMNS, Document
from discourse.errors import CorpusError, CorpusWarning, ManifestError, ParameterError
from discourse.parallel import local_pool
from discourse.paths import REPORT_MARKER
from discourse.reading.facts import Facts, TextFacts, text_digest, whitespace_fingerprint
from discourse.reading.formats import (LOW_CONFIDENCE, TABLE_SUFFIXES, TEXT_SUFFIXES, Decoded, Unreadable,
                                       csv_records, decode_bytes, extract_documents)
from discourse.text.clean import HEADLINE_MAX_CHARS, clean_text, match_dateline, normalize_space
from discourse.validate import check_positive_int

MANIFEST_NAME = "metadata.csv"
#: A file named README (these suffixes, any case) at the top of the corpus folder describes the corpus:
#: it is listed in the load report with this reason, not read as a document.
README_SUFFIXES = ("", ".md", ".txt", ".rst")
README_REASON = "the folder's README: a description of the corpus, not a document"
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


def _read_manifest(folder: Path, manifest: str | Path | None
                   ) -> tuple[Path | None, dict[str, dict], Decoded | None]:
    """The manifest's path, its rows by file (relative POSIX path; dates and years checked) and how
    it was decoded."""
    if manifest is None:
        path = folder / MANIFEST_NAME
        if not path.is_file():
            return None, {}, None
    else:
        if not isinstance(manifest, (str, Path)):
            raise ParameterError(f"manifest must be a path to a CSV file or None, got {manifest!r}")
        path = Path(manifest)
        if not path.is_file() and (folder / path).is_file():
            path = folder / path
        if not path.is_file():
            raise ManifestError(f"manifest {str(manifest)!r} not found (looked in the working folder and in {folder})")
    try:
        decoded = decode_bytes(read_regular_file(path))
        columns, records, ragged = csv_records(decoded.text)
    except (Unreadable, OSError) as exc:
        raise ManifestError(f"manifest {path} cannot be read: {exc}") from None
    if ragged:
        raise ManifestError(f"manifest {path}, {ragged[0]}")
    if "file" not in columns:
        raise ManifestError(f"manifest {path} has no 'file' column; columns: {', '.join(columns)}")
    rows: dict[str, dict] = {}
    for n, line, record in records:
        where = f"manifest {path}, row {n} (line {line})"
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
    return path, rows, decoded


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


#: What each kind of file that is not a regular file is, for the load report.
_SPECIAL = ((stat.S_ISFIFO, "named pipe (FIFO)"), (stat.S_ISCHR, "character device"),
            (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket"))


def _special_kind(mode: int) -> str | None:
    """What a file of ``mode`` is when it is not a regular file or a folder (None for those)."""
    return next((name for test, name in _SPECIAL if test(mode)), None)


def read_regular_file(path: str | Path) -> bytes:
    """The bytes of ``path``, opened without blocking and read only if it is a regular file.

    A named pipe opened for reading waits for a writer, a device may act when opened: so the file is
    opened with ``O_NONBLOCK`` and checked with ``fstat`` before any read; one that is not a regular
    file (replaced by a pipe after the folder was listed, say) raises ``Unreadable``.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with open(fd, "rb", closefd=True) as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise Unreadable(f"{_special_kind(mode) or 'not a regular file'}, not read")
        return handle.read()


@dataclass
class _Survey:
    """The files of a corpus folder to read, and a load-report row for every other path seen."""

    files: list[str]
    links: set[str]
    skipped: list[dict]


def _survey(folder: Path) -> _Survey:
    """Every path under ``folder``, sorted: the regular files to read and a row for each path that
    is not read, with the reason.

    Not read, each listed once (a folder as ``name/``, not its contents): hidden files and folders
    (names starting with "."); folders holding a report's marker file (:data:`REPORT_MARKER`);
    symbolic links to folders (not followed: they may lead outside the corpus or round in a cycle);
    folders that cannot be listed; broken symbolic links; named pipes, devices and sockets, which are
    never opened (a pipe would wait for a writer forever). Symbolic links to files are read (noted).
    """
    files: list[str] = []
    links: set[str] = set()
    skipped: list[dict] = []

    def visit(path: Path, rel: str) -> None:
        try:
            with os.scandir(path) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            skipped.append(_row((rel or ".") + "/", "skipped",
                                f"unreadable folder: {exc.strerror or exc}; not read"))
            return
        if any(e.name == REPORT_MARKER for e in entries):
            skipped.append(_row((rel or ".") + "/", "skipped", f"a report folder (holds {REPORT_MARKER}); not read"))
            return
        for entry in entries:
            name = f"{rel}/{entry.name}" if rel else entry.name
            try:
                is_link = entry.is_symlink()
                if entry.is_dir(follow_symlinks=False):
                    kind = "folder"
                else:
                    mode = os.stat(entry.path).st_mode  # follows a link to its target
                    kind = "folder" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else _special_kind(mode)
            except FileNotFoundError:
                skipped.append(_row(name, "skipped", "broken symbolic link (its target does not exist)"))
                continue
            except OSError as exc:
                skipped.append(_row(name, "skipped", f"unreadable: {exc.strerror or exc}"))
                continue
            hidden = entry.name.startswith(".")
            if kind == "folder":
                if hidden:
                    skipped.append(_row(name + "/", "skipped", "hidden folder; not read"))
                elif is_link:
                    skipped.append(_row(name + "/", "skipped", "symbolic link to a folder; not followed"))
                else:
                    visit(Path(entry.path), name)
            elif hidden:
                skipped.append(_row(name, "skipped", "hidden file; not read"))
            elif kind == "file":
                files.append(name)
                if is_link:
                    links.add(name)
            else:
                skipped.append(_row(name, "skipped", f"{kind or 'not a regular file'}; not opened"))

    visit(folder, "")
    return _Survey(files=files, links=links, skipped=skipped)


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

    Files are visited in sorted order of their relative paths. Every path under the folder is in the
    load report: what is not read is listed with the reason (hidden files and folders, report
    folders, symbolic links to folders, unreadable folders, broken links, named pipes, devices and
    sockets, which are never opened; see :func:`_survey`). ``.txt``, ``.md`` and ``.html``/``.htm`` files
    are one document each (HTML: block elements become lines; script, style, nav, header and footer are
    dropped; ``<title>`` gives the title); ``.jsonl`` and ``.csv`` files give one document per row, the text
    in the ``text`` (or ``content``, ``body``) column and the other columns as metadata, read strictly
    (a row with the wrong number of fields, a value of the wrong type: a note naming the row, the
    other rows load; see :func:`discourse.reading.formats.extract_documents`). The manifest is not
    a document, and other file types are skipped. Exact duplicates (same text after whitespace
    normalisation) keep the first copy. Each file is decoded as
    :func:`discourse.reading.formats.decode_bytes` says: UTF-8 (bad bytes replaced and counted),
    a byte-order mark, else detection among the legacy encodings.

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
        seen and columns ``path`` (relative; a folder listed as a whole ends with ``/``), ``status``
        (``loaded``, ``skipped``, ``duplicate``), ``reason`` (why skipped, or notes such as rows
        without text, bytes replaced, an uncertain encoding), ``encoding`` (empty when the file was
        not decoded), ``n_documents``, ``doc_ids`` (comma-separated), ``confidence`` (of the
        encoding, 0 to 1; NaN when not decoded) and ``replaced`` (bytes replaced by U+FFFD).

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
        loaded without one, and the load report notes each. Once for the files decoded with doubt (a
        confidence below :data:`~discourse.reading.formats.LOW_CONFIDENCE` or bytes replaced), naming them.
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
    manifest_path, manifest_rows, manifest_decoded = _read_manifest(folder, manifest)
    manifest_rel = None
    if manifest_path is not None and manifest_path.resolve().parent.is_relative_to(folder.resolve()):
        manifest_rel = manifest_path.resolve().relative_to(folder.resolve()).as_posix()

    survey = _survey(folder)
    paths = [p for p in survey.files if p != manifest_rel]
    ids = _doc_ids(paths)
    # First every file is read, then the facts of the texts not in the memo are found (in a pool of
    # processes for a large corpus), then the files are accounted for one by one, in order.
    read: dict[str, tuple[Decoded, list, list[str]] | str] = {}
    for rel in paths:
        suffix = PurePosixPath(rel).suffix.lower()
        if "/" not in rel and PurePosixPath(rel).stem.lower() == "readme" and suffix in README_SUFFIXES:
            read[rel] = README_REASON
            continue
        if suffix not in TEXT_SUFFIXES + TABLE_SUFFIXES:
            read[rel] = f"unsupported file type {suffix or '(no suffix)'}"
            continue
        try:
            decoded = decode_bytes(read_regular_file(folder / rel))
            found, notes = extract_documents(decoded.text, suffix)
        except Unreadable as exc:
            read[rel] = str(exc)
            continue
        except OSError as exc:
            read[rel] = f"unreadable: {exc.strerror or exc}"
            continue
        read[rel] = (decoded, found, [*notes, *_decoding_notes(decoded),
                                      *(["read through a symbolic link"] if rel in survey.links else [])])
    bodies = [body for entry in read.values() if not isinstance(entry, str) for _, body, _ in entry[1]]
    facts_of = _find_facts(bodies, memo, workers)

    documents: list[Document] = []
    report: list[dict] = []
    seen: dict[str, str] = {}
    no_year: list[str] = []
    if manifest_rel is not None:
        report.append(_row(manifest_rel, "skipped", "manifest", manifest_decoded))
    report.extend(survey.skipped)
    k = 0
    for rel in paths:
        if isinstance(read[rel], str):
            report.append(_row(rel, "skipped", read[rel]))
            continue
        decoded, found, notes = read[rel]
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
            loaded.append(Document(doc_id=doc_id, path=rel, text=body, encoding=decoded.encoding, meta=meta))
        documents.extend(loaded)
        notes = [*notes, *pattern_notes, *(duplicates if loaded else [])]
        if loaded:
            report.append(_row(rel, "loaded", "; ".join(notes), decoded, [d.doc_id for d in loaded]))
        elif duplicates:
            report.append(_row(rel, "duplicate", "; ".join(duplicates + notes), decoded))
        else:
            report.append(_row(rel, "skipped", "; ".join(["no document with text", *notes]), decoded))
    if no_year:  # one warning for the folder, not one per file
        shown = ", ".join(no_year[:NO_YEAR_LISTED])
        more = f" and {len(no_year) - NO_YEAR_LISTED} more" if len(no_year) > NO_YEAR_LISTED else ""
        warnings.warn(f"{len(no_year)} of {len(documents)} documents have no year in the manifest, the file "
                      f"name pattern or the text, and are loaded without one: {shown}{more} (the load "
                      "report notes each)", CorpusWarning, stacklevel=2)
    _warn_decoding(report)
    if not documents:
        counts = pd.Series([r["status"] for r in report], dtype=object).value_counts().to_dict()
        raise CorpusError(f"corpus folder {str(folder)!r} holds no loadable document "
                          f"({len(report)} files seen: {counts or 'none'}); supported types: "
                          f"{', '.join(TEXT_SUFFIXES + TABLE_SUFFIXES)}")
    table = pd.DataFrame(report, columns=LOAD_REPORT_COLUMNS).sort_values("path", kind="stable")
    return ReadResult(documents=documents, load_report=table.reset_index(drop=True))


def _row(path: str, status: str, reason: str, decoded: Decoded | None = None,
         doc_ids: list[str] | None = None) -> dict:
    """One row of the load report; ``decoded`` says how the file was decoded (None: it was not)."""
    return {"path": path, "status": status, "reason": reason,
            "encoding": decoded.encoding if decoded is not None else "",
            "n_documents": len(doc_ids or []), "doc_ids": ", ".join(doc_ids or []),
            "confidence": decoded.confidence if decoded is not None else float("nan"),
            "replaced": decoded.replaced if decoded is not None else 0}


def _decoding_notes(decoded: Decoded) -> list[str]:
    """Notes of the load report on a doubtful decoding: bytes replaced, a low confidence."""
    notes = []
    if decoded.replaced:
        notes.append(f"{decoded.replaced} byte{'s' if decoded.replaced > 1 else ''} not valid "
                     f"{decoded.encoding} replaced by U+FFFD")
    if decoded.confidence < LOW_CONFIDENCE:
        notes.append(f"encoding {decoded.encoding} uncertain (confidence {decoded.confidence:.2f})")
    return notes


#: Files named in a warning, at most (the load report lists them all).
_WARN_FILES = 10


def _warn_decoding(report: list[dict]) -> None:
    """One warning naming the files decoded with doubt (low confidence or bytes replaced)."""
    doubtful = [r for r in report if r["encoding"] and (r["replaced"] or r["confidence"] < LOW_CONFIDENCE)]
    if not doubtful:
        return
    shown = "; ".join(
        f"{r['path']} ({r['encoding']}, confidence {r['confidence']:.2f}"
        + (f", {r['replaced']} byte{'s' if r['replaced'] > 1 else ''} replaced by U+FFFD" if r["replaced"] else "")
        + ")" for r in doubtful[:_WARN_FILES])
    more = f"; and {len(doubtful) - _WARN_FILES} more" if len(doubtful) > _WARN_FILES else ""
    warnings.warn(f"decoding uncertain for {len(doubtful)} file{'s' if len(doubtful) > 1 else ''}, check the "
                  f"text (load report: encoding, confidence, replaced): {shown}{more}",
                  CorpusWarning, stacklevel=3)
