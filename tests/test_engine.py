"""Running document processing serially, in local processes and on a Dask cluster."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd
import pytest
from test_cache import fake_process

from discourse.corpus.schema import Document
from discourse.errors import ParameterError
from discourse.processing import document as pipeline
from discourse.processing import runners as engine

pytestmark = pytest.mark.filterwarnings("ignore::discourse.errors.CorpusWarning")

SETTINGS = pipeline.default_settings()
EN = ("The provincial government must strengthen flood control. Officials said they will "
      "inspect every reservoir. \"We shall finish repairs before the rainy season,\" said Li Wei, "
      "deputy director of the water bureau.")
ZH = "省政府要求各地加强防汛工作。李伟表示，要在雨季前完成水库维修。"


def docs_of(n: int) -> list[Document]:
    """``n`` documents of different lengths, English, Chinese and both."""
    docs = []
    for i in range(n):
        text = {0: EN, 1: ZH, 2: EN + "\n\n" + ZH}[i % 3] * (1 + i % 4)
        docs.append(Document(f"d{i:02d}", f"d{i:02d}.txt", text, "utf-8",
                             {"speaker": "Li Wei" if i % 5 == 0 else None}))
    return docs


def assert_same_tables(left: list, right: list) -> None:
    assert [r.doc_id for r in left] == [r.doc_id for r in right]
    for a, b in zip(left, right):
        for name in ("sentences", "tokens", "directives", "removed", "people"):
            pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=f"{a.doc_id} {name}")
        assert a.info == b.info


def test_parallel_equals_serial_with_the_real_pipeline() -> None:
    docs = docs_of(9)
    serial = engine.run_documents(docs, SETTINGS, workers=1)
    parallel = engine.run_documents(docs, SETTINGS, workers=2)
    assert len(serial[0].tokens) > 0 and len(serial[1].tokens) > 0
    assert_same_tables(serial, parallel)


def test_parallel_keeps_order_when_long_documents_finish_last() -> None:
    docs = [Document(f"x{i}", "", "Word. " * (1 + (i * 7) % 11), "utf-8", {}) for i in range(12)]
    parallel = engine.run_documents(docs, SETTINGS, workers=2, process=fake_process)
    assert [r.doc_id for r in parallel] == [d.doc_id for d in docs]
    assert [len(r.sentences) for r in parallel] == [1 + (i * 7) % 11 for i in range(12)]


def where(doc: Document, settings: dict):
    """The stand-in, noting the process that ran it."""
    tables = fake_process(doc, settings)
    tables.info["pid"] = os.getpid()
    return tables


def test_parallel_processes_in_other_processes_and_few_documents_serially() -> None:
    many = engine.run_documents(docs_of(8), SETTINGS, workers=2, process=where)
    assert os.getpid() not in {r.info["pid"] for r in many}
    few = engine.run_documents(docs_of(engine.SERIAL_BELOW - 1), SETTINGS, workers=2, process=where)
    assert {r.info["pid"] for r in few} == {os.getpid()}


def test_load_corpus_parallel_equals_serial(tmp_path: Path) -> None:
    for doc in docs_of(6):
        (tmp_path / f"{doc.doc_id}.txt").write_text(doc.text, encoding="utf-8")
    from discourse.processing.load import load_corpus

    serial = load_corpus(tmp_path, workers=1, cache=False)
    parallel = load_corpus(tmp_path, workers=2, cache=False)
    for name in ("documents", "sentences", "tokens", "directives", "removed", "people"):
        pd.testing.assert_frame_equal(getattr(serial, name), getattr(parallel, name), obj=name)
    assert serial.documents["n_tokens"].gt(0).all()


def test_pool_workers_store_their_batches(tmp_path: Path) -> None:
    """With a local pool the workers write the segments; the stats and the reload agree with a serial run."""
    docs = docs_of(8)
    parallel = engine.process_corpus(docs, SETTINGS, cache=tmp_path / "pool", workers=2, process=where)
    assert parallel.stats.writes == 8 and parallel.stats.misses == 8 and parallel.stats.unstorable == 0
    assert os.getpid() not in {info["pid"] for info in parallel.infos}
    segments = list((tmp_path / "pool" / "segments").iterdir())
    assert 1 <= len(segments) <= 8 and all((seg / "index.json").is_file() for seg in segments)
    assert not list((tmp_path / "pool" / "tmp").iterdir())
    engine.DocumentCache(tmp_path / "pool").prune_packs(keep=0)  # read back from the segments
    again = engine.process_corpus(docs, SETTINGS, cache=tmp_path / "pool", workers=2, process=where)
    assert again.stats.hits == 8 and again.stats.writes == 0
    serial = engine.process_corpus(docs, SETTINGS, cache=tmp_path / "serial", workers=1, process=where)
    for name in ("sentences", "tokens", "directives", "removed", "people"):
        pd.testing.assert_frame_equal(getattr(again, name), getattr(serial, name), obj=name)


def test_progress_bar_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    engine.run_documents(docs_of(3), SETTINGS, workers=1, progress=True, process=fake_process)
    assert "3/3" in capsys.readouterr().err
    engine.run_documents(docs_of(3), SETTINGS, workers=1, progress=False, process=fake_process)
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("options, named", [
    ({"workers": 0}, "workers"), ({"workers": "2"}, "workers"),
    ({"scheduler": "localhost:8786"}, "scheduler"), ({"cache": 3}, "cache"),
    ({"progress": "yes"}, "progress"),
])
def test_bad_options_are_named(options: dict, named: str) -> None:
    with pytest.raises(ParameterError, match=named):
        engine.check_options(**options)


def test_bad_environment_address_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(engine.SCHEDULER_ENV, "not-an-address")
    with pytest.raises(ParameterError, match="DISCOURSE_SCHEDULER"):
        engine.run_documents(docs_of(2), SETTINGS, process=fake_process)


# ------------------------------------------------------------------------------------------- Dask
@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the stand-ins go by value
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local
    cloudpickle.unregister_pickle_by_value(sys.modules[__name__])


def on_worker(doc: Document, settings: dict):
    """The stand-in, noting which Dask worker ran it."""
    from distributed import get_worker

    tables = fake_process(doc, settings)
    tables.info["worker"] = get_worker().address
    return tables


def test_dask_equals_local(cluster) -> None:
    docs = docs_of(7)
    local = engine.run_documents(docs, SETTINGS, workers=1)
    remote = engine.run_documents(docs, SETTINGS, scheduler=cluster.scheduler_address)
    assert_same_tables(local, remote)


def test_dask_from_environment_variable(cluster, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(engine.SCHEDULER_ENV, cluster.scheduler_address)
    out = engine.run_documents(docs_of(6), SETTINGS, process=on_worker)
    from distributed import Client

    with Client(cluster.scheduler_address, set_as_default=False) as client:
        addresses = set(client.scheduler_info()["workers"])
    assert len(addresses) == 2 and {r.info["worker"] for r in out} <= addresses
    assert [r.doc_id for r in out] == [f"d{i:02d}" for i in range(6)]


def test_dask_sends_only_cache_misses(cluster, tmp_path: Path) -> None:
    docs = docs_of(5)
    first = engine.process_corpus(docs, SETTINGS, cache=tmp_path, scheduler=cluster.scheduler_address,
                                  process=on_worker)
    assert first.stats.misses == 5
    docs[2] = Document("d02", "d02.txt", "Changed text. Now shorter.", "utf-8", {})
    second = engine.process_corpus(docs, SETTINGS, cache=tmp_path,
                                   scheduler=cluster.scheduler_address, process=on_worker)
    assert (second.stats.hits, second.stats.misses) == (4, 1)
    assert second.infos[2]["worker"] and "Changed text" in set(second.sentences["text"])
    pd.testing.assert_frame_equal(
        second.tokens,
        engine.process_corpus(docs, SETTINGS, process=fake_process).tokens)


def test_chunks_are_runs_of_similar_length_heaviest_first():
    from types import SimpleNamespace

    from discourse.processing.runners import _chunks

    def docs(*lengths):
        return [SimpleNamespace(text="x" * (n - 1)) for n in lengths]  # length + 1 counts per document

    # equal documents: equal runs, in order
    assert _chunks(docs(*[10] * 12), 4) == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]]
    # a very long document makes a run of its own; the others gather around it
    assert _chunks(docs(10, 10, 1000, 10, 10), 3) == [[2], [0, 1], [3, 4]]
    # a run ends where the next document's middle would pass the next multiple of total / n
    # (total 2368, step 1184: 900 + 10 + 500 ends before 1184 + 200)
    lengths = [901, 11, 501, 401, 31, 21, 301, 201]
    chunks = _chunks(docs(*lengths), 2)
    assert chunks == [[0, 1, 2], [3, 4, 5, 6, 7]]
    assert _chunks(docs(5), 8) == [[0]] and _chunks([], 4) == []


def test_guided_chunks_shrink_towards_the_end_and_keep_every_document():
    from types import SimpleNamespace

    from discourse.processing.runners import CHUNKS_PER_WORKER, _guided_chunks

    docs = [SimpleNamespace(text="x" * 99) for _ in range(100)]  # 100 characters each, with the +1
    chunks = _guided_chunks(docs, 2)
    assert [i for c in chunks for i in c] == list(range(100))  # runs, in order, every document once
    sizes = [len(c) for c in chunks]
    # half the remaining share per worker: 100/4 -> 25, then 75/4 -> 19 (18.75, the middle of the
    # 19th document is before it), 56/4 -> 14, ...; never below 100 / (2 * CHUNKS_PER_WORKER * 2)
    assert sizes[:3] == [25, 19, 14]
    assert sizes == sorted(sizes, reverse=True)
    assert all(s >= 100 / (2 * CHUNKS_PER_WORKER * 2) - 1 for s in sizes[:-1])
    assert _guided_chunks([], 2) == [] and _guided_chunks(docs[:1], 4) == [[0]]


def test_local_pool_runs_in_other_processes_started_at_once() -> None:
    with engine.local_pool(2) as pool:
        if sys.platform == "linux":  # forked: every process starts on entering the block
            assert len(pool._processes) == 2
        pids = set(pool.map(_pid, range(8)))
    assert pids and os.getpid() not in pids and len(pids) <= 2


def _pid(_: int) -> int:
    return os.getpid()


# ------------------------------------------------------------------ results handed over in memory
def _tables_equal(a, b) -> None:
    assert a.doc_ids == b.doc_ids and a.infos == b.infos
    for name in ("sentences", "tokens", "directives", "removed", "people"):
        pd.testing.assert_frame_equal(a.tables[name], b.tables[name], obj=name)
        assert (a.counts[name] == b.counts[name]).all()


def test_a_result_left_in_a_file_reads_back_equal_and_the_file_goes(tmp_path: Path) -> None:
    docs = docs_of(5)
    direct = engine._process_chunk(docs, SETTINGS)
    assert len(direct.tables["tokens"]) > 0 and len(direct.tables["sentences"]) > 0
    left = engine._leave(str(tmp_path), engine._process_chunk, docs, SETTINGS)
    assert isinstance(left, engine._Left) and Path(left.path).parent == tmp_path
    # the columns follow the pickle, each at an offset aligned to 64 bytes
    assert Path(left.path).stat().st_size > len(direct.tables["tokens"]) * 8
    back = engine._take_back(left)
    _tables_equal(back, direct)
    assert not list(tmp_path.iterdir())
    # a tuple (a batch with its stats, as cache-storing workers return) and a value with no buffers
    pair = engine._take_back(engine._leave(str(tmp_path), lambda: (direct, {"writes": 3})))
    _tables_equal(pair[0], direct)
    assert pair[1] == {"writes": 3}
    assert engine._take_back(engine._leave(str(tmp_path), int, "7")) == 7
    assert engine._take_back(41) == 41  # a result sent through the pipe is passed as it is


def test_a_result_goes_through_the_pipe_when_the_file_cannot_be_written(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    assert engine._leave(str(gone), lambda: ("batch", 1)) == ("batch", 1)
    assert not gone.exists()


def test_pool_hands_over_in_memory_and_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(engine, "HANDOFF_ROOT", str(tmp_path))
    docs = docs_of(9)
    handed = engine.run_documents(docs, SETTINGS, workers=2)
    assert not list(tmp_path.iterdir())  # the run's folder is removed with every file in it
    monkeypatch.setattr(engine, "HANDOFF_ROOT", str(tmp_path / "absent"))  # no such folder: the pipe
    piped = engine.run_documents(docs, SETTINGS, workers=2)
    assert_same_tables(handed, piped)
    assert_same_tables(handed, engine.run_documents(docs, SETTINGS, workers=1))


def _fails_on_x3(doc: Document, settings: dict):
    if doc.doc_id == "d03":
        raise RuntimeError("cannot process d03")
    return fake_process(doc, settings)


def test_hand_over_folder_is_removed_when_a_worker_fails(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(engine, "HANDOFF_ROOT", str(tmp_path))
    with pytest.raises(RuntimeError, match="d03"):
        engine.run_documents(docs_of(12), SETTINGS, workers=2, process=_fails_on_x3)
    assert not list(tmp_path.iterdir())
