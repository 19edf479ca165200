"""The memo of what reading learns from each text (discourse.textfacts) and its use in read_folder."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from discourse import load_corpus
from discourse.paths import CACHE_ENV
from discourse.reading import facts as textfacts
from discourse.reading.facts import Facts, TextFacts, text_digest, whitespace_fingerprint
from discourse.reading.read import read_folder, text_facts

pytestmark = pytest.mark.filterwarnings("ignore::discourse.errors.CorpusWarning")

DATED = "Updated: 2023-05-04\nProvince sets new goals\nThe meeting stressed that we must act.\nSource: Sichuan Daily\n"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2021-a.txt").write_text("Officials must strengthen supervision.\nWe will act.\n", encoding="utf-8")
    (corpus / "b.txt").write_text(DATED, encoding="utf-8")
    (corpus / "c.txt").write_text("  Officials   must strengthen\tsupervision.\n\nWe will act.", encoding="utf-8")
    (corpus / "notes.pdf").write_bytes(b"%PDF")
    return corpus


def test_fingerprint_ignores_whitespace_only() -> None:
    assert whitespace_fingerprint(" a  b\n\tc ") == whitespace_fingerprint("a b c")
    assert whitespace_fingerprint("a b c") != whitespace_fingerprint("a bc")
    assert text_digest("a b") != text_digest("a  b")
    assert len(text_digest("x")) == 32


def test_text_facts_of_a_dated_text() -> None:
    facts = text_facts(DATED)
    assert facts.date == "2023-05-04"
    assert facts.title == "Province sets new goals"
    assert facts.source == "Sichuan Daily"
    assert facts.fingerprint == whitespace_fingerprint(DATED)


def test_read_with_memo_is_the_same_as_without(folder: Path, tmp_path: Path) -> None:
    plain = read_folder(folder, pattern=r"(?P<year>\d{4})")
    memo = TextFacts(tmp_path / "memo" / "texts.json")
    first = read_folder(folder, pattern=r"(?P<year>\d{4})", memo=memo)
    assert (memo.hits, memo.misses) == (0, 3)  # c.txt is read (and found a duplicate) too
    assert memo.save()
    again = TextFacts(tmp_path / "memo" / "texts.json")
    assert len(again) == 3
    second = read_folder(folder, pattern=r"(?P<year>\d{4})", memo=again)
    assert (again.hits, again.misses) == (3, 0)
    assert not again.save()  # nothing new: the file is not rewritten
    for result in (first, second):
        assert result.documents == plain.documents
        pd.testing.assert_frame_equal(result.load_report, plain.load_report)
    report = plain.load_report.set_index("path")
    assert report.loc["c.txt", "status"] == "duplicate"
    assert plain.documents[1].meta["title"] == "Province sets new goals"


def test_memo_of_other_code_or_broken_file_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "texts.json"
    path.write_text(json.dumps({"code": "older", "facts": {"d": [None, None, None, "f"]}}), encoding="utf-8")
    assert len(TextFacts(path)) == 0
    memo = TextFacts(path)
    memo.put("d", Facts(None, "T", None, "f"))
    assert memo.save()
    assert TextFacts(path).get("d") == Facts(None, "T", None, "f")
    path.write_text("{not json", encoding="utf-8")
    assert len(TextFacts(path)) == 0


def test_an_edited_entry_is_found_again_not_served(tmp_path: Path) -> None:
    """Each entry carries a check of its key and facts: an entry edited by hand (here: another text's
    fingerprint, which would make two distinct texts duplicates) or damaged is dropped."""
    path = tmp_path / "texts.json"
    memo = TextFacts(path)
    memo.put("a" * 32, Facts("2024-01-02", "A", None, "fa"))
    memo.put("b" * 32, Facts(None, "B", "Xinhua", "fb"))
    memo.save()
    data = json.loads(path.read_text(encoding="utf-8"))
    data["facts"]["b" * 32][3] = "fa"  # b's fingerprint made a's
    path.write_text(json.dumps(data), encoding="utf-8")
    edited = TextFacts(path)
    assert edited.get("b" * 32) is None and edited.get("a" * 32) == Facts("2024-01-02", "A", None, "fa")
    data["facts"]["a" * 32][0] = "2025-01-02"
    data["facts"]["c" * 32] = data["facts"].pop("b" * 32)  # an entry moved to another text's key
    path.write_text(json.dumps(data), encoding="utf-8")
    assert len(TextFacts(path)) == 0


def test_memo_keeps_the_most_recently_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textfacts, "MAX_ENTRIES", 2)
    memo = TextFacts(tmp_path / "texts.json")
    for name in "abc":
        memo.put(name, Facts(None, name, None, name))
    assert memo.get("a") is not None  # used last: kept
    memo.save()
    kept = TextFacts(tmp_path / "texts.json")
    assert kept.get("a") is not None and kept.get("c") is not None and kept.get("b") is None


def test_unwritable_memo_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    memo = TextFacts(blocker / "texts.json")  # its folder would be a file
    memo.put("d", Facts(None, None, None, "f"))
    assert memo.save() is False


def test_load_corpus_keeps_the_memo_in_its_cache(folder: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "store"
    first = load_corpus(folder, cache=store, workers=1)
    assert (store / textfacts.FILE_NAME).is_file()
    second = load_corpus(folder, cache=store, workers=1)
    pd.testing.assert_frame_equal(first.documents, second.documents)
    pd.testing.assert_frame_equal(first.load_report, second.load_report)
    chosen = tmp_path / "chosen"
    monkeypatch.setenv(CACHE_ENV, str(chosen))
    load_corpus(folder, cache=False, workers=1)
    assert not chosen.exists()  # no cache: nothing written
    load_corpus(folder, workers=1)  # the default: the cache folder the environment names
    assert (chosen / textfacts.FILE_NAME).is_file()


def test_memo_of_the_wrong_type_is_named(folder: Path) -> None:
    from discourse.errors import ParameterError

    with pytest.raises(ParameterError, match="memo"):
        read_folder(folder, memo={})


def test_facts_found_in_a_pool_are_the_same(folder: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from discourse.reading import read as load

    (folder / "table.jsonl").write_text('{"text": "Updated: 2022-01-02\\nA row headline\\nWe must act."}\n'
                                        '{"text": "We will act."}\n', encoding="utf-8")
    plain = read_folder(folder, pattern=r"(?P<year>\d{4})")
    pools = []
    real_pool = load.local_pool

    def counted_pool(workers: int):
        pools.append(workers)
        return real_pool(workers)

    monkeypatch.setattr(load, "local_pool", counted_pool)
    monkeypatch.setattr(load, "PARALLEL_FACTS_CHARS", 0)
    memo = TextFacts(tmp_path / "texts.json")
    pooled = read_folder(folder, pattern=r"(?P<year>\d{4})", workers=2, memo=memo)
    assert pools == [2]
    assert pooled.documents == plain.documents
    pd.testing.assert_frame_equal(pooled.load_report, plain.load_report)
    assert "duplicate" in set(pooled.load_report["status"])  # c.txt, as without the pool
    assert (memo.misses, len(memo)) == (5, 5)
    # known texts are not examined again: no pool
    again = read_folder(folder, pattern=r"(?P<year>\d{4})", workers=2, memo=memo)
    assert again.documents == plain.documents and pools == [2]
    # below the size, the facts are found here
    monkeypatch.setattr(load, "PARALLEL_FACTS_CHARS", 10 ** 9)
    assert read_folder(folder, pattern=r"(?P<year>\d{4})", workers=2).documents == plain.documents
    assert pools == [2]


@pytest.mark.parametrize("workers", [0, -1, 1.5, "2"])
def test_read_folder_names_bad_workers(folder: Path, workers: object) -> None:
    from discourse.errors import ParameterError

    with pytest.raises(ParameterError, match="workers"):
        read_folder(folder, workers=workers)  # type: ignore[arg-type]
