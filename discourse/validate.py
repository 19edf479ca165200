"""Argument checks shared by the public functions.

Every check raises :class:`~discourse.errors.ParameterError` with a message that names the
argument, the bad value and the valid values, e.g.
``unknown speaker 'Shi'; known: Shi Xiaolin, Wang Xiaohui``.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from discourse.errors import ParameterError


def format_values(values: Iterable[Any], limit: int = 20) -> str:
    """``values`` as a comma-separated list for a message, cut after ``limit`` (with the total)."""
    vals = [str(v) for v in values]
    shown = ", ".join(vals[:limit])
    if len(vals) > limit:
        shown += f", ... ({len(vals)} in all)"
    return shown or "(none)"


def check_choice(name: str, value: Any, choices: Sequence[Any]) -> Any:
    """Return ``value`` if it is one of ``choices``, else raise naming ``name`` and the choices."""
    if value not in choices:
        raise ParameterError(f"{name}={value!r} is not valid; choose one of: {format_values(choices)}")
    return value


def check_positive_int(name: str, value: Any, *, minimum: int = 1) -> int:
    """Return ``value`` as int if it is an integer >= ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, (int,)) and not (
        hasattr(value, "__index__")
    ):
        raise ParameterError(f"{name} must be an integer >= {minimum}, got {value!r}")
    value = int(value)
    if value < minimum:
        raise ParameterError(f"{name} must be an integer >= {minimum}, got {value!r}")
    return value


def check_number(name: str, value: Any, *, low: float | None = None, high: float | None = None,
                 low_open: bool = False) -> float:
    """Return ``value`` as float if it is a number within [low, high] (``low_open`` excludes low)."""
    try:
        f = float(value)
    except (TypeError, ValueError):
        raise ParameterError(f"{name} must be a number, got {value!r}") from None
    if low is not None and (f < low or (low_open and f == low)):
        bound = f"> {low}" if low_open else f">= {low}"
        raise ParameterError(f"{name} must be {bound}, got {value!r}")
    if high is not None and f > high:
        raise ParameterError(f"{name} must be <= {high}, got {value!r}")
    return f


def check_column(name: str, column: str, frame: pd.DataFrame, *, what: str = "table") -> str:
    """Return ``column`` if ``frame`` has it, else raise listing the available columns."""
    if column not in frame.columns:
        raise ParameterError(
            f"{name}={column!r} is not a column of the {what}; available: {format_values(frame.columns)}"
        )
    return column


def check_values_known(name: str, values: Iterable[Any], known: Iterable[Any], *, what: str) -> list:
    """Return ``values`` as a list if every one is in ``known``; else name the unknown ones and list the known."""
    values = list(values)
    known_list = sorted({k for k in known if k is not None and not (isinstance(k, float) and pd.isna(k))},
                        key=str)
    known_str = {str(k) for k in known_list}
    unknown = [v for v in values if str(v) not in known_str]
    if unknown:
        label = what if len(unknown) == 1 else what + "s"
        raise ParameterError(
            f"{name}: unknown {label} {format_values(repr(u) for u in unknown)}; known: {format_values(known_list)}"
        )
    return values
