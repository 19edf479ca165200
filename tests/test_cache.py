"""The processed-document cache: hits, invalidation, location, broken entries."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from discourse import paths
from discourse.corpus.schema import (
    DIRECTIVE_COLUMNS,
    PEOPLE_COLUMNS,
    REMOVED_COLUMNS,
    SENTENCE_COLUMNS,
    TOKEN_COLUMNS,
    Document,
    empty_frame,
)
from discourse.errors import CorpusWarning, ParameterError
from discourse.processing import cache as cache_mod
from discourse.processing import document as pipeline
from discourse.processing import keys as cachekeys
from discourse.processing import runners as engine
from discourse.processing.batch import Batch, concat
from discourse.processing.load import load_corpus

pytestmark = pytest.mark.filterwarnings("ignore::discourse.errors.CorpusWarning")

TEXTS = {
    "a.txt": "The council must act. Officials will review the plan.",
    "b.txt": "Farmers planted rice. The county must report progress. Roads opened.",
    "c.txt": "A short note.",
}


def fake_process(doc: Document, settings: dict) -> Batch:
    """A stand-in for the processing of one document: sentences split at full stops, tokens at spaces."""
    lang = settings.get("lang") or "en"
    parts = [p.strip() for p in doc.text.split(".") if p.strip()]
    sentences = pd.DataFrame({"doc_id": doc.doc_id, "para_id": 0, "sent_id": range(len(parts)),
                              "lang": lang, "text": parts,
                              "speaker": doc.meta.get("speaker") or "narrator", "role": "",
                              "voice_cue": "", "script": "", "section": 0, "section_kind": "other"},
                             columns=SENTENCE_COLUMNS)
    tok_rows, dir_rows = [], []
    for sid, part in enumerate(parts):
        for tid, word in enumerate(part.split()):
            tok_rows.append([doc.doc_id, sid, tid, word, word.lower(), word.lower(), "NN", lang,
                             False, False, True])
            if word == "must":
                dir_rows.append([doc.doc_id, sid, "must", "must", "obligation", "must",
                                 part.index(word), part.index(word) + 4, lang])
    tokens = pd.DataFrame(tok_rows, columns=TOKEN_COLUMNS)
    directives = (pd.DataFrame(dir_rows, columns=DIRECTIVE_COLUMNS) if dir_rows
                  else empty_frame(DIRECTIVE_COLUMNS))
    info = {"n_paragraphs": 1, "language": lang}
    return Batch.of_document(doc.doc_id, {"sentences": sentences, "tokens": tokens, "directives": directives,
                                          "removed": empty_frame(REMOVED_COLUMNS),
                                          "people": empty_frame(PEOPLE_COLUMNS)}, info)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Process with the counting stand-in; the list records the doc_ids processed."""
    seen: list[str] = []

    def counting(doc: Document, settings: dict) -> Batch:
        seen.append(doc.doc_id)
        return fake_process(doc, settings)

    def batch(docs, settings):
        return concat([counting(doc, settings) for doc in docs])

    monkeypatch.setattr(engine, "process_batch", batch)
    return seen


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder (with pyproject.toml) holding the corpus folder ``corpus/``."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return tmp_path


def assert_same_corpus(left, right) -> None:
    for name in ("documents", "sentences", "tokens", "directives", "removed", "people"):
        pd.testing.assert_frame_equal(getattr(left, name), getattr(right, name), obj=name)


def test_second_load_hits_cache(project: Path, calls: list[str]) -> None:
    store = project / "store"
    first = load_corpus(project / "corpus", cache=store, workers=1)
    assert sorted(calls) == ["a", "b", "c"]
    assert first.cache_stats["misses"] == 3 and first.cache_stats["writes"] == 3
    second = load_corpus(project / "corpus", cache=store, workers=1)
    assert sorted(calls) == ["a", "b", "c"]  # nothing processed again
    assert second.cache_stats["pack_hit"] and second.cache_stats["hits"] == 3
    assert_same_corpus(first, second)
    assert len(first.directives) == 2  # the stand-in's two "must"


