"""Tests for discourse.load.read_folder: formats, encodings, manifest, pattern, dates, load report."""
from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import threading
import warnings
from pathlib import Path

import pytest

from discourse.corpus.schema import Document
from discourse.errors import CorpusError, CorpusWarning, ManifestError, ParameterError
from discourse.reading.formats import Unreadable
from discourse.reading.read import read_folder, read_regular_file

SEED_DATES = {"000": "2025-04-16", "001": "2024-11-07", "002": "2024-12-17", "003": "2023-07-31",
              "004": "2020-07-27"}
ZH = "四川省商务厅召开会议,传达学习重要指示精神,研究部署全省商务系统贯彻工作。2023年"
FR = "Le préfet a visité l'école élémentaire à Besançon en 2021. Très réussi, déjà célèbre."


def _quiet_read(path, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return read_folder(path, **kw)


def _by_path(result):
    return {row.path: row for row in result.load_report.itertuples()}


# --- the seed corpus -------------------------------------------------------------------------------

def test_seed_corpus_dates_years_and_report(sichuan_dir):
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)  # every document has a year
        result = read_folder(sichuan_dir)
    docs = {d.doc_id[:3]: d for d in result.documents}
    assert {k: d.meta["date"] for k, d in docs.items()} == SEED_DATES
    assert {k: d.meta["year"] for k, d in docs.items()} == {k: int(v[:4]) for k, v in SEED_DATES.items()}
    assert {d.meta["date_source"] for d in docs.values()} == {"manifest"}
    assert docs["000"].meta["title"] == "Shi Xiaolin inspects foreign trade enterprises in Deyang and Chengdu"
    assert docs["003"].meta["source"] == "Sichuan Observer News (川观新闻)"
    assert docs["003"].meta["language"] == "en+zh"
    assert docs["000"].meta["speaker"] is None
    assert all(isinstance(d, Document) and d.encoding == "utf-8" for d in docs.values())
    report = result.load_report
    assert list(report.columns) == ["path", "status", "reason", "encoding", "n_documents", "doc_ids",
                                    "confidence", "replaced"]
    files = sorted(p.name for p in sichuan_dir.iterdir() if not p.name.startswith("."))
    assert sorted(report["path"]) == files  # every file seen has exactly one row
    assert (report.set_index("path").loc["metadata.csv", "status"]) == "skipped"
    loaded = report[report["status"] == "loaded"]
    assert len(loaded) == 5 and (loaded["n_documents"] == 1).all()
    assert list(loaded["doc_ids"]) == [d.doc_id for d in result.documents]
    assert docs["002"].text.startswith("???\n?\nGovernment")  # text is returned as read


def test_seed_corpus_without_manifest_dates_from_text(sichuan_dir, tmp_path):
    for f in sichuan_dir.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    with pytest.warns(CorpusWarning) as caught:
        result = read_folder(tmp_path)
    docs = {d.doc_id[:3]: d for d in result.documents}
    assert docs["002"].meta["date"] == "2024-12-25" and docs["002"].meta["date_source"] == "text"
    assert docs["003"].meta["date"] == "2023-08-01" and docs["003"].meta["year"] == 2023
    assert docs["003"].meta["source"] == "川观新闻"
    assert docs["004"].meta["title"].startswith("Yin Li Presides over 52nd Executive Meeting")
    assert docs["000"].meta["year"] is None and docs["000"].meta["date_source"] is None
    assert len(caught) == 1  # one warning for the folder, naming the documents without a year
    message = str(caught[0].message)
    assert message.startswith("3 of 5 documents have no year")
    assert message.split(": ", 1)[1].split(" (")[0] == ", ".join(sorted(docs[k].path for k in ("000", "001", "004")))
    assert "no year found" in _by_path(result)[docs["000"].path].reason


# --- encodings and bad files -----------------------------------------------------------------------

