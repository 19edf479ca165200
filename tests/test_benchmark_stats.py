"""The benchmark's rounds and paired ratios (the figures of ``make bench`` rest on them)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

RUN = Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_run", RUN)
    module = importlib.util.module_from_spec(spec)
    saved = list(sys.path)
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = saved
    return module


def test_rounds_take_turns_and_keep_every_round(bench, monkeypatch):
    calls = []
    durations = iter([1.0, 2.0, 1.5, 2.5])  # the seconds of each timed call, in turn
    monkeypatch.setattr(bench, "timed", lambda fn: (fn(), next(durations)))

    def make(name):
        return lambda: calls.append(name) or name

    last, seconds = bench.rounds(2, make("a"), make("b"))
    assert calls == ["a", "b", "a", "b"]
    assert last == ["a", "b"]
    assert seconds == [[1.0, 1.5], [2.0, 2.5]]


def test_rounds_rejects_no_rounds(bench):
    with pytest.raises(ValueError, match="repeat"):
        bench.rounds(0, lambda: None)


def test_paired_ratio_is_the_median_of_ratios_within_rounds(bench):
    serial = [12.0, 9.0, 14.0]
    parallel = [6.0, 7.5, 7.0]
    # ratios 2.0, 1.2, 2.0 -> median 2.0; the best of each would give 9.0 / 6.0 = 1.5
    assert bench.paired_ratio(serial, parallel) == pytest.approx(2.0)
    assert min(serial) / min(parallel) == pytest.approx(1.5)
    # an even number of rounds: the mean of the middle two (1.5 and 3.0)
    assert bench.paired_ratio([3.0, 6.0, 1.0, 4.0], [2.0, 2.0, 1.0, 1.0]) == pytest.approx(2.25)


def test_paired_ratio_needs_matching_rounds(bench):
    with pytest.raises(ValueError):
        bench.paired_ratio([1.0, 2.0], [1.0])
    with pytest.raises(ValueError):
        bench.paired_ratio([], [])


def test_rounds_option_is_checked(bench, capsys):
    with pytest.raises(SystemExit):
        bench.main(["--rounds", "0"])
    assert "--rounds must be at least 1" in capsys.readouterr().err


def test_report_time_is_the_median_of_its_runs(bench, monkeypatch):
    import subprocess

    durations = iter([30.0, 49.6, 26.5])
    ran = []

    def fake_timed(fn):
        return fn(), next(durations)

    monkeypatch.setattr(bench, "timed", fake_timed)
    monkeypatch.setattr(bench.subprocess, "run",
                        lambda cmd, **kw: ran.append(cmd) or subprocess.CompletedProcess(cmd, 0, "", ""))
    median, each, note = bench.report_time(3)
    assert median == 30.0 and each == [30.0, 49.6, 26.5] and "median of 3" in note
    assert len(ran) == 3 and ran[0][2:4] == ["discourse", "report"]


def test_report_time_names_a_failing_run(bench, monkeypatch):
    import subprocess

    monkeypatch.setattr(bench, "timed", lambda fn: (fn(), 1.0))
    monkeypatch.setattr(bench.subprocess, "run",
                        lambda cmd, **kw: subprocess.CompletedProcess(cmd, 1, "", "no corpus here"))
    median, each, note = bench.report_time(3)
    assert median is None and each == [] and "report failed: no corpus here" in note