def test_document_entries_without_pack(project: Path, calls: list[str]) -> None:
    store = project / "store"
    first = load_corpus(project / "corpus", cache=store, workers=1)
    DocumentCache = cache_mod.DocumentCache
    DocumentCache(store).prune_packs(keep=0)
    second = load_corpus(project / "corpus", cache=store, workers=1)
    stats = second.cache_stats
    assert (stats["hits"], stats["misses"], stats["pack_hit"]) == (3, 0, False)
    assert len(calls) == 3
    assert_same_corpus(first, second)


def test_changed_document_is_the_only_one_reprocessed(project: Path, calls: list[str]) -> None:
    store = project / "store"
    load_corpus(project / "corpus", cache=store, workers=1)
    (project / "corpus" / "b.txt").write_text("Farmers planted wheat. Roads opened.", encoding="utf-8")
    calls.clear()
    cached = load_corpus(project / "corpus", cache=store, workers=1)
    assert calls == ["b"]
    fresh = load_corpus(project / "corpus", cache=False, workers=1)
    assert_same_corpus(cached, fresh)
    assert "Farmers planted wheat" in set(cached.sentences["text"])


def test_changed_setting_invalidates(project: Path, calls: list[str]) -> None:
    store = project / "store"
    load_corpus(project / "corpus", cache=store, workers=1)
    calls.clear()
    forced = load_corpus(project / "corpus", cache=store, workers=1, lang="zh")
    assert sorted(calls) == ["a", "b", "c"]
    assert set(forced.tokens["lang"]) == {"zh"}