def test_bad_inputs_and_encodings(tmp_path):
    (tmp_path / "good.txt").write_text("Plain English text, 2024-01-02 was a Tuesday.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n\u3000\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (tmp_path / "gb.txt").write_bytes(ZH.encode("gb18030"))
    (tmp_path / "latin.txt").write_bytes(FR.encode("latin-1"))
    (tmp_path / "win.txt").write_bytes("He said \u201cso\u201d \u2013 twice, in 1999.".encode("cp1252"))
    (tmp_path / "bom.txt").write_bytes("\ufeffWith a byte-order mark, 2020.".encode("utf-8"))
    (tmp_path / "good_copy.txt").write_text("Plain  English text, 2024-01-02 was a Tuesday.", encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4 ...")
    (tmp_path / ".hidden.txt").write_text("not seen", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("not seen either", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "deep.txt").write_text("Nested document of 2019.", encoding="utf-8")
    result = _quiet_read(tmp_path)
    rows = _by_path(result)
    assert sorted(rows) == [".git/", ".hidden.txt", "binary.txt", "blank.txt", "bom.txt", "empty.txt", "gb.txt",
                            "good.txt", "good_copy.txt", "latin.txt", "report.pdf", "sub/deep.txt", "win.txt"]
    assert (rows[".git/"].status, rows[".git/"].reason) == ("skipped", "hidden folder; not read")
    assert (rows[".hidden.txt"].status, rows[".hidden.txt"].reason) == ("skipped", "hidden file; not read")
    assert (rows["empty.txt"].status, rows["empty.txt"].reason) == ("skipped", "empty file")
    assert (rows["blank.txt"].status, rows["blank.txt"].reason) == ("skipped", "empty file")
    assert (rows["binary.txt"].status, rows["binary.txt"].reason) == ("skipped", "binary content")
    assert (rows["report.pdf"].status, rows["report.pdf"].reason) == ("skipped", "unsupported file type .pdf")
    assert rows["good_copy.txt"].status == "duplicate"
    assert rows["good_copy.txt"].reason == "same text as good.txt"
    assert rows["good_copy.txt"].n_documents == 0
    docs = {d.path: d for d in result.documents}
    assert sorted(docs) == ["bom.txt", "gb.txt", "good.txt", "latin.txt", "sub/deep.txt", "win.txt"]
    assert (docs["gb.txt"].encoding, docs["gb.txt"].text) == ("gb18030", ZH)
    assert (docs["latin.txt"].encoding, docs["latin.txt"].text) == ("cp1252", FR)  # Latin-1 text, as cp1252
    assert docs["win.txt"].encoding == "cp1252" and "\u201cso\u201d \u2013" in docs["win.txt"].text
    assert (docs["bom.txt"].encoding, docs["bom.txt"].text) == ("utf-8-sig", "With a byte-order mark, 2020.")
    assert docs["sub/deep.txt"].doc_id == "deep"
    assert rows["gb.txt"].encoding == "gb18030" and rows["latin.txt"].encoding == "cp1252"


def test_short_latin1_word_pairs_are_not_taken_for_gb18030(tmp_path):
    # "éc" and "èr" are valid GB18030 byte pairs, but the characters they make stand alone
    (tmp_path / "fr.txt").write_bytes("Il écrit à sa mère.".encode("latin-1"))
    doc = _quiet_read(tmp_path).documents[0]
    assert (doc.encoding, doc.text) == ("cp1252", "Il écrit à sa mère.")


def test_big5_punctuation_in_english_text(tmp_path):
    text = "America\u2019s \u201cpriorities\u201d\u2014and more\u2026"
    (tmp_path / "speech.txt").write_bytes(text.encode("big5"))
    doc = _quiet_read(tmp_path).documents[0]
    assert (doc.encoding, doc.text) == ("big5", text)


def test_colliding_stems_get_longer_ids(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.txt").write_text(f"Text of folder {name}, 2001.", encoding="utf-8")
    (tmp_path / "y.txt").write_text("Another text, 2002.", encoding="utf-8")
    assert [d.doc_id for d in _quiet_read(tmp_path).documents] == ["a/x", "b/x", "y"]


def test_missing_folder_and_nothing_loadable(tmp_path):
    with pytest.raises(CorpusError, match="no_such_folder"):
        read_folder(tmp_path / "no_such_folder")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(CorpusError, match="holds no loadable document"):
        read_folder(tmp_path)
    with pytest.raises(ParameterError, match="path"):
        read_folder(42)  # type: ignore[arg-type]


# --- other formats ---------------------------------------------------------------------------------

def test_html_text_extraction(tmp_path):
    html = """<html><head><title>Governor visits Deyang</title><style>p {color: red}</style></head>
    <body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
    <header>Site banner</header><h1>Governor visits Deyang</h1>
    <p>On April 16, 2025, the governor&nbsp;visited a <b>factory</b>.</p><div>She met workers.<br>Then left.</div>
    <script>var x = "ignored";</script><footer>Hosted by: General Office</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    doc = _quiet_read(tmp_path).documents[0]
    assert doc.text.split("\n") == ["Governor visits Deyang", "On April 16, 2025, the governor visited a factory.",
                                    "She met workers.", "Then left."]
    assert doc.meta["title"] == "Governor visits Deyang"
    assert doc.meta["year"] is None  # no dateline: the date is inside a sentence


def test_jsonl_rows_with_metadata_and_bad_rows(tmp_path):
    lines = [json.dumps({"text": "First speech, on growth.", "speaker": "Ann", "year": 2020}),
             json.dumps({"content": "", "speaker": "Bob", "year": 2021}),
             "{not json",
             json.dumps({"text": "Second speech, on trade.", "date": "2022-03-04", "doc_id": "s2"})]
    (tmp_path / "speeches.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _quiet_read(tmp_path)
    assert [d.doc_id for d in result.documents] == ["speeches#1", "speeches#4"]
    first, second = result.documents
    assert (first.meta["speaker"], first.meta["year"], first.meta["year_source"]) == ("Ann", 2020, "row")
    assert (second.meta["date"], second.meta["year"], second.meta["date_source"]) == ("2022-03-04", 2022, "row")
    assert second.meta["orig_doc_id"] == "s2"
    row = result.load_report.iloc[0]
    assert (row.status, row.n_documents, row.doc_ids) == ("loaded", 2, "speeches#1, speeches#4")
    assert "row 2: no text" in row.reason and "line 3: invalid JSON" in row.reason


def test_csv_rows_and_missing_text_column(tmp_path):
    (tmp_path / "a.csv").write_text("body,speaker,year\nWe must act now.,Ann,1999\n,Bob,2000\n"
                                    "We must act now.,Cy,2001\nWe can.,Di,20x1\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("name,value\nx,1\n", encoding="utf-8")
    result = _quiet_read(tmp_path)
    rows = _by_path(result)
    assert [d.doc_id for d in result.documents] == ["a#1", "a#4"]
    assert result.documents[0].meta["speaker"] == "Ann" and result.documents[0].meta["year"] == 1999
    assert rows["a.csv"].reason == ("row 2: no text; row 4: invalid year '20x1'; expected four digits; "
                                    "row 4: no year found; row 3: same text as a.csv (row 1)")
    assert "year" not in result.documents[1].meta or result.documents[1].meta["year"] is None
    assert rows["b.csv"].status == "skipped" and rows["b.csv"].reason.startswith("no text column")


def test_markdown_is_read_as_text(tmp_path):
    (tmp_path / "note.md").write_text("# Title of note\n\n![pic](a.png)\n\nSee [the report](http://x) "
                                      "of **2021**.\n", encoding="utf-8")
    doc = _quiet_read(tmp_path).documents[0]
    assert doc.text == "Title of note\n\n\n\nSee the report of 2021.\n"


# --- manifest ---------------------------------------------------------------------------------------

def _two_files(tmp_path):
    (tmp_path / "a.txt").write_text("Text A.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Text B.", encoding="utf-8")


def test_manifest_missing_file_names_the_row(tmp_path):
    _two_files(tmp_path)
    (tmp_path / "metadata.csv").write_text("file,date\na.txt,2020-01-01\nc.txt,2021-01-01\n")
    with pytest.raises(ManifestError, match=r"metadata\.csv, row 2 .*'c\.txt' does not exist"):
        read_folder(tmp_path)


def test_manifest_invalid_date_and_year_and_columns(tmp_path):
    _two_files(tmp_path)
    manifest = tmp_path / "metadata.csv"
    manifest.write_text("file,date\na.txt,2020-01-01\nb.txt,2021-02-30\n")
    with pytest.raises(ManifestError, match=r"row 2 .*invalid date '2021-02-30'"):
        read_folder(tmp_path)
    manifest.write_text("file,year\na.txt,twenty\n")
    with pytest.raises(ManifestError, match=r"row 1 .*invalid year 'twenty'"):
        read_folder(tmp_path)
    manifest.write_text("name,date\na.txt,2020-01-01\n")
    with pytest.raises(ManifestError, match="no 'file' column"):
        read_folder(tmp_path)
    manifest.write_bytes(b"\x00\x00\x01binary")
    with pytest.raises(ManifestError, match="cannot be read"):
        read_folder(tmp_path)
    with pytest.raises(ManifestError, match="not found"):
        read_folder(tmp_path, manifest=tmp_path / "nope.csv")


def test_manifest_elsewhere_and_precedence_over_pattern_and_text(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2001-Smith.txt").write_text("Updated:2003.05.06\nA speech about trade.", encoding="utf-8")
    (corpus / "2002-Jones.txt").write_text("Updated:2004.07.08\nA speech about jobs.", encoding="utf-8")
    manifest = tmp_path / "meta.csv"
    manifest.write_text("file,speaker,date,region\n2001-Smith.txt,Anna Smith,2001-09-10,north\n")
    result = read_folder(corpus, manifest=manifest, pattern=r"(?P<year>\d{4})-(?P<speaker>\w+)")
    smith, jones = result.documents
    assert (smith.meta["speaker"], smith.meta["date"], smith.meta["date_source"]) == (
        "Anna Smith", "2001-09-10", "manifest")
    assert smith.meta["region"] == "north"
    assert (jones.meta["speaker"], jones.meta["year"], jones.meta["year_source"]) == ("Jones", 2002, "pattern")
    assert (jones.meta["date"], jones.meta["date_source"]) == ("2004-07-08", "text")
    assert len(result.load_report) == 2  # the manifest outside the folder is not a row


# --- file-name pattern ------------------------------------------------------------------------------

def test_pattern_year_and_speaker_from_file_names(tmp_path):
    for name in ("1945-Truman.txt", "1965-Johnson-2.txt", "notes.txt"):
        (tmp_path / name).write_text(f"Address {name}.", encoding="utf-8")
    with pytest.warns(CorpusWarning, match="1 of 3 documents have no year .*: notes.txt"):
        result = read_folder(tmp_path, pattern=r"(?P<year>\d{4})-(?P<speaker>[A-Za-z]+)")
    meta = {d.doc_id: d.meta for d in result.documents}
    assert (meta["1945-Truman"]["year"], meta["1945-Truman"]["speaker"]) == (1945, "Truman")
    assert (meta["1965-Johnson-2"]["year"], meta["1965-Johnson-2"]["speaker"]) == (1965, "Johnson")
    assert meta["1945-Truman"]["date"] is None and meta["1945-Truman"]["year_source"] == "pattern"
    assert meta["notes"]["speaker"] is None
    assert "pattern did not match the file name" in _by_path(result)["notes.txt"].reason


def test_pattern_date_group(tmp_path):
    (tmp_path / "press_2019-06-30.txt").write_text("A press release.", encoding="utf-8")
    doc = read_folder(tmp_path, pattern=r"(?P<date>\d{4}-\d{2}-\d{2})").documents[0]
    assert (doc.meta["date"], doc.meta["year"], doc.meta["date_source"]) == ("2019-06-30", 2019, "pattern")


def test_bad_pattern_is_a_parameter_error(tmp_path):
    _two_files(tmp_path)
    with pytest.raises(ParameterError, match=r"pattern=.*is not a valid regular expression"):
        read_folder(tmp_path, pattern=r"(?P<year>\d{4}")


def test_missing_year_warning_names_the_path(tmp_path):
    (tmp_path / "undated.txt").write_text("A text without any date.", encoding="utf-8")
    with pytest.warns(CorpusWarning, match=r"1 of 1 documents have no year .*: undated\.txt"):
        result = read_folder(tmp_path)
    assert result.documents[0].meta["year"] is None


def test_documents_without_a_year_make_one_warning_listing_the_first_ones(tmp_path):
    for i in range(25):
        (tmp_path / f"note{i:02d}.txt").write_text(f"Note number {i} without any date.", encoding="utf-8")
    with pytest.warns(CorpusWarning) as caught:
        result = read_folder(tmp_path)
    assert len(caught) == 1
    listed = ", ".join(f"note{i:02d}.txt" for i in range(10))
    assert str(caught[0].message) == (
        f"25 of 25 documents have no year in the manifest, the file name pattern or the text, and are "
        f"loaded without one: {listed} and 15 more (the load report notes each)")
    assert all("no year found" in r for r in result.load_report["reason"])


# --- decoding in the load report ---------------------------------------------------------------------

def test_encoding_confidence_and_replaced_bytes_in_the_report_with_one_warning(tmp_path):
    (tmp_path / "ok.txt").write_text("Updated:2020.01.02\nPlain text.", encoding="utf-8")
    (tmp_path / "big5.txt").write_bytes("Updated:2021.01.02\n院長指出，穩定物價是當前最重要的工作，各部會必須立即採取行動。".encode("big5"))
    (tmp_path / "utf16.txt").write_bytes("\ufeffUpdated:2022.01.02\nКраткий текст.".encode("utf-16-le"))
    (tmp_path / "damaged.txt").write_bytes("Updated:2023.01.02\nDie Ministerien müssen".encode() + b"\xff" + " handeln.".encode())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = read_folder(tmp_path)
    assert [str(w.message) for w in caught] == [
        "decoding uncertain for 1 file, check the text (load report: encoding, confidence, replaced): "
        "damaged.txt (utf-8, confidence 0.50, 1 byte replaced by U+FFFD)"]
    rows = _by_path(result)
    assert (rows["ok.txt"].encoding, rows["ok.txt"].confidence, rows["ok.txt"].replaced) == ("utf-8", 1.0, 0)
    assert (rows["big5.txt"].encoding, rows["big5.txt"].replaced) == ("big5", 0) and rows["big5.txt"].confidence >= 0.9
    assert (rows["utf16.txt"].encoding, rows["utf16.txt"].confidence) == ("utf-16-le", 1.0)
    assert (rows["damaged.txt"].encoding, rows["damaged.txt"].confidence, rows["damaged.txt"].replaced) == (
        "utf-8", 0.5, 1)
    assert rows["damaged.txt"].reason == ("1 byte not valid utf-8 replaced by U+FFFD; "
                                          "encoding utf-8 uncertain (confidence 0.50)")
    docs = {d.path: d for d in result.documents}
    assert docs["damaged.txt"].text == "Updated:2023.01.02\nDie Ministerien müssen\ufffd handeln."
    assert docs["utf16.txt"].text == "Updated:2022.01.02\nКраткий текст."


# --- tables read strictly ----------------------------------------------------------------------------

def test_a_csv_row_with_an_extra_field_is_a_note_and_shifts_nothing(tmp_path):
    (tmp_path / "speeches.csv").write_text("text,speaker,year\n"
                                           "We must act now.,Ann,1999,oops\n"
                                           "We must trade more.,Bob,2000\n", encoding="utf-8")
    result = _quiet_read(tmp_path)
    [doc] = result.documents
    assert (doc.doc_id, doc.text, doc.meta["speaker"], doc.meta["year"]) == (
        "speeches#2", "We must trade more.", "Bob", 2000)
    assert _by_path(result)["speeches.csv"].reason == (
        "row 1 (line 2): 4 fields, expected 3 (text, speaker, year); row not read")


def test_a_jsonl_number_for_a_speaker_is_a_note_and_the_other_rows_load(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "We must act now.", "speaker": 7, "year": 2020}\n'
                                      '{"text": "We must trade more.", "speaker": "Bob", "year": 2021}\n',
                                      encoding="utf-8")
    result = _quiet_read(tmp_path)
    assert [(d.doc_id, d.meta["speaker"]) for d in result.documents] == [("a#1", None), ("a#2", "Bob")]
    row = _by_path(result)["a.jsonl"]
    assert (row.path, row.status, row.reason) == ("a.jsonl", "loaded",
                                                  "row 1: 'speaker' is a number (7), not text; left out")


def test_a_ragged_manifest_row_is_an_error_naming_row_and_line(tmp_path):
    _two_files(tmp_path)
    (tmp_path / "metadata.csv").write_text("file,date\na.txt,2020-01-01\nb.txt,2021-01-01,x\n")
    with pytest.raises(ManifestError, match=r"metadata\.csv, row 2 \(line 3\): 3 fields, expected 2"):
        read_folder(tmp_path)


# --- every path accounted for ------------------------------------------------------------------------

def test_fifos_sockets_and_devices_are_listed_and_never_opened(tmp_path):
    (tmp_path / "a.txt").write_text("Updated:2020.01.02\nA text.", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # opened for reading, it would wait for a writer forever
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock.txt"))
    expected = {"pipe.txt": "named pipe (FIFO); not opened", "sock.txt": "socket; not opened"}
    try:
        os.mknod(tmp_path / "null.txt", stat.S_IFCHR | 0o600, os.makedev(1, 3))
        expected["null.txt"] = "character device; not opened"
    except (PermissionError, OSError):
        pass  # making a device needs privileges
    done: list = []
    reader = threading.Thread(target=lambda: done.append(_quiet_read(tmp_path)), daemon=True)
    reader.start()
    reader.join(120)  # a guard against a hang, not a measure of speed
    server.close()
    assert done, "read_folder did not return: a special file was opened"
    rows = _by_path(done[0])
    assert {p: (rows[p].status, rows[p].reason) for p in expected} == {p: ("skipped", r) for p, r in expected.items()}
    assert [d.path for d in done[0].documents] == ["a.txt"]


def test_a_pipe_put_in_place_of_a_file_is_refused_unread(tmp_path):
    os.mkfifo(tmp_path / "late.txt")
    with pytest.raises(Unreadable, match=r"named pipe \(FIFO\), not read"):
        read_regular_file(tmp_path / "late.txt")


def test_links_hidden_files_report_folders_and_unreadable_folders_are_listed(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_text("Updated:2020.01.02\nA text.", encoding="utf-8")
    (corpus / ".DS_Store").write_bytes(b"\x00\x01")
    (corpus / ".cache" / "discourse").mkdir(parents=True)
    (corpus / "sub" / "b.txt").write_text("Updated:2021.01.02\nAnother text.", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "c.txt").write_text("Updated:2022.01.02\nOutside text.", encoding="utf-8")
    os.symlink(outside, corpus / "linked")
    os.symlink(outside / "c.txt", corpus / "c_link.txt")
    os.symlink(tmp_path / "nowhere.txt", corpus / "dangling.txt")
    (corpus / "reports" / "tables").mkdir(parents=True)
    (corpus / "reports" / "01-overview.html").write_text("<p>Report of 2024.</p>", encoding="utf-8")
    (corpus / "reports" / "discourse-report.json").write_text("{}", encoding="utf-8")
    (corpus / "locked").mkdir()
    (corpus / "locked" / "d.txt").write_text("Updated:2023.01.02\nLocked text.", encoding="utf-8")
    if os.geteuid() != 0:
        (corpus / "locked").chmod(0)
    else:  # root lists any folder: make listing this one fail as permissions would
        scandir = os.scandir

        def refuse(path):
            if Path(path) == corpus / "locked":
                raise PermissionError(13, "Permission denied", str(path))
            return scandir(path)

        monkeypatch.setattr(os, "scandir", refuse)
    try:
        result = _quiet_read(corpus)
    finally:
        (corpus / "locked").chmod(0o755)
    rows = {p: (r.status, r.reason) for p, r in _by_path(result).items()}
    assert rows == {
        ".DS_Store": ("skipped", "hidden file; not read"),
        ".cache/": ("skipped", "hidden folder; not read"),
        "a.txt": ("loaded", ""),
        "c_link.txt": ("loaded", "read through a symbolic link"),
        "dangling.txt": ("skipped", "broken symbolic link (its target does not exist)"),
        "linked/": ("skipped", "symbolic link to a folder; not followed"),
        "locked/": ("skipped", "unreadable folder: Permission denied; not read"),
        "reports/": ("skipped", "a report folder (holds discourse-report.json); not read"),
        "sub/b.txt": ("loaded", ""),
    }


def test_a_report_folder_given_as_the_corpus_is_refused(tmp_path):
    (tmp_path / "01-overview.html").write_text("<p>Report of 2024.</p>", encoding="utf-8")
    (tmp_path / "discourse-report.json").write_text("{}", encoding="utf-8")
    with pytest.raises(CorpusError, match="holds no loadable document"):
        read_folder(tmp_path)


def test_the_folders_readme_is_listed_not_read_as_a_document(tmp_path):
    (tmp_path / "a.txt").write_text("Updated:2020.01.02\nA text.", encoding="utf-8")
    (tmp_path / "README.md").write_text("# About this corpus\nSixteen reports from Wikisource.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "readme.txt").write_text("Updated:2021.01.02\nA document named readme.", encoding="utf-8")
    result = read_folder(tmp_path)
    rows = _by_path(result)
    assert (rows["README.md"].status, rows["README.md"].reason) == (
        "skipped", "the folder's README: a description of the corpus, not a document")
    assert sorted(d.path for d in result.documents) == ["a.txt", "sub/readme.txt"]  # only the top one
