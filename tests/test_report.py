"""Tests for the report suite: saving, provenance, index, notebook tables, and the report runner.

The tests marked ``slow`` execute the notebooks through papermill (about a minute each on two cores).
"""
from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import discourse  # noqa: E402
from discourse.cli import (
    _parse_value,  # noqa: E402
    main,  # noqa: E402
)
from discourse.corpus.model import from_tables  # noqa: E402
from discourse.errors import ParameterError, ReportError  # noqa: E402
from discourse.measures.distinctive import COLUMNS as DISTINCTIVE_COLUMNS  # noqa: E402
from discourse.paths import REPORT_MARKER  # noqa: E402
from discourse.report.outputs import save_figure, save_table  # noqa: E402
from discourse.report.provenance import collect_provenance, folder_hash, provenance_table  # noqa: E402
from discourse.report.run import run_report  # noqa: E402
from discourse.report.tables import bilingual_density, documents_by, voices_found  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "data" / "mini"
SICHUAN = ROOT / "data" / "sichuan"


# ---------------------------------------------------------------- saving

def test_save_table_writes_csv_and_returns_the_table(tmp_path):
    table = pd.DataFrame({"speaker": ["Shi Xiaolin", "Wang Xiaohui"], "per_1k": [1.5, 2.25]})
    assert save_table(table, "03-density", tmp_path) is table
    text = (tmp_path / "tables" / "03-density.csv").read_text(encoding="utf-8")
    assert text == "speaker,per_1k\nShi Xiaolin,1.5\nWang Xiaohui,2.25\n"


def test_empty_output_dir_saves_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    table = pd.DataFrame({"a": [1]})
    save_table(table, "t", "")
    fig, ax = plt.subplots()
    save_figure(fig, "f", "")
    plt.close(fig)
    assert list(tmp_path.iterdir()) == []