def test_cache_false_writes_nothing_and_default_is_in_project(project: Path, calls: list[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.CACHE_ENV, raising=False)
    monkeypatch.chdir(project)
    load_corpus(project / "corpus", cache=False, workers=1)
    assert not (project / ".cache").exists()
    load_corpus(project / "corpus", workers=1)
    segments = list((project / ".cache" / "discourse" / "segments").iterdir())
    assert len(segments) == 1  # one batch of three documents
    assert len(cache_mod._read_manifest(segments[0])["keys"]) == 3
    assert not list((project / "corpus").rglob(".cache"))


def test_cache_dir_option_and_atomic_staging(project: Path, calls: list[str]) -> None:
    store = project / "elsewhere" / "cache"
    load_corpus(project / "corpus", cache=str(store), workers=1)
    segments = sorted((store / "segments").iterdir())
    assert len(segments) == 1
    assert sorted(p.name for p in segments[0].iterdir()) == [
        "directives.parquet", "manifest.txt", "people.parquet", "removed.parquet",
        "sentences.parquet", "tokens.parquet"]
    assert len(list((store / "packs").iterdir())) == 1
    assert list((store / "tmp").iterdir()) == []  # every staging folder was renamed into place


def test_corrupt_segment_is_recomputed(project: Path, calls: list[str]) -> None:
    store = project / "store"
    first = load_corpus(project / "corpus", cache=store, workers=1)
    for pack in (store / "packs").iterdir():
        (pack / "tokens.parquet").write_bytes(b"not parquet")
    for segment in (store / "segments").iterdir():
        (segment / "tokens.parquet").write_bytes(b"\x00broken")
    calls.clear()
    second = load_corpus(project / "corpus", cache=store, workers=1)
    assert sorted(calls) == ["a", "b", "c"]  # the three documents of the broken segment
    assert second.cache_stats["broken"] == 2  # the pack and the segment
    assert_same_corpus(first, second)
    calls.clear()
    assert calls == [] and load_corpus(project / "corpus", cache=store, workers=1).cache_stats["pack_hit"]


def test_documents_come_out_of_segments_alone_and_in_any_order(project: Path, calls: list[str]) -> None:
    store = project / "store"
    load_corpus(project / "corpus", cache=store, workers=1)  # one segment: a, b, c
    (project / "corpus" / "b.txt").write_text("Farmers planted wheat. Roads opened.", encoding="utf-8")
    load_corpus(project / "corpus", cache=store, workers=1)  # a second segment: the new b
    assert len(list((store / "segments").iterdir())) == 2
    settings = pipeline.default_settings()
    docs = [Document(name[0], name, (project / "corpus" / name).read_text(), "utf-8", {})
            for name in ("c.txt", "b.txt", "a.txt")]
    calls.clear()
    out, stats = engine.process_corpus(docs, settings, cache=store)
    assert calls == [] and (stats.hits, stats.misses) == (3, 0)
    fresh, _ = engine.process_corpus(docs, settings)
    for name in ("sentences", "tokens", "directives", "removed", "people"):
        pd.testing.assert_frame_equal(out.tables[name], fresh.tables[name], obj=name)
    assert list(dict.fromkeys(out.tables["sentences"]["doc_id"])) == ["c", "b", "a"]
    assert [info["n_paragraphs"] for info in out.infos] == [1, 1, 1]
    found, missing = cache_mod.DocumentCache(store).get_many([cachekeys.document_key(docs[0], settings)], ["x"])
    assert missing == [] and found[0][1].tables["sentences"]["doc_id"].tolist() == ["x"]  # under the id asked for


def test_document_key_reads_text_speaker_and_settings_only() -> None:
    settings = pipeline.default_settings()
    base = Document("a", "a.txt", "Some text.", "utf-8", {"speaker": "Li", "title": "T"})
    key = cachekeys.document_key(base, settings)
    assert len(key) == 64 and key == cachekeys.document_key(base, dict(settings))
    renamed = Document("z", "z.txt", "Some text.", "gb18030", {"speaker": "Li", "title": "Other"})
    assert cachekeys.document_key(renamed, settings) == key
    assert cachekeys.document_key(Document("a", "a.txt", "Some text!", "utf-8", base.meta),
                                  settings) != key
    assert cachekeys.document_key(Document("a", "a.txt", "Some text.", "utf-8", {"speaker": "Wu"}),
                                  settings) != key
    assert cachekeys.document_key(base, pipeline.default_settings(lang="en")) != key
    assert cachekeys.document_key(base, pipeline.default_settings(turns=False)) != key


def test_info_round_trip() -> None:
    info = {"n_paragraphs": 3, "language": "en+zh", "date": dt.date(2024, 12, 17),
            "stamp": dt.datetime(2024, 1, 2, 3, 4), "title": None}
    assert cachekeys.loads_info(cachekeys.dumps_info(info)) == info
    assert cachekeys.dumps_info({"x": {1, 2}}) is None  # a set would not read back: not stored
    assert cachekeys.dumps_info({"x": (1, 2)}) is None  # a tuple would read back as a list


def test_unstorable_info_is_processed_every_time(tmp_path: Path) -> None:
    def with_set(doc: Document, settings: dict) -> Batch:
        batch = fake_process(doc, settings)
        batch.infos[0]["tags"] = {"x"}
        return batch

    docs = [Document("a", "a.txt", "One. Two.", "utf-8", {})]
    out, stats = engine.process_corpus(docs, pipeline.default_settings(), cache=tmp_path, process=with_set)
    assert stats.unstorable == 1 and stats.writes == 0
    assert not (tmp_path / "packs").exists() or not list((tmp_path / "packs").iterdir())
    assert out.infos[0]["tags"] == {"x"}


def test_clear_removes_everything(project: Path, calls: list[str]) -> None:
    store = project / "store"
    load_corpus(project / "corpus", cache=store, workers=1)
    cache_mod.DocumentCache(store).clear()
    assert sorted(p.name for p in store.iterdir()) == []
    calls.clear()
    load_corpus(project / "corpus", cache=store, workers=1)
    assert sorted(calls) == ["a", "b", "c"]


def test_pack_keeps_the_merged_names(project: Path, calls: list[str], monkeypatch) -> None:
    """Name merging across documents runs when the corpus is processed, not on a pack reload."""
    from discourse.processing import load as voices  # load_corpus calls canonicalize from here

    merged: list[int] = []
    original = voices.canonicalize

    def counting(sentences):
        merged.append(len(sentences))
        return original(sentences)

    monkeypatch.setattr(voices, "canonicalize", counting)
    store = project / "store"
    first = load_corpus(project / "corpus", cache=store, workers=1)
    assert len(merged) == 1
    second = load_corpus(project / "corpus", cache=store, workers=1)
    assert len(merged) == 1 and second.cache_stats["pack_hit"]
    assert_same_corpus(first, second)
    cache_mod.DocumentCache(store).prune_packs(keep=0)  # from the segments: merged again
    third = load_corpus(project / "corpus", cache=store, workers=1)
    assert len(merged) == 2
    assert_same_corpus(first, third)


def test_segment_keeps_dates_in_infos(tmp_path: Path) -> None:
    doc = Document("a", "a.txt", "The council must act.", "utf-8", {})
    batch = fake_process(doc, {})
    batch.infos[0].update(when=dt.date(2024, 5, 1), at=dt.datetime(2024, 5, 1, 9, 30))
    store = cache_mod.DocumentCache(tmp_path)
    key = cachekeys.document_key(doc, pipeline.default_settings())
    assert store.put_batch([key], batch) == 1
    got = store.get_many([key], ["b"])[0][0][1]
    assert got.infos[0]["when"] == dt.date(2024, 5, 1) and got.infos[0]["at"] == dt.datetime(2024, 5, 1, 9, 30)
    assert set(got.tables["tokens"]["doc_id"]) == {"b"} and len(got.tables["tokens"]) == len(batch.tables["tokens"])


def _pack_batch() -> Batch:
    docs = [Document(name[0], name, text, "utf-8", {}) for name, text in TEXTS.items()]
    return concat([fake_process(doc, {}) for doc in docs])


def test_pack_reads_back_whole(tmp_path: Path) -> None:
    batch = _pack_batch()
    store = cache_mod.DocumentCache(tmp_path)
    assert store.write_pack("p1", batch)
    got = store.read_pack("p1", batch.doc_ids)
    assert got.infos == batch.infos and got.doc_ids == batch.doc_ids
    for name in ("sentences", "tokens", "directives"):
        pd.testing.assert_frame_equal(got.tables[name], batch.tables[name].reset_index(drop=True), obj=name)
        assert (got.counts[name] == batch.counts[name]).all()
    assert not store.write_pack("p1", batch)  # stored already
    assert store.read_pack("p1", ["a", "b"]) is None  # not the corpus's documents: a miss
    assert not list((tmp_path / "tmp").iterdir())


def test_pack_that_cannot_be_written_whole_is_not_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    batch = _pack_batch()
    store = cache_mod.DocumentCache(tmp_path)
    real = cache_mod._write_table

    def failing(frame: pd.DataFrame, path: Path) -> dict:
        if path.name == "tokens.parquet":
            raise OSError("disk full")
        return real(frame, path)

    monkeypatch.setattr(cache_mod, "_write_table", failing)
    assert store.write_pack("p2", batch) is False
    assert store.read_pack("p2", batch.doc_ids) is None and not list((tmp_path / "tmp").iterdir())


def test_failing_finish_step_leaves_no_pack(project: Path, calls: list[str]) -> None:
    store = project / "store"
    docs = [Document(name[0], name, text, "utf-8", {}) for name, text in TEXTS.items()]

    def broken(sentences: pd.DataFrame) -> pd.DataFrame:
        raise RuntimeError("finish failed")

    with pytest.raises(RuntimeError, match="finish failed"):
        engine.process_corpus(docs, pipeline.default_settings(), cache=store, workers=1,
                              finish=("broken", broken))
    assert not list((store / "packs").glob("*")) and not list((store / "tmp").iterdir())
    assert len(list((store / "segments").iterdir())) == 1  # the processed documents are kept


# ------------------------------------------------------------------ a cache that verifies what it reads
def _fresh(project: Path):
    return load_corpus(project / "corpus", cache=False, workers=1)


def test_sixty_bit_flips_in_a_pack_are_never_served(project: Path, calls: list[str]) -> None:
    """Each flip is either detected (a miss: the pack is rebuilt, here from the intact segments, and
    written anew) or harmless; the tables served are always those of a fresh load."""
    import random

    store = project / "store"
    load_corpus(project / "corpus", cache=store, workers=1)
    fresh = _fresh(project)
    calls.clear()
    rng = random.Random(12)
    detected = 0
    for _ in range(60):
        pack = next((store / "packs").iterdir())
        files = sorted(pack.iterdir())
        path = rng.choice(files)
        data = bytearray(path.read_bytes())
        at = rng.randrange(len(data))
        data[at] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(data))
        with _at_most_one_broken_warning():
            again = load_corpus(project / "corpus", cache=store, workers=1)
        assert_same_corpus(again, fresh)
        detected += again.cache_stats["broken"]
        assert load_corpus(project / "corpus", cache=store, workers=1).cache_stats["pack_hit"]  # rewritten
    assert detected == 60  # every byte of a pack is under a checksum
    assert calls == []  # never processed again: the intact segments served the rebuilds


