"""Local worker processes: how many, how started, and that they end with their parent."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from discourse import parallel

TESTS = Path(__file__).resolve().parent


def test_workers_are_capped_at_the_cores_with_a_warning() -> None:
    cores = parallel.available_cores()
    with pytest.warns(RuntimeWarning, match=f"workers=1000 is more than this machine allows \\({cores} available"):
        assert parallel.usable_workers(1000) == min(cores, parallel.usable_workers(None))
    assert parallel.usable_workers(1) == 1


def test_workers_are_capped_at_free_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "available_cores", lambda: 8)
    monkeypatch.setattr(parallel, "_available_memory", lambda: 3 * parallel.MEMORY_PER_WORKER + 5)
    with pytest.warns(RuntimeWarning, match="GiB of free memory"):
        assert parallel.usable_workers(8) == 3
    assert parallel.usable_workers(None) == 3  # the default is capped without a warning
    monkeypatch.setattr(parallel, "_available_memory", lambda: 10)
    with pytest.warns(RuntimeWarning):
        assert parallel.usable_workers(4) == 1  # never below one


def _alive(pid: int) -> bool:
    """True if ``pid`` runs (a zombie, ended but not yet reaped by its new parent, counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    except OSError:
        return True
    return state not in ("Z", "X")


def slow(doc, settings):
    """A processing stand-in that notes its process, then works for long."""
    from test_cache import fake_process

    (Path(doc.meta["out"]) / f"{os.getpid()}.pid").touch()
    time.sleep(60)
    return fake_process(doc, settings)


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    """A load in a subprocess is killed (SIGKILL: no clean-up runs) while its workers process; no worker
    survives it."""
    script = tmp_path / "load.py"
    script.write_text(textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(TESTS)!r})
        from discourse.corpus.schema import Document
        from discourse.processing import document, runners
        from test_parallel import slow

        if __name__ == "__main__":
            runners.PARALLEL_ABOVE_CHARS = 0
            docs = [Document(f"d{{i}}", "", "Word. " * 5, "utf-8", {{"out": {str(tmp_path)!r}}})
                    for i in range(8)]
            runners.process_corpus(docs, document.default_settings(), workers=2, process=slow)
    """))
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while len(list(tmp_path.glob("*.pid"))) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
        pids = {int(p.stem) for p in tmp_path.glob("*.pid")}
        assert len(pids) == 2, proc.stderr.read().decode() if proc.poll() is not None else "no workers started"
        assert all(_alive(pid) for pid in pids)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 10 * parallel.PARENT_CHECK_SECONDS + 5
        while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in pids if _alive(pid)]
    finally:
        if proc.poll() is None:
            proc.kill()


def test_a_script_without_a_main_guard_can_use_the_workers(tmp_path):
    """Workers do not run the script that started them, so its top-level code may start a pool
    (spawn would otherwise run the script again in every worker and fail)."""
    script = tmp_path / "analysis.py"
    script.write_text(
        "import os\n"
        "from discourse.parallel import local_pool\n"
        "print('top level ran', flush=True)\n"
        "with local_pool(2) as pool:\n"
        "    pids = {f.result() for f in [pool.submit(os.getpid) for _ in range(4)]}\n"
        "print('workers', len(pids - {os.getpid()}) >= 1, flush=True)\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120,
                            cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.splitlines() == ["top level ran", "workers True"]  # the script ran once
