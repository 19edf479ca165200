"""Parameters as papermill injects them: text read as YAML lists, misspelt names reported."""
from __future__ import annotations

import pytest

from discourse.errors import ParameterError
from discourse.report.injected import injected_names, read_list_values, unknown_injected


@pytest.mark.parametrize("given, expected", [
    ('["Shi Xiaolin"]', ["Shi Xiaolin"]), ("[2023, 2024]", [2023, 2024]), (2024, [2024]),
    ("Shi Xiaolin", ["Shi Xiaolin"]), ("", []), (None, []), (["a"], ["a"]), ("2024", [2024])])
def test_list_parameters_given_as_text_are_read_as_yaml(given, expected):
    namespace = {"speakers": given, "corpus": "data/sichuan"}
    read_list_values(namespace)
    assert namespace["speakers"] == expected and namespace["corpus"] == "data/sichuan"


def test_a_number_for_a_text_parameter_becomes_text():
    namespace = {"query": 2024}
    assert read_list_values(namespace) == {"query": "2024"}


def test_text_that_is_not_yaml_names_the_parameter():
    with pytest.raises(ParameterError, match=r"years: '\[2023, ' is not a YAML list"):
        read_list_values({"years": "[2023, "})


HISTORY = ['corpus: str = "data/sichuan"\nspeakers: list = []\n',
           '# Parameters\nspeakrs = ["Shi Xiaolin"]\ncorpus = "data/mini"\nquery = "x"\n',
           "nb = start(globals())"]


def test_the_injected_names_are_read_from_the_cell_papermill_adds():
    assert injected_names(HISTORY) == ["speakrs", "corpus", "query"]
    assert injected_names(None) == [] and injected_names(["x = 1"]) == []


def test_misspelt_and_foreign_names_are_reported_with_the_nearest_name():
    namespace = {"In": HISTORY, "__annotations__": {"corpus": str, "speakers": list}}
    messages = unknown_injected(namespace)
    assert messages == [
        "speakrs is not a parameter of this notebook (did you mean speakers?); it was ignored. "
        "This notebook's parameters: corpus, speakers",
        "query is not a parameter of this notebook (a parameter of other notebooks of the suite); "
        "it was ignored. This notebook's parameters: corpus, speakers"]


def test_nothing_is_reported_without_papermill():
    assert unknown_injected({"__annotations__": {"corpus": str}, "In": ["x = 1"]}) == []
