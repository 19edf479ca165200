"""Tests for discourse.report.folder: a report owns its folder, replaces only its own, never mixes.

The report runs use a fake notebook suite (one small notebook that writes a table, a figure and, when
asked, waits), so that each run costs one kernel start; those runs are marked ``slow``.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import pytest

from discourse.cli import main
from discourse.errors import ReportError, ReportFolderError
from discourse.paths import REPORT_MARKER, project_root
from discourse.report import run as run_module
from discourse.report.folder import check_out, read_marker
from discourse.report.run import run_report

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "data" / "mini"

#: The fake notebook: saves a table whose text is the seed, and a figure; waits ``wait`` seconds
#: (a file ``wait`` in the output folder's parent holds the number) so that two runs overlap.
CELLS = [
    'corpus: str = "data/sichuan"  # corpus\noutput_dir: str = ""  # out\nseed: int = 0  # tag',
    "from pathlib import Path\n"
    "import time\n"
    "out = Path(output_dir)\n"
    "(out / 'tables').mkdir(parents=True, exist_ok=True)\n"
    "(out / 'figures').mkdir(parents=True, exist_ok=True)\n"
    "(out / 'tables' / '01-seed.csv').write_text(f'seed\\n{seed}\\n')\n"
    "(out / 'figures' / '01-plot.png').write_bytes(b'PNG' + bytes([seed % 256]))\n"
    "wait = out.parent / 'wait'\n"
    "time.sleep(float(wait.read_text()) if wait.exists() else 0)",
]


@pytest.fixture(scope="module")
def suite(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("suite")
    params = nbformat.v4.new_code_cell(CELLS[0])
    params.metadata["tags"] = ["parameters"]
    nb = nbformat.v4.new_notebook(cells=[params, nbformat.v4.new_code_cell(CELLS[1])])
    nbformat.write(nb, str(folder / "01-fake.ipynb"))
    return folder


def _report(out: Path, suite: Path, *, seed: int = 1, **kw) -> Path:
    return run_report(MINI, out, notebook_dir=suite, parameters={"seed": seed}, progress=False, **kw)


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def _assert_complete(out: Path, seed: int) -> None:
    """``out`` holds one complete report of ``seed``: its marker lists exactly its files."""
    marker = read_marker(out)
    assert marker is not None and marker["state"] == "complete"
    assert set(marker["files"]) == _files(out) - {REPORT_MARKER}
    assert {"index.html", "provenance.json", "01-fake.html", "notebooks/01-fake.ipynb",
            "tables/01-seed.csv", "figures/01-plot.png"} == set(marker["files"])
    assert (out / "tables" / "01-seed.csv").read_text() == f"seed\n{seed}\n"
    assert marker["provenance"]["parameters"] == {"seed": seed}
    assert json.loads((out / "provenance.json").read_text())["parameters"] == {"seed": seed}


def _leftovers(out: Path) -> list[str]:
    """What a report left beside ``out``, other than its lock file."""
    return sorted(p.name for p in out.parent.iterdir()
                  if p.name.startswith(f".{out.name}.") and p.name != f".{out.name}.lock")


# ---------------------------------------------------------------- refusals, before anything runs

def test_a_researchers_files_are_never_deleted(tmp_path, suite):
    out = tmp_path / "thesis"
    (out / "figures").mkdir(parents=True)
    (out / "figures" / "thesis.png").write_bytes(b"my figure")
    with pytest.raises(ReportFolderError) as err:
        _report(out, suite)
    msg = str(err.value)
    assert "holds files that no report wrote: figures/thesis.png" in msg and "--overwrite" in msg
    assert (out / "figures" / "thesis.png").read_bytes() == b"my figure"
    assert _files(out) == {"figures/thesis.png"} and _leftovers(out) == []


def test_out_at_the_project_root_is_refused(monkeypatch, capsys, suite):
    monkeypatch.chdir(project_root())
    before = sorted(p.name for p in (project_root() / "notebooks").iterdir())
    status = main(["report", "--corpus", str(MINI), "--out", ".", "--notebooks", "01"])
    assert status == 2
    err = capsys.readouterr().err
    assert "error: --out '.'" in err and "is the project root" in err
    assert sorted(p.name for p in (project_root() / "notebooks").iterdir()) == before
    # --overwrite does not lift it
    assert main(["report", "--corpus", str(MINI), "--out", ".", "--overwrite"]) == 2


@pytest.mark.parametrize("where", ["corpus", "inside", "around"])
def test_out_in_or_around_the_corpus_is_refused(tmp_path, suite, where):
    corpus = tmp_path / "data" / "corpus"
    shutil.copytree(MINI, corpus)
    out = {"corpus": corpus, "inside": corpus / "report", "around": tmp_path / "data"}[where]
    with pytest.raises(ReportFolderError, match="corpus" if where != "around" else "holds the corpus folder"):
        run_report(corpus, out, notebook_dir=suite, progress=False, overwrite=True)
    assert not (corpus / "report").exists() and sorted(_files(corpus)) == sorted(_files(MINI))


def test_out_at_a_file_or_a_project_is_a_clear_error(tmp_path, capsys, suite):
    target = tmp_path / "notes.txt"
    target.write_text("keep me")
    status = main(["report", "--corpus", str(MINI), "--out", str(target)])
    assert status == 2 and "is an existing file, not a folder" in capsys.readouterr().err
    assert target.read_text() == "keep me"
    project = tmp_path / "other_project"
    (project / ".git").mkdir(parents=True)
    with pytest.raises(ReportFolderError, match=r"holds a project \(\.git\)"):
        check_out(project, corpus=MINI, overwrite=True)


def test_read_only_out_is_a_clear_error(tmp_path):
    parent = tmp_path / "ro"
    parent.mkdir()
    if os.geteuid() != 0:
        parent.chmod(0o555)
        try:
            with pytest.raises(ReportFolderError, match="cannot write into"):
                check_out(parent / "report", corpus=MINI)
        finally:
            parent.chmod(0o755)
        return
    # as root permissions do not bind: a read-only bind mount, where the machine allows one
    done = subprocess.run(["mount", "--bind", "-o", "ro", str(parent), str(parent)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("root without a read-only mount: a read-only folder cannot be made here")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(parent)], capture_output=True)
        if os.access(parent, os.W_OK):
            pytest.skip("the bind mount is not read-only here")
        with pytest.raises(ReportFolderError, match="cannot write into"):
            check_out(parent / "report", corpus=MINI)
    finally:
        subprocess.run(["umount", str(parent)], capture_output=True)


def test_a_marked_folder_with_a_file_added_or_changed_is_refused(tmp_path):
    out = tmp_path / "report"
    (out / "tables").mkdir(parents=True)
    (out / "tables" / "t.csv").write_text("a\n1\n")
    marker = {"format": 1, "state": "complete", "folders": ["tables"],
              "files": {"tables/t.csv": {"size": 4, "sha256": "0" * 64}}}
    (out / REPORT_MARKER).write_text(json.dumps(marker))
    with pytest.raises(ReportFolderError, match=r"did not write, or changed since: tables/t\.csv"):
        check_out(out, corpus=MINI)
    import hashlib
    marker["files"]["tables/t.csv"]["sha256"] = hashlib.sha256(b"a\n1\n").hexdigest()
    (out / REPORT_MARKER).write_text(json.dumps(marker))
    assert check_out(out, corpus=MINI) == out.resolve()  # its own, unchanged: accepted
    (out / "notes.md").write_text("mine")
    with pytest.raises(ReportFolderError, match=r"notes\.md"):
        check_out(out, corpus=MINI)


# ---------------------------------------------------------------- runs

@pytest.mark.slow
def test_a_report_replaces_its_own_earlier_report(tmp_path, suite):
    out = tmp_path / "report"
    assert _report(out, suite, seed=1) == out.resolve() / "index.html"
    _assert_complete(out, 1)
    (out / "figures" / "thesis.png").write_bytes(b"added later")
    with pytest.raises(ReportFolderError, match=r"figures/thesis\.png"):
        _report(out, suite, seed=2)
    (out / "figures" / "thesis.png").unlink()
    _assert_complete(out, 1)  # refused: the earlier report is as it was
    _report(out, suite, seed=2)
    _assert_complete(out, 2)
    assert _leftovers(out) == []


@pytest.mark.slow
def test_overwrite_deletes_what_is_inside_out_and_nothing_beside_it(tmp_path, suite):
    out = tmp_path / "report"
    (out / "old").mkdir(parents=True)
    (out / "old" / "draft.txt").write_text("draft")
    (tmp_path / "beside.txt").write_text("beside")
    _report(out, suite, seed=3, overwrite=True)
    _assert_complete(out, 3)
    assert not (out / "old").exists() and (tmp_path / "beside.txt").read_text() == "beside"


@pytest.mark.slow
def test_a_crash_midway_leaves_the_earlier_report_intact(tmp_path, suite, monkeypatch):
    out = tmp_path / "report"
    _report(out, suite, seed=4)

    def crash(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(run_module, "write_index", crash)
    with pytest.raises(RuntimeError, match="disk full"):
        _report(out, suite, seed=5)
    _assert_complete(out, 4)
    assert _leftovers(out) == []  # the staging folder of the failed run is gone


@pytest.mark.slow
def test_a_run_killed_midway_leaves_the_earlier_report_and_is_cleaned_up_next_time(tmp_path, suite):
    out = tmp_path / "report"
    _report(out, suite, seed=6)
    (tmp_path / "wait").write_text("120")  # the next run's notebook waits two minutes
    code = (f"from discourse.report.run import run_report; "
            f"run_report({str(MINI)!r}, {str(out)!r}, notebook_dir={str(suite)!r}, parameters={{'seed': 7}}, "
            "progress=False)")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        table = None
        while table is None and time.monotonic() < deadline and proc.poll() is None:
            found = list(tmp_path.glob(".report.staging-*/tables/01-seed.csv"))
            table = found[0] if found else None
            time.sleep(0.2)
        assert table is not None, "the notebook never started writing"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the run and its kernel, at once
        proc.wait()
    _assert_complete(out, 6)
    assert [p.startswith(".report.staging-") for p in _leftovers(out)] == [True]
    (tmp_path / "wait").unlink()
    _report(out, suite, seed=8)
    _assert_complete(out, 8)
    assert _leftovers(out) == []  # the killed run's staging folder was removed


@pytest.mark.slow
def test_two_reports_into_one_folder_at_once_leave_one_complete_report(tmp_path, suite):
    out = tmp_path / "report"
    _report(out, suite, seed=9)
    (tmp_path / "wait").write_text("3")  # both runs are writing at the same time
    errors: list[BaseException] = []

    def run(seed: int) -> None:
        try:
            _report(out, suite, seed=seed)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(seed,)) for seed in (10, 11)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    seed = int((out / "tables" / "01-seed.csv").read_text().split()[1])
    assert seed in (10, 11)
    _assert_complete(out, seed)  # one report, whole: not a mix of the two
    assert _leftovers(out) == []


@pytest.mark.slow
def test_a_failed_notebook_still_publishes_a_report_marked_failed(tmp_path, suite):
    folder = tmp_path / "suite"
    shutil.copytree(suite, folder)
    nb = nbformat.read(str(folder / "01-fake.ipynb"), as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("raise ValueError('boom')"))
    nbformat.write(nb, str(folder / "01-fake.ipynb"))
    out = tmp_path / "report"
    with pytest.raises(ReportError, match="boom"):
        run_report(MINI, out, notebook_dir=folder, progress=False)
    marker = read_marker(out)
    assert marker["provenance"]["notebooks"][0]["status"] == "failed"
    assert set(marker["files"]) == _files(out) - {REPORT_MARKER}
