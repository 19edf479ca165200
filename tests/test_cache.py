"""The processed-document cache: hits, invalidation, location, broken entries."""
from __future__ import annotations

import datetime as dt
import json
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
from discourse.processing import cache as cache_mod
from discourse.processing import document as pipeline
from discourse.processing import keys as cachekeys
from discourse.processing import runners as engine
from discourse.processing.batch import DocumentTables, from_documents
from discourse.processing.load import load_corpus

pytestmark = pytest.mark.filterwarnings("ignore::discourse.errors.CorpusWarning")

TEXTS = {
    "a.txt": "The council must act. Officials will review the plan.",
    "b.txt": "Farmers planted rice. The county must report progress. Roads opened.",
    "c.txt": "A short note.",
}


def fake_process(doc: Document, settings: dict) -> DocumentTables:
    """A stand-in for process_document: sentences split at full stops, tokens at spaces."""
    lang = settings.get("lang") or "en"
    parts = [p.strip() for p in doc.text.split(".") if p.strip()]
    sentences = pd.DataFrame({"doc_id": doc.doc_id, "para_id": 0, "sent_id": range(len(parts)),
                              "lang": lang, "text": parts,
                              "speaker": doc.meta.get("speaker") or "narrator", "role": "",
                              "voice_cue": "", "section": 0, "section_kind": "other"},
                             columns=SENTENCE_COLUMNS)
    tok_rows, dir_rows = [], []
    for sid, part in enumerate(parts):
        for tid, word in enumerate(part.split()):
            tok_rows.append([doc.doc_id, sid, tid, word, word.lower(), word.lower(), "NN", lang,
                             False, False, True])
            if word == "must":
                dir_rows.append([doc.doc_id, sid, "must", "must", "obligation", "must",
                                 part.index(word), part.index(word) + 4, part, lang])
    tokens = pd.DataFrame(tok_rows, columns=TOKEN_COLUMNS)
    directives = (pd.DataFrame(dir_rows, columns=DIRECTIVE_COLUMNS) if dir_rows
                  else empty_frame(DIRECTIVE_COLUMNS))
    info = {"n_paragraphs": 1, "language": lang}
    return DocumentTables(doc.doc_id, sentences, tokens, directives, empty_frame(REMOVED_COLUMNS),
                          empty_frame(PEOPLE_COLUMNS), info)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Process with the counting stand-in; the list records the doc_ids processed."""
    seen: list[str] = []

    def counting(doc: Document, settings: dict) -> DocumentTables:
        seen.append(doc.doc_id)
        return fake_process(doc, settings)

    def batch(docs, settings):
        return from_documents([counting(doc, settings) for doc in docs])

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
    assert engine.last_stats().misses == 3 and engine.last_stats().writes == 3
    second = load_corpus(project / "corpus", cache=store, workers=1)
    assert sorted(calls) == ["a", "b", "c"]  # nothing processed again
    assert engine.last_stats().pack_hit and engine.last_stats().hits == 3
    assert_same_corpus(first, second)
    assert len(first.directives) == 2  # the stand-in's two "must"


def test_document_entries_without_pack(project: Path, calls: list[str]) -> None:
    store = project / "store"
    first = load_corpus(project / "corpus", cache=store, workers=1)
    DocumentCache = cache_mod.DocumentCache
    DocumentCache(store).prune_packs(keep=0)
    second = load_corpus(project / "corpus", cache=store, workers=1)
    stats = engine.last_stats()
    assert (stats.hits, stats.misses, stats.pack_hit) == (3, 0, False)
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


def test_cache_false_writes_nothing_and_default_is_in_project(project: Path, calls: list[str]) -> None:
    load_corpus(project / "corpus", cache=False, workers=1)
    assert not (project / ".cache").exists()
    load_corpus(project / "corpus", workers=1)
    segments = list((project / ".cache" / "discourse" / "segments").iterdir())
    assert len(segments) == 1  # one batch of three documents
    assert len(json.loads((segments[0] / "index.json").read_text())["keys"]) == 3
    assert not list((project / "corpus").rglob(".cache"))


def test_cache_dir_option_and_atomic_staging(project: Path, calls: list[str]) -> None:
    store = project / "elsewhere" / "cache"
    load_corpus(project / "corpus", cache=str(store), workers=1)
    segments = sorted((store / "segments").iterdir())
    assert len(segments) == 1
    assert sorted(p.name for p in segments[0].iterdir()) == [
        "directives.parquet", "index.json", "people.parquet", "removed.parquet",
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
    assert engine.last_stats().broken == 2  # the pack and the segment
    assert_same_corpus(first, second)
    calls.clear()
    load_corpus(project / "corpus", cache=store, workers=1)
    assert calls == [] and engine.last_stats().pack_hit


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
    out = engine.process_corpus(docs, settings, cache=store)
    assert calls == [] and (out.stats.hits, out.stats.misses) == (3, 0)
    fresh = engine.process_corpus(docs, settings)
    for name in ("sentences", "tokens", "directives", "removed", "people"):
        pd.testing.assert_frame_equal(getattr(out, name), getattr(fresh, name), obj=name)
    assert list(dict.fromkeys(out.sentences["doc_id"])) == ["c", "b", "a"]
    assert [info["n_paragraphs"] for info in out.infos] == [1, 1, 1]
    assert cache_mod.DocumentCache(store).get(cachekeys.document_key(docs[0], settings), "x") \
        .sentences["doc_id"].tolist() == ["x"]  # c.txt, one sentence, under the id asked for


def test_project_root_and_default_dir(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    deep = tmp_path / "data" / "corpus"
    deep.mkdir(parents=True)
    assert paths.enclosing_project(deep) == tmp_path.resolve()
    assert paths.default_cache_dir(deep) == tmp_path.resolve() / ".cache" / "discourse"
    assert paths.resolve_cache_dir(False, deep) is None
    assert paths.resolve_cache_dir(True, deep) == paths.default_cache_dir(deep)
    assert paths.resolve_cache_dir(None, None) is None
    assert paths.resolve_cache_dir("x/y", deep) == Path("x/y")


def test_project_root_falls_back_to_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "_ROOT_MARKERS", ("no-such-marker-file",))
    assert paths.enclosing_project(tmp_path) == tmp_path.resolve()


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


def test_info_round_trip() -> None:
    info = {"n_paragraphs": 3, "language": "en+zh", "date": dt.date(2024, 12, 17),
            "stamp": dt.datetime(2024, 1, 2, 3, 4), "title": None}
    assert cachekeys.loads_info(cachekeys.dumps_info(info)) == info
    assert cachekeys.dumps_info({"x": {1, 2}}) is None  # a set would not read back: not stored
    assert cachekeys.dumps_info({"x": (1, 2)}) is None  # a tuple would read back as a list


def test_unstorable_info_is_processed_every_time(tmp_path: Path) -> None:
    def with_set(doc: Document, settings: dict) -> DocumentTables:
        tables = fake_process(doc, settings)
        tables.info["tags"] = {"x"}
        return tables

    docs = [Document("a", "a.txt", "One. Two.", "utf-8", {})]
    out = engine.process_corpus(docs, pipeline.default_settings(), cache=tmp_path, process=with_set)
    assert out.stats.unstorable == 1 and out.stats.writes == 0
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


def test_environment_variable_chooses_the_cache(tmp_path, monkeypatch):
    from discourse.paths import CACHE_ENV, resolve_cache_dir

    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "shared-cache"))
    assert resolve_cache_dir(None, tmp_path) == tmp_path / "shared-cache"
    assert resolve_cache_dir(tmp_path / "given", tmp_path) == tmp_path / "given"  # an explicit path wins
    monkeypatch.setenv(CACHE_ENV, "off")
    assert resolve_cache_dir(None, tmp_path) is None
    assert resolve_cache_dir(False, tmp_path) is None


def test_corpus_outside_a_project_is_never_written_to(tmp_path, monkeypatch):
    from discourse.paths import CACHE_ENV, default_cache_dir

    monkeypatch.delenv(CACHE_ENV, raising=False)
    data = tmp_path / "data" / "speeches"
    data.mkdir(parents=True)
    work = tmp_path / "work"
    (work / "sub").mkdir(parents=True)
    (work / "pyproject.toml").write_text("[project]\nname='x'\n")
    monkeypatch.chdir(work / "sub")
    assert default_cache_dir(data) == work / ".cache" / "discourse"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir(data) == tmp_path / "home" / ".cache" / "discourse"
    inside = work / "corpus"
    inside.mkdir()
    assert default_cache_dir(inside) == work / ".cache" / "discourse"


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
    assert len(merged) == 1 and engine.last_stats().pack_hit
    assert_same_corpus(first, second)
    cache_mod.DocumentCache(store).prune_packs(keep=0)  # from the segments: merged again
    third = load_corpus(project / "corpus", cache=store, workers=1)
    assert len(merged) == 2
    assert_same_corpus(first, third)


def test_segment_keeps_dates_in_infos(tmp_path: Path) -> None:
    doc = Document("a", "a.txt", "The council must act.", "utf-8", {})
    batch = from_documents([fake_process(doc, {})])
    batch.infos[0].update(when=dt.date(2024, 5, 1), at=dt.datetime(2024, 5, 1, 9, 30))
    store = cache_mod.DocumentCache(tmp_path)
    key = cachekeys.document_key(doc, pipeline.default_settings())
    assert store.put_batch([key], batch) == 1
    got = store.get(key, "b")
    assert got.info["when"] == dt.date(2024, 5, 1) and got.info["at"] == dt.datetime(2024, 5, 1, 9, 30)
    assert set(got.tokens["doc_id"]) == {"b"} and len(got.tokens) == len(batch.tables["tokens"])


def _pack_tables() -> tuple[dict[str, pd.DataFrame], list[dict]]:
    docs = [Document(name[0], name, text, "utf-8", {}) for name, text in TEXTS.items()]
    batch = from_documents([fake_process(doc, {}) for doc in docs])
    return batch.tables, batch.infos


def test_pack_written_in_two_parts_reads_back_whole(tmp_path: Path) -> None:
    tables, infos = _pack_tables()
    store = cache_mod.DocumentCache(tmp_path)
    writer = store.start_pack("p1", {name: tables[name] for name in ("tokens", "directives")})
    assert writer is not None and writer.finish(tables, infos)
    got, got_infos = store.read_pack("p1")
    assert got_infos == infos
    for name in ("sentences", "tokens", "directives"):
        pd.testing.assert_frame_equal(got[name], tables[name].reset_index(drop=True), obj=name)
    assert store.start_pack("p1", {}) is None  # stored already
    assert not list((tmp_path / "tmp").iterdir())


def test_pack_whose_thread_fails_is_not_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tables, infos = _pack_tables()
    store = cache_mod.DocumentCache(tmp_path)
    real = cache_mod._write_parquet

    def failing(frame: pd.DataFrame, path: Path) -> None:
        if path.name == "tokens.parquet":
            raise OSError("disk full")
        real(frame, path)

    monkeypatch.setattr(cache_mod, "_write_parquet", failing)
    writer = store.start_pack("p2", {"tokens": tables["tokens"]})
    assert writer.finish(tables, infos) is False
    assert isinstance(writer.error, OSError)
    assert store.read_pack("p2") is None and not list((tmp_path / "tmp").iterdir())
    abandoned = store.start_pack("p3", {"directives": tables["directives"]})
    abandoned.abandon()
    assert store.read_pack("p3") is None and not list((tmp_path / "tmp").iterdir())


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
