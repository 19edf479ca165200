"""The report as a reader meets it, and the notebooks as Lab, Voila and papermill run them.

- every page of the sample report opened in headless Chromium (Debian's, ``make browser``) with the
  network off: no request leaves the folder, none fails, no console error; screenshots are kept in
  the report folder (``screenshots/``);
- ``make explore``'s server (Voila) started on localhost, one page fetched, stopped;
- a Jupyter server opens and saves a notebook through its contents API, as Lab does, and git stays
  clean (the nbstripout filter of ``make setup``);
- papermill run directly with list parameters given as text and a misspelt name.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "data" / "mini"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
#: The flags of a quiet headless Chromium on a closed network (root needs --no-sandbox).
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, proc: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the server exited"
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"no answer from {url} in {seconds} s")


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# ---------------------------------------------------------------- the report in a browser

@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make browser)")
def test_every_page_works_offline_in_chromium(sample_report):
    from playwright.sync_api import sync_playwright

    pages = sorted(sample_report.glob("*.html"))
    assert [p.name for p in pages] == ["01-corpus-overview.html", "02-speaker-comparison.html",
                                       "03-imperative-density.html", "04-vocabulary-shift.html",
                                       "05-explore.html", "index.html"]
    shots = sample_report / "screenshots"
    shots.mkdir(exist_ok=True)
    problems: dict[str, list] = {}
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        browser = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=FLAGS, headless=True, offline=True,
            viewport={"width": 1280, "height": 900})
        try:
            for path in pages:
                page = browser.new_page()
                seen: list = []
                page.on("request", lambda r, seen=seen: seen.append(("request", r.url))
                        if not r.url.startswith(("file:", "data:", "blob:")) else None)
                page.on("requestfailed", lambda r, seen=seen: seen.append(("failed", r.url, r.failure)))
                page.on("console", lambda m, seen=seen: seen.append(("console", m.text))
                        if m.type == "error" else None)
                page.on("pageerror", lambda e, seen=seen: seen.append(("pageerror", str(e))))
                page.goto(path.as_uri(), wait_until="load")
                page.wait_for_timeout(500)
                if path.name != "index.html":
                    tables = page.evaluate("document.querySelectorAll('table.dataTable').length")
                    loading = page.evaluate("document.body.innerText.includes('Loading ITables')")
                    back = page.evaluate("[...document.querySelectorAll('a')]"
                                         ".filter(a => a.getAttribute('href') === 'index.html').length")
                    if tables == 0 or loading or back == 0:
                        seen.append(("page", f"{tables} interactive tables, loading={loading}, back={back}"))
                page.screenshot(path=str(shots / f"{path.stem}.png"), full_page=True)
                if seen:
                    problems[path.name] = seen
                page.close()
        finally:
            browser.close()
    assert problems == {}
    assert sorted(p.name for p in shots.glob("*.png")) == [f"{p.stem}.png" for p in pages]


def test_pages_ask_nothing_of_the_network_and_open_with_one_line_of_provenance(sample_report):
    for path in sorted(sample_report.glob("[0-9][0-9]-*.html")):
        page = path.read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]+src=[\"']?https?:", page), path.name
        assert not re.search(r"<link[^>]+href=[\"']?https?:", page), path.name
        assert not re.search(r"import[^;]*from\s+['\"]https?:", page), path.name
        assert "cdnjs" not in page and "unpkg" not in page.replace("www.unpkg.com/dt_for_itables", "")
        assert page.count('href="index.html"') == 2, path.name              # back to the index
        assert page.count('class="discourse-provenance"') == 1, path.name    # one line at the top
        assert page.count('class="discourse-folded"') == 1, path.name        # the full table, folded
        assert page.index("discourse-provenance") < page.index("discourse-folded")
    explore = (sample_report / "05-explore.html").read_text(encoding="utf-8")
    assert "application/vnd.jupyter.widget" not in explore   # the static views, not dead widgets
    assert "occurrences of 'opening up'" in explore and "<svg" in explore


# ---------------------------------------------------------------- make explore

def test_the_explore_server_serves_the_workbench():
    port = _free_port()
    make = shutil.which("make")
    if make is None or not (BIN / "voila").exists():
        pytest.skip("make or voila not available")
    venv = BIN.parent  # the set-up stamp is taken as done (-o): this environment runs the tests
    proc = subprocess.Popen([make, "-s", "-o", f"{venv}/.installed", "explore", f"EXPLORE_PORT={port}",
                             f"VENV={venv}"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_http(url, proc)
        with urllib.request.urlopen(url, timeout=300) as answer:
            assert answer.status == 200
            body = answer.read().decode("utf-8")
        assert "05 &#183; Explore" in body and "Term map" in body and "Traceback" not in body
        assert "nb = start(globals())" not in body                 # no code shown
    finally:
        os.killpg(proc.pid, 15)
        _stop(proc)


# ---------------------------------------------------------------- Lab hygiene

def _nbstripout_command() -> str:
    line = next(l for l in (ROOT / "Makefile").read_text().splitlines() if l.startswith("NBSTRIPOUT :="))
    return line.split(":=", 1)[1].strip().replace(".venv/bin/python", sys.executable)


def _lab_hook() -> str:
    line = next(l for l in (ROOT / "Makefile").read_text().splitlines() if l.startswith("LAB_HOOK :="))
    return line.split(":=", 1)[1].strip()


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def test_saving_a_notebook_through_the_contents_api_leaves_git_clean(tmp_path):
    repo = tmp_path / "repo"
    (repo / "notebooks").mkdir(parents=True)
    shutil.copy(ROOT / ".gitattributes", repo / ".gitattributes")
    shutil.copy(ROOT / ".gitignore", repo / ".gitignore")
    shutil.copy(ROOT / "notebooks" / "05-explore.ipynb", repo / "notebooks" / "05-explore.ipynb")
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.org")
    _git(repo, "config", "user.name", "test")
    _git(repo, "config", "filter.nbstripout.clean", _nbstripout_command())   # as make setup does
    _git(repo, "config", "filter.nbstripout.smudge", "cat")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "notebook")
    committed = (repo / "notebooks" / "05-explore.ipynb").read_bytes()

    port, token = _free_port(), "t0ken"
    proc = subprocess.Popen([str(BIN / "jupyter"), "server", "--no-browser", f"--port={port}",
                             "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
                             "--allow-root", f"--ServerApp.root_dir={repo}", _lab_hook()],  # as make lab
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        api = f"http://127.0.0.1:{port}/api/contents/notebooks/05-explore.ipynb"
        headers = {"Authorization": f"token {token}", "Content-Type": "application/json"}
        _wait_http(f"http://127.0.0.1:{port}/api/status?token={token}", proc)
        with urllib.request.urlopen(urllib.request.Request(api + "?content=1", headers=headers)) as r:
            model = json.load(r)
        nb = model["content"]
        # what Lab adds on opening (the kernel's language_info) and running a cell (outputs, counts)
        nb["metadata"]["language_info"]["version"] = "3.11.7"
        code = next(c for c in nb["cells"] if c["cell_type"] == "code")
        code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "ran\n"}]
        code["execution_count"] = 1
        body = json.dumps({"type": "notebook", "format": "json", "content": nb}).encode("utf-8")
        with urllib.request.urlopen(urllib.request.Request(api, data=body, headers=headers, method="PUT")) as r:
            assert r.status == 200
    finally:
        _stop(proc)
    assert (repo / "notebooks" / "05-explore.ipynb").read_bytes() == committed   # saved as committed
    assert _git(repo, "status", "--porcelain") == ""


# ---------------------------------------------------------------- papermill as its users run it

def test_papermill_reads_list_parameters_as_yaml_and_reports_a_misspelt_name(tmp_path):
    out = tmp_path / "01.ipynb"
    subprocess.run([sys.executable, "-m", "papermill", str(ROOT / "notebooks" / "01-corpus-overview.ipynb"),
                    str(out), "-p", "corpus", str(MINI), "-p", "speakers", '["Li Ming"]',
                    "-p", "years", "2024", "-p", "speakrs", "x", "-k", "python3", "--no-progress-bar"],
                   cwd=ROOT, check=True, capture_output=True, text=True, timeout=600)
    nb = nbformat.read(str(out), as_version=4)
    first = next(c for c in nb.cells if c.cell_type == "code" and c.get("outputs"))
    shown = json.dumps(first.outputs[0])
    assert "speakrs is not a parameter of this notebook (did you mean speakers?)" in shown
    text = "\n".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))
    assert "Speakers compared in the other notebooks: Li Ming" in text
    years = next(c for c in nb.cells if "documents_by(corpus_, \"year\")" in c.source)
    assert "2022" not in json.dumps(years.outputs) and "2024" in json.dumps(years.outputs)
