"""Shared argument checks: messages name the argument, the bad value and the valid values."""
from __future__ import annotations

import pandas as pd
import pytest

from discourse.errors import DiscourseError, ParameterError
from discourse.validate import check_choice, check_column, check_number, check_positive_int, check_values_known


def test_parameter_error_is_a_value_error():
    assert issubclass(ParameterError, ValueError) and issubclass(ParameterError, DiscourseError)


def test_check_choice():
    assert check_choice("lang", "en", ["en", "zh"]) == "en"
    with pytest.raises(ParameterError, match=r"lang='fr' is not valid; choose one of: en, zh"):
        check_choice("lang", "fr", ["en", "zh"])


@pytest.mark.parametrize("bad", [0, -3, 2.5, "3", True])
def test_check_positive_int_rejects(bad):
    with pytest.raises(ParameterError, match="n_boot"):
        check_positive_int("n_boot", bad)


def test_check_positive_int_accepts():
    assert check_positive_int("n_boot", 10) == 10
    assert check_positive_int("ngram", 0, minimum=0) == 0


def test_check_number_bounds():
    assert check_number("alpha0", 5, low=0, low_open=True) == 5.0
    with pytest.raises(ParameterError, match=r"alpha0 must be > 0"):
        check_number("alpha0", 0, low=0, low_open=True)
    with pytest.raises(ParameterError, match=r"ci must be <= 1"):
        check_number("ci", 1.5, low=0, high=1)
    with pytest.raises(ParameterError, match="must be a number"):
        check_number("ci", "high")


def test_check_column_lists_available():
    frame = pd.DataFrame({"speaker": [], "year": []})
    with pytest.raises(ParameterError, match=r"by='yr'.*available: speaker, year"):
        check_column("by", "yr", frame)


def test_check_values_known_names_unknown_and_known():
    assert check_values_known("speakers", ["Shi Xiaolin"], ["Shi Xiaolin", "Wang Xiaohui"],
                              what="speaker") == ["Shi Xiaolin"]
    with pytest.raises(ParameterError,
                       match=r"unknown speaker 'Shi'; known: Shi Xiaolin, Wang Xiaohui"):
        check_values_known("speakers", ["Shi"], ["Wang Xiaohui", "Shi Xiaolin"], what="speaker")
    # years compare as text so "2024" and 2024 are the same year
    assert check_values_known("years", ["2024"], [2023, 2024], what="year") == ["2024"]
