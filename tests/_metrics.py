"""Evaluation figures that tests record and the terminal summary prints (see ``conftest.py``)."""
from __future__ import annotations

METRICS: list[tuple[str, dict]] = []


def record_metric(name: str, **values: float | int | str) -> None:
    """Record ``values`` under ``name`` for the end-of-run summary (precision, recall, counts...)."""
    METRICS.append((name, dict(values)))
