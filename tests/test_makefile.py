"""The Makefile's set-up: pip's progress is shown, and a failing pip fails the target."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _fake_python(tmp_path: Path, fail: bool) -> Path:
    """A stand-in for .venv/bin/python whose `pip install -r` prints progress, then fails or not."""
    fake = tmp_path / "python"
    status = 1 if fail else 0
    fake.write_text("#!/bin/bash\n"
                    'if [[ " $* " == *" -r "* ]]; then echo "Collecting pandas>=2.1"; '
                    'echo "Requirement already satisfied: numpy"; '
                    f'echo "ERROR: No matching distribution found for pandas" >&2; exit {status}; fi\n'
                    "exit 0\n")
    fake.chmod(0o755)
    return fake


@pytest.mark.parametrize("fail", [True, False])
def test_a_failing_pip_fails_the_setup_and_progress_is_shown(tmp_path, fail):
    # in a copy of the project's set-up files, so that the set-up's last steps (the kernel, the git
    # filter) cannot touch this working copy or its git configuration
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    fake = _fake_python(tmp_path, fail)
    stamp = tmp_path / ".installed"
    result = subprocess.run(["make", "-s", str(stamp), f"STAMP={stamp}", f"PY={fake}", f"VENV={tmp_path}"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert "Collecting pandas>=2.1" in result.stdout                  # progress, one line a package
    assert "Requirement already satisfied" not in result.stdout
    if fail:
        assert result.returncode != 0 and not stamp.exists()
    else:
        assert result.returncode == 0 and stamp.exists()


def test_make_lab_runs_as_root_and_passes_lab_args():
    dry = subprocess.run(["make", "-n", "-o", ".venv/.installed", "lab", "LAB_ARGS=--port 9999"],
                         cwd=ROOT, capture_output=True, text=True, timeout=60).stdout
    assert "jupyter lab" in dry and "--port 9999" in dry and "pre_save_hook=discourse.report.lab.strip_on_save" in dry
    assert ("--allow-root" in dry) == (subprocess.run(["id", "-u"], capture_output=True, text=True).stdout.strip() == "0")