def _at_most_one_broken_warning():
    import contextlib
    import warnings

    @contextlib.contextmanager
    def recording():
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always")
            yield seen
        broken = [w for w in seen if "failed its check" in str(w.message)]
        assert len(broken) <= 1
    return recording()


def test_a_flipped_segment_is_processed_again(project: Path, calls: list[str]) -> None:
    store = project / "store"
    load_corpus(project / "corpus", cache=store, workers=1)
    cache_mod.DocumentCache(store).prune_packs(keep=0)
    segment = next((store / "segments").iterdir())
    data = bytearray((segment / "sentences.parquet").read_bytes())
    data[len(data) // 2] ^= 0x10
    (segment / "sentences.parquet").write_bytes(bytes(data))
    calls.clear()
    with pytest.warns(CorpusWarning, match="failed its check"):
        again = load_corpus(project / "corpus", cache=store, workers=1)
    assert sorted(calls) == ["a", "b", "c"] and again.cache_stats["broken"] == 1
    assert_same_corpus(again, _fresh(project))


def test_a_parquet_file_of_another_corpus_copied_into_a_pack(project: Path, calls: list[str]) -> None:
    store = project / "store"
    load_corpus(project / "corpus", cache=store, workers=1)
    other = project / "other"
    other.mkdir()
    (other / "z.txt").write_text("Officials must inspect the dams. Repairs begin soon.", encoding="utf-8")
    load_corpus(other, cache=store, workers=1)
    packs = sorted((store / "packs").iterdir(), key=lambda p: p.stat().st_mtime)
    ours, theirs = packs
    shutil.copy(theirs / "tokens.parquet", ours / "tokens.parquet")
    with pytest.warns(CorpusWarning, match="tokens.parquet does not match its checksum"):
        again = load_corpus(project / "corpus", cache=store, workers=1)
    assert again.cache_stats["broken"] == 1 and not again.cache_stats["pack_hit"]
    assert_same_corpus(again, _fresh(project))
    # a whole pack folder of the other corpus put in the place of ours
    shutil.rmtree(ours)
    shutil.copytree(theirs, ours)
    with pytest.warns(CorpusWarning, match="belongs to entry"):
        assert_same_corpus(load_corpus(project / "corpus", cache=store, workers=1), _fresh(project))


def test_an_edited_texts_json_makes_no_duplicate(project: Path, calls: list[str]) -> None:
    store = project / "store"
    first = load_corpus(project / "corpus", cache=store, workers=1)
    memo = json.loads((store / "texts.json").read_text(encoding="utf-8"))
    entries = list(memo["facts"].values())
    for entry in entries[1:]:
        entry[3] = entries[0][3]  # every text given the first one's fingerprint
    (store / "texts.json").write_text(json.dumps(memo), encoding="utf-8")
    again = load_corpus(project / "corpus", cache=store, workers=1)
    assert set(again.load_report["status"]) == {"loaded"} and len(again.documents) == 3
    assert_same_corpus(first, again)


@pytest.fixture
def read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Make a folder read-only: a read-only bind mount where ``mount`` works (we run as root, so
    permissions do not bind), else every write under it raises PermissionError."""
    import subprocess

    mounted: list[Path] = []

    def make(folder: Path) -> str:
        done = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
        if done.returncode == 0:
            mounted.append(folder)
            if subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], capture_output=True).returncode == 0:
                return "mount"
        real_mkdir, real_open, real_replace = Path.mkdir, open, os.replace

        def inside(path: object) -> bool:
            return str(Path(str(path)).resolve()).startswith(str(folder.resolve()))

        def mkdir(self: Path, *a, **k):
            if inside(self):
                raise PermissionError(13, "Permission denied", str(self))
            return real_mkdir(self, *a, **k)

        def opened(file, mode="r", *a, **k):
            if any(c in mode for c in "wax+") and inside(file):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, mode, *a, **k)

        def replace(src, dst, *a, **k):
            if inside(dst):
                raise PermissionError(13, "Permission denied", str(dst))
            return real_replace(src, dst, *a, **k)

        monkeypatch.setattr(Path, "mkdir", mkdir)
        monkeypatch.setattr("builtins.open", opened)
        monkeypatch.setattr(os, "replace", replace)
        monkeypatch.setattr(os, "utime", lambda *a, **k: (_ for _ in ()).throw(PermissionError(13, "utime")))
        return "patched"

    yield make
    import subprocess as sp

    for folder in mounted:
        sp.run(["umount", str(folder)], capture_output=True)


def test_a_read_only_cache_is_read_and_never_written(project: Path, calls: list[str], read_only) -> None:
    store = project / "store"
    first = load_corpus(project / "corpus", cache=store, workers=1)
    (project / "corpus" / "d.txt").write_text("A new text. It must be processed.", encoding="utf-8")
    before = sorted(str(p.relative_to(store)) for p in store.rglob("*"))
    how = read_only(store)
    calls.clear()
    with pytest.warns(CorpusWarning, match="cannot be written"):
        again = load_corpus(project / "corpus", cache=store, workers=1)
    assert calls == ["d"]  # the three stored documents read from the cache, the new one processed
    assert again.cache_stats["hits"] == 3 and again.cache_stats["writes"] == 0
    assert sorted(str(p.relative_to(store)) for p in store.rglob("*")) == before, how
    (project / "corpus" / "d.txt").unlink()
    with pytest.warns(CorpusWarning, match="cannot be written"):
        cached = load_corpus(project / "corpus", cache=store, workers=1)  # fully cached: the pack
    assert cached.cache_stats["pack_hit"]
    assert_same_corpus(first, cached)


def test_a_cache_path_that_is_a_file_is_a_clear_error(project: Path, calls: list[str]) -> None:
    (project / "afile").write_text("x")
    with pytest.raises(ParameterError, match="cache=.*afile.* is a file, not a folder"):
        load_corpus(project / "corpus", cache=project / "afile", workers=1)
    with pytest.raises(ParameterError, match="is inside .*afile, which is a file"):
        load_corpus(project / "corpus", cache=project / "afile" / "sub", workers=1)


def test_staging_left_by_a_killed_run_is_removed(project: Path, calls: list[str]) -> None:
    store = project / "store"
    load_corpus(project / "corpus", cache=store, workers=1)
    gone = store / "tmp" / "999999999-deadbeef"  # no such process
    gone.mkdir(parents=True)
    (gone / "tokens.parquet").write_bytes(b"half")
    alive = store / "tmp" / f"{os.getpid()}-cafe"  # this process: kept
    alive.mkdir()
    assert cache_mod.DocumentCache(store).clean_staging() == 1
    assert not gone.exists() and alive.exists()
    alive.rmdir()
    gone.mkdir()
    load_corpus(project / "corpus", cache=store, workers=1)  # a load cleans up too
    assert not gone.exists()
