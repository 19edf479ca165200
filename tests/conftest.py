"""Shared fixtures and the end-of-run summary of evaluation metrics."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _metrics import METRICS  # noqa: E402


@pytest.fixture(scope="session")
def sichuan_dir() -> Path:
    """The embedded sample corpus."""
    return ROOT / "data" / "sichuan"


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # noqa: D103
    if not METRICS:
        return
    terminalreporter.section("evaluation metrics")
    for name, values in METRICS:
        shown = ", ".join(
            f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in values.items()
        )
        terminalreporter.write_line(f"{name}: {shown}")


@pytest.fixture(scope="session")
def sample_report(tmp_path_factory) -> Path:
    """The report of the sample corpus (``n_boot=200``), run once for the tests that read it."""
    from discourse.report.run import run_report

    out = tmp_path_factory.mktemp("sample") / "sichuan"
    run_report(ROOT / "data" / "sichuan", out, parameters={"n_boot": 200}, progress=False)
    return out
