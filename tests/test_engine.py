"""Running document processing serially, in local processes and on a Dask cluster: one Executor path."""
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


@pytest.fixture(autouse=True)
def parallel_for_small_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test texts are small: let them use the pool all the same."""
    monkeypatch.setattr(engine, "PARALLEL_ABOVE_CHARS", 0)


def run(docs: list[Document], **options):
    """The corpus batch of ``docs`` processed without a cache."""
    return engine.process_corpus(docs, SETTINGS, **options)[0]

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


def assert_same_tables(left, right) -> None:
    assert left.doc_ids == right.doc_ids and left.infos == right.infos
    for name in ("sentences", "tokens", "directives", "removed", "people"):
        pd.testing.assert_frame_equal(left.tables[name], right.tables[name], obj=name)
        assert (left.counts[name] == right.counts[name]).all()


def test_parallel_equals_serial_with_the_real_pipeline() -> None:
    docs = docs_of(9)
    serial = run(docs, workers=1)
    parallel = run(docs, workers=2)
    assert (serial.counts["tokens"] > 0).all()
    assert_same_tables(serial, parallel)


def test_parallel_keeps_order_when_long_documents_finish_last() -> None:
    docs = [Document(f"x{i}", "", "Word. " * (1 + (i * 7) % 11), "utf-8", {}) for i in range(12)]
    parallel = run(docs, workers=2, process=fake_process)
    assert parallel.doc_ids == [d.doc_id for d in docs]
    assert parallel.counts["sentences"].tolist() == [1 + (i * 7) % 11 for i in range(12)]


def where(doc: Document, settings: dict):
    """The stand-in, noting the process that ran it."""
    batch = fake_process(doc, settings)
    batch.infos[0]["pid"] = os.getpid()
    return batch


def test_parallel_processes_in_other_processes_and_few_documents_serially() -> None:
    many = run(docs_of(8), workers=2, process=where)
    assert os.getpid() not in {info["pid"] for info in many.infos}
    few = run(docs_of(engine.SERIAL_BELOW - 1), workers=2, process=where)
    assert {info["pid"] for info in few.infos} == {os.getpid()}


def test_little_text_is_processed_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "PARALLEL_ABOVE_CHARS", 10**9)
    assert {info["pid"] for info in run(docs_of(8), workers=2, process=where).infos} == {os.getpid()}


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
    parallel, stats = engine.process_corpus(docs, SETTINGS, cache=tmp_path / "pool", workers=2, process=where)
    assert stats.writes == 8 and stats.misses == 8 and stats.unstorable == 0
    assert os.getpid() not in {info["pid"] for info in parallel.infos}
    segments = list((tmp_path / "pool" / "segments").iterdir())
    assert 1 <= len(segments) <= 8 and all((seg / "manifest.txt").is_file() for seg in segments)
    assert not list((tmp_path / "pool" / "tmp").iterdir())
    engine.DocumentCache(tmp_path / "pool").prune_packs(keep=0)  # read back from the segments
    again, stats = engine.process_corpus(docs, SETTINGS, cache=tmp_path / "pool", workers=2, process=where)
    assert stats.hits == 8 and stats.writes == 0
    serial, _ = engine.process_corpus(docs, SETTINGS, cache=tmp_path / "serial", workers=1, process=where)
    for name in ("sentences", "tokens", "directives", "removed", "people"):
        pd.testing.assert_frame_equal(again.tables[name], serial.tables[name], obj=name)


def test_progress_bar_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    run(docs_of(3), workers=1, progress=True, process=fake_process)
    assert "3/3" in capsys.readouterr().err
    run(docs_of(3), workers=1, progress=False, process=fake_process)
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
        run(docs_of(2), process=fake_process)


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

    batch = fake_process(doc, settings)
    batch.infos[0]["worker"] = get_worker().address
    return batch


def test_dask_equals_local(cluster) -> None:
    docs = docs_of(7)
    local = run(docs, workers=1)
    remote = run(docs, scheduler=cluster.scheduler_address)
    assert_same_tables(local, remote)


def test_dask_from_environment_variable(cluster, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(engine.SCHEDULER_ENV, cluster.scheduler_address)
    out = run(docs_of(6), process=on_worker)
    from distributed import Client

    with Client(cluster.scheduler_address, set_as_default=False) as client:
        addresses = set(client.scheduler_info()["workers"])
    assert len(addresses) == 2 and {info["worker"] for info in out.infos} <= addresses
    assert out.doc_ids == [f"d{i:02d}" for i in range(6)]


def test_dask_sends_only_cache_misses(cluster, tmp_path: Path) -> None:
    docs = docs_of(5)
    _, first = engine.process_corpus(docs, SETTINGS, cache=tmp_path, scheduler=cluster.scheduler_address,
                                     process=on_worker)
    assert first.misses == 5 and first.writes == 5  # stored here, where the cache is
    docs[2] = Document("d02", "d02.txt", "Changed text. Now shorter.", "utf-8", {})
    second, stats = engine.process_corpus(docs, SETTINGS, cache=tmp_path,
                                          scheduler=cluster.scheduler_address, process=on_worker)
    assert (stats.hits, stats.misses) == (4, 1)
    assert second.infos[2]["worker"] and "Changed text" in set(second.tables["sentences"]["text"])
    pd.testing.assert_frame_equal(second.tables["tokens"], run(docs, process=fake_process).tables["tokens"])


def test_serial_chunks_are_runs_of_about_the_chunk_size(monkeypatch: pytest.MonkeyPatch) -> None:
    from types import SimpleNamespace

    from discourse.processing.runners import _serial_chunks

    monkeypatch.setattr(engine, "SERIAL_CHUNK_CHARS", 25)
    docs = [SimpleNamespace(text="x" * n) for n in (10, 10, 10, 40, 5, 5, 20)]
    assert _serial_chunks(docs) == [[0, 1], [2], [3], [4, 5], [6]]
    assert _serial_chunks([]) == []


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


def test_local_pool_is_spawned_kept_and_reused() -> None:
    with engine.local_pool(2) as pool:
        pids = set(pool.map(_pid, range(8)))
    assert pids and os.getpid() not in pids and len(pids) <= 2
    with engine.local_pool(2) as again:
        assert again is pool and set(again.map(_pid, range(8))) <= pids


def _pid(_: int) -> int:
    return os.getpid()


def _fails_on_x3(doc: Document, settings: dict):
    if doc.doc_id == "d03":
        raise RuntimeError("cannot process d03")
    return fake_process(doc, settings)


def test_a_failing_worker_names_its_error_and_the_next_run_works() -> None:
    with pytest.raises(RuntimeError, match="d03"):
        run(docs_of(12), workers=2, process=_fails_on_x3)
    assert run(docs_of(12), workers=2, process=fake_process).doc_ids == [f"d{i:02d}" for i in range(12)]