def test_save_figure_accepts_figure_or_axes(tmp_path):
    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4])
    save_figure(fig, "from-figure", tmp_path)
    save_figure(ax, "from-axes", tmp_path)
    plt.close(fig)
    for name in ("from-figure", "from-axes"):
        assert (tmp_path / "figures" / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("name", ["", "../escape", "a b", "/abs"])
def test_bad_file_names_are_rejected(tmp_path, name):
    with pytest.raises(ParameterError, match="not a valid file name"):
        save_table(pd.DataFrame(), name, tmp_path)


# ---------------------------------------------------------------- a tiny corpus

@pytest.fixture(scope="module")
def tiny():
    documents = pd.DataFrame({"doc_id": ["a", "b", "c"], "year": [2024, 2024, 2025],
                              "source": ["gov", "", "gov"], "language": ["en", "en", "en+zh"]})
    sentences = pd.DataFrame({
        "doc_id": ["a", "a", "b", "c", "c"], "sent_id": [0, 1, 0, 0, 1],
        "text": ["x", "y", "z", "u", "v"],
        "speaker": ["narrator", "Shi Xiaolin", "Shi Xiaolin", "meeting", "Wang Xiaohui"],
        "role": ["", "Governor", "Governor of Sichuan", "", ""],
        "lang": ["en", "en", "en", "zh", "en"],
    })
    sizes = {("a", 0): 4, ("a", 1): 3, ("b", 0): 2, ("c", 0): 5, ("c", 1): 1}
    rows = [{"doc_id": d, "sent_id": s, "norm": f"w{i}", "is_word": True}
            for (d, s), n in sizes.items() for i in range(n)]
    return from_tables(documents, sentences, pd.DataFrame(rows))


def test_documents_by_counts_documents_sentences_tokens(tiny):
    by_year = documents_by(tiny, "year")
    assert by_year.to_dict("records") == [
        {"year": "2024", "n_documents": 2, "n_sentences": 3, "n_tokens": 9},
        {"year": "2025", "n_documents": 1, "n_sentences": 2, "n_tokens": 6}]
    by_source = documents_by(tiny, "source")
    assert by_source["source"].tolist() == ["(none)", "gov"]
    assert by_source["n_documents"].tolist() == [1, 2]
    with pytest.raises(ParameterError, match="column='nope' is not a column of the documents table"):
        documents_by(tiny, "nope")


def test_voices_found_sizes_kinds_and_roles(tiny):
    voices = voices_found(tiny).set_index("speaker")
    assert voices.loc["Shi Xiaolin"].to_dict() == {
        "kind": "person", "n_documents": 2, "n_sentences": 2, "n_tokens": 5,
        "roles": "Governor; Governor of Sichuan"}
    assert voices.loc["meeting", "kind"] == "meeting"
    assert voices.loc["narrator", "n_tokens"] == 4
    # by tokens (5, 5, 4, 1), ties by name: upper case sorts before lower case
    assert voices.index.tolist() == ["Shi Xiaolin", "meeting", "narrator", "Wang Xiaohui"]


def test_bilingual_density_is_empty_without_bilingual_documents(tiny):
    table = bilingual_density(tiny.subset(doc_id=["a", "b"]), n_boot=10)
    assert table.empty
    assert {"lang", "per_1k", "ci_low", "ci_high", "n_documents"} <= set(table.columns)


# ---------------------------------------------------------------- provenance

def test_folder_hash_follows_file_bytes_and_skips_hidden(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"one")
    (tmp_path / "b.txt").write_bytes(b"two")
    expected = hashlib.sha256(b"a.txt\x00one\x00b.txt\x00two\x00").hexdigest()
    assert folder_hash(tmp_path) == expected
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x").write_bytes(b"ignored")
    assert folder_hash(tmp_path) == expected
    (tmp_path / "b.txt").write_bytes(b"two!")
    assert folder_hash(tmp_path) != expected


def test_provenance_records_corpus_parameters_and_versions(tiny):
    info = collect_provenance(tiny, {"speakers": ["Shi Xiaolin"], "seed": np.int64(3)})
    assert info["content_sha256"] == tiny.content_hash()
    assert info["parameters"] == {"speakers": ["Shi Xiaolin"], "seed": 3}
    assert set(info["versions"]) == {"discourse", "pandas", "numpy", "scipy", "nltk", "textblob", "jieba",
                                     "matplotlib", "papermill"}
    assert info["versions"]["pandas"] == pd.__version__
    assert re.match(r"\d{4}-\d\d-\d\dT", info["timestamp"])
    assert info["documents"] == 3 and info["word_tokens"] == 15
    table = provenance_table(tiny, {"seed": 3})
    assert list(table.columns) == ["field", "value"]
    assert dict(zip(table["field"], table["value"]))["parameter: seed"] == "3"


# ---------------------------------------------------------------- runner: checks before any notebook

def test_cli_values_parse_like_papermill():
    assert _parse_value("speakers", "[Shi Xiaolin, Wang Xiaohui]") == ["Shi Xiaolin", "Wang Xiaohui"]
    assert _parse_value("years", "2024") == [2024]
    assert _parse_value("min_count", "5") == 5
    assert _parse_value("query", "2024") == "2024"


@pytest.mark.parametrize("params, fragment", [
    ({"speakers": ["Shi"]}, "unknown speaker 'Shi'; known: Chen Jie, Li Ming, Zhao Hua"),
    ({"years": [2021]}, "unknown year 2021; known: 2022, 2023, 2024"),
    ({"colour": "red"}, "unknown parameter 'colour'"),
    ({"corpus": "elsewhere"}, "set by the report itself"),
])
def test_bad_parameters_fail_before_any_notebook_runs(tmp_path, params, fragment):
    out = tmp_path / "out"
    with pytest.raises(ParameterError) as err:
        run_report(MINI, out, parameters=params, progress=False)
    assert fragment in str(err.value)
    assert not out.exists()


def test_unknown_notebook_is_named_with_the_known_ones(tmp_path):
    with pytest.raises(ParameterError, match="unknown notebook '09'; known: 01-corpus-overview"):
        run_report(MINI, tmp_path / "out", notebooks=["09"], progress=False)


def test_cli_exits_2_with_the_message(tmp_path, capsys):
    status = main(["report", "--corpus", str(MINI), "--out", str(tmp_path / "out"),
                   "-p", "speakers", "[Li Ming, Shi]"])
    assert status == 2
    err = capsys.readouterr().err
    assert "unknown speaker 'Shi'" in err and "known: Chen Jie, Li Ming, Zhao Hua" in err
    assert not (tmp_path / "out").exists()


# ---------------------------------------------------------------- runner: executing the notebooks

class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(v for k, v in attrs if k == "href")


def _links(index: Path) -> list[str]:
    parser = _Links()
    parser.feed(index.read_text(encoding="utf-8"))
    return parser.hrefs


def _check_report(out: Path, corpus, *, n_boot: int = 1000) -> None:
    """Checks that hold for every complete report folder (``n_boot`` as the report ran with)."""
    index = out / "index.html"
    hrefs = _links(index)
    assert hrefs and all((out / h).is_file() for h in hrefs)
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()
               and p.relative_to(out).parts[0] != "screenshots"} - {"index.html", REPORT_MARKER}  # test_pages' record
    assert written <= set(hrefs)  # every report, executed notebook, figure and table is linked

    provenance = json.loads((out / "provenance.json").read_text(encoding="utf-8"))
    assert provenance["content_sha256"] == corpus.content_hash()
    assert provenance["corpus"] == str(corpus.path.resolve())
    assert [n["status"] for n in provenance["notebooks"]] == ["ok"] * 5

    for executed in sorted((out / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(str(executed), as_version=4)
        first = next(c for c in nb.cells if c.cell_type == "code" and c.get("outputs"))
        assert corpus.content_hash()[:12] in json.dumps(first.outputs)  # provenance is the first output
        html = (out / f"{executed.stem}.html").read_text(encoding="utf-8")
        assert "check_parameters(" not in html and "highlight hl-ipython3" not in html  # code hidden
        assert "data:image/png;base64," in html or executed.stem == "05-explore"  # figures embedded
        assert corpus.content_hash() in html

    density = pd.read_csv(out / "tables" / "03-density-by-speaker.csv")
    assert density["speaker"].is_unique
    assert np.allclose(density["per_1k"], density["n_directives"] / density["n_tokens"] * 1000)
    assert (density["ci_low"] <= density["per_1k"] + 1e-9).all()
    assert (density["per_1k"] <= density["ci_high"] + 1e-9).all()
    direct = discourse.directive_density(corpus, by="speaker", n_boot=n_boot, seed=0)
    direct = direct.set_index("speaker").loc[density["speaker"]].reset_index()
    pd.testing.assert_frame_equal(density, direct, check_dtype=False, atol=1e-9)

    by_year = pd.read_csv(out / "tables" / "03-density-by-year.csv")
    assert by_year["year"].tolist() == corpus.groups("year")

    distinctive = pd.read_csv(out / "tables" / "02-distinctive-terms-by-speaker.csv")
    assert set(distinctive.columns) == {
        "speaker", "term", "count_target", "count_reference", "n_tokens_target", "n_tokens_reference",
        "n_content_tokens_target", "n_content_tokens_reference", "rate_target", "rate_reference",
        "log_odds", "z", "g2", "log_ratio", "p_value"}
    assert list(distinctive.columns) == ["speaker", *DISTINCTIVE_COLUMNS]
    for _, rows in distinctive.groupby("speaker"):
        assert rows["z"].is_monotonic_decreasing

    shift = pd.read_csv(out / "tables" / "04-vocabulary-shift.csv")
    years = corpus.groups("year")
    assert list(zip(shift["from"], shift["to"])) == list(zip(years[:-1], years[1:]))


@pytest.fixture(scope="module")
def mini_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("mini") / "report"
    index = run_report(MINI, out, progress=False)
    return out, index


@pytest.mark.slow
def test_report_on_the_mini_corpus(mini_report):
    out, index = mini_report
    assert index == out / "index.html"
    corpus = discourse.load_corpus(MINI)
    _check_report(out, corpus)
    bilingual = pd.read_csv(out / "tables" / "03-density-bilingual.csv")
    assert sorted(bilingual["lang"]) == ["en", "zh"]
    trajectories = pd.read_csv(out / "tables" / "04-term-trajectories.csv")
    assert sorted(set(trajectories["term"])) == ["foreign trade", "high-quality development", "opening up"]
    assert len(trajectories) == 3 * 3  # three terms, three years, zeros kept


@pytest.mark.slow
def test_same_corpus_and_parameters_give_identical_tables(mini_report, tmp_path):
    first, _ = mini_report
    again = tmp_path / "again"
    # through the command line this time: --notebooks selects, exit status 0
    assert main(["report", "--corpus", str(MINI), "--out", str(again), "--notebooks", "03", "04"]) == 0
    names = sorted(p.name for p in (again / "tables").glob("*.csv"))
    assert names and all(n.startswith(("03-", "04-")) for n in names)
    for name in names:
        assert (again / "tables" / name).read_bytes() == (first / "tables" / name).read_bytes(), name


@pytest.mark.slow
def test_report_on_the_sichuan_corpus(sample_report):
    out = sample_report
    corpus = discourse.load_corpus(SICHUAN)
    _check_report(out, corpus, n_boot=200)
    provenance = json.loads((out / "provenance.json").read_text(encoding="utf-8"))
    assert provenance["parameters"] == {"n_boot": 200}
    bilingual = pd.read_csv(out / "tables" / "03-density-bilingual.csv")
    assert bilingual["lang"].tolist() == ["en", "zh"]
    assert bilingual["n_documents"].tolist() == [1, 1]  # the one en+zh document of the sample


@pytest.mark.slow
def test_a_failing_notebook_is_reported_and_the_others_still_run(tmp_path):
    folder = tmp_path / "suite"
    folder.mkdir()
    params = nbformat.v4.new_code_cell('corpus: str = "data/sichuan"  # corpus\noutput_dir: str = ""  # out')
    params.metadata["tags"] = ["parameters"]
    good = nbformat.v4.new_notebook(cells=[params, nbformat.v4.new_code_cell("print('fine')")])
    bad = nbformat.v4.new_notebook(cells=[params, nbformat.v4.new_code_cell("x = 1"),
                                          nbformat.v4.new_code_cell("raise ValueError('boom')")])
    nbformat.write(good, str(folder / "01-good.ipynb"))
    nbformat.write(bad, str(folder / "02-bad.ipynb"))
    out = tmp_path / "out"
    with pytest.raises(ReportError) as err:
        run_report(MINI, out, notebook_dir=folder, show_code=True, progress=False)
    msg = str(err.value)
    assert "notebook 02-bad failed" in msg and "ValueError: boom" in msg and "raise ValueError" in msg
    assert "01-good" not in msg
    assert (out / "01-good.html").is_file() and (out / "02-bad.html").is_file()
    statuses = {n["name"]: n["status"] for n in json.loads((out / "provenance.json").read_text())["notebooks"]}
    assert statuses == {"01-good": "ok", "02-bad": "failed"}
    assert 'class="failed"' in (out / "index.html").read_text()
    assert "highlight hl-ipython3" in (out / "01-good.html").read_text()  # show_code: code cells shown
