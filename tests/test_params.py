"""Tests for discourse.params: notebook parameters checked against a corpus, corpus paths resolved."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from discourse.corpus.model import from_tables
from discourse.errors import ParameterError
from discourse.paths import project_root
from discourse.report.params import PARAMETERS, check_parameters, default_speakers, resolve_corpus

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def small():
    """Two documents (2024, 2025); voices with 5, 3, 2 (meeting) and 6 (narrator) word tokens."""
    documents = pd.DataFrame({"doc_id": ["a", "b"], "year": [2024, 2025]})
    sentences = pd.DataFrame({
        "doc_id": ["a", "a", "a", "b", "b"],
        "sent_id": [0, 1, 2, 0, 1],
        "text": ["s0", "s1", "s2", "s3", "s4"],
        "speaker": ["narrator", "Shi Xiaolin", "meeting", "Wang Xiaohui", "Shi Xiaolin"],
    })
    words = {("a", 0): 6, ("a", 1): 2, ("a", 2): 2, ("b", 0): 3, ("b", 1): 3}
    rows = [{"doc_id": d, "sent_id": s, "norm": f"w{i}", "is_word": True}
            for (d, s), n in words.items() for i in range(n)]
    # a punctuation token that must not count towards Wang Xiaohui's size
    rows += [{"doc_id": "b", "sent_id": 0, "norm": ".", "is_word": False, "is_punct": True}] * 4
    return from_tables(documents, sentences, pd.DataFrame(rows))


def test_unknown_speaker_names_it_and_lists_the_known(small):
    with pytest.raises(ParameterError) as err:
        check_parameters(small, speakers=["Shi"])
    msg = str(err.value)
    assert "unknown speaker 'Shi'" in msg
    assert "known: Shi Xiaolin, Wang Xiaohui, meeting, narrator" in msg


def test_unknown_year_names_it_and_lists_the_known(small):
    with pytest.raises(ParameterError) as err:
        check_parameters(small, years=[2024, 2023])
    assert "unknown year 2023" in str(err.value)
    assert "known: 2024, 2025" in str(err.value)


def test_unknown_parameter_name_lists_the_valid_names(small):
    with pytest.raises(ParameterError) as err:
        check_parameters(small, speeker=["Shi Xiaolin"])
    msg = str(err.value)
    assert "unknown parameter 'speeker'" in msg
    assert "speakers" in msg and "min_count" in msg


def test_years_are_normalised_to_the_corpus_values(small):
    p = check_parameters(small, years=["2025"])
    assert p.years == [2025]
    assert check_parameters(small, years=[]).years == [2024, 2025]


def test_default_speakers_are_person_voices_by_word_tokens(small):
    # Shi Xiaolin 2 + 3 = 5 word tokens, Wang Xiaohui 3 (punctuation not counted); meeting and
    # narrator are not persons even though narrator has the most tokens
    assert default_speakers(small) == ["Shi Xiaolin", "Wang Xiaohui"]
    assert default_speakers(small, n=1) == ["Shi Xiaolin"]
    assert check_parameters(small, speakers=[]).speakers == ["Shi Xiaolin", "Wang Xiaohui"]


def test_pair_defaults_to_the_first_two_speakers_and_must_be_two(small):
    assert check_parameters(small, speakers=[], pair=[]).pair == ["Shi Xiaolin", "Wang Xiaohui"]
    assert check_parameters(small, pair=["Wang Xiaohui", "meeting"]).pair == ["Wang Xiaohui", "meeting"]
    with pytest.raises(ParameterError, match="pair must name two different speakers"):
        check_parameters(small, pair=["Shi Xiaolin"])
    with pytest.raises(ParameterError, match="pair: unknown speaker 'Li'"):
        check_parameters(small, pair=["Shi Xiaolin", "Li"])


@pytest.mark.parametrize("name, value, fragment", [
    ("min_count", 0, "min_count must be an integer >= 1, got 0"),
    ("n_boot", 0, "n_boot must be an integer >= 1, got 0"),
    ("n_boot", 2.5, "n_boot must be an integer >= 1, got 2.5"),
    ("seed", -1, "seed must be an integer >= 0, got -1"),
    ("ngram", 5, "ngram must be between 1 and 4, got 5"),
    ("terms", "opening up", "terms must be a list of non-empty strings"),
    ("terms", ["opening up", 3], "terms must be a list of non-empty strings"),
    ("speakers", "Shi Xiaolin", "speakers must be a list of non-empty strings"),
    ("years", 2024, "years must be a list of years"),
    ("lang", "fr", "lang='fr' is not valid; choose one of: en, zh"),
    ("alpha0", 0, "alpha0 must be > 0"),
    ("output_dir", None, "output_dir must be a string"),
])
def test_bad_values_are_rejected_with_the_argument_named(small, name, value, fragment):
    with pytest.raises(ParameterError) as err:
        check_parameters(small, **{name: value})
    assert fragment in str(err.value)


def test_valid_parameters_come_back_unchanged(small):
    p = check_parameters(small, corpus="data/sichuan", speakers=["Wang Xiaohui"], terms=["opening up"],
                         min_count=2, n_boot=10, seed=0, output_dir="", lang="", alpha0=500)
    assert p.corpus == "data/sichuan"  # 'corpus' is a parameter name too, besides the corpus argument
    assert p.speakers == ["Wang Xiaohui"]
    assert (p.min_count, p.n_boot, p.seed, p.alpha0) == (2, 10, 0, 500.0)


def test_every_parameter_has_a_type_and_help():
    for name, spec in PARAMETERS.items():
        assert spec.type in (str, int, float, list), name
        assert spec.help and "=" not in spec.help, name  # '=' would break papermill's inspection


def test_resolve_corpus_uses_the_project_root_from_any_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert project_root() == ROOT
    assert resolve_corpus("data/sichuan") == ROOT / "data" / "sichuan"
    assert resolve_corpus(ROOT / "tests" / "data" / "mini") == ROOT / "tests" / "data" / "mini"
    (tmp_path / "mine").mkdir()
    assert resolve_corpus("mine") == tmp_path / "mine"  # working directory as a second place


def test_resolve_corpus_names_the_places_tried(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ParameterError) as err:
        resolve_corpus("data/nowhere")
    msg = str(err.value)
    assert "corpus='data/nowhere' is not a folder" in msg
    assert str(ROOT / "data" / "nowhere") in msg and str(tmp_path / "data" / "nowhere") in msg
    with pytest.raises(ParameterError, match="corpus must be a folder path"):
        resolve_corpus("")


def test_without_person_voices_the_largest_voices_are_used(small):
    impersonal = small.subset(speaker=["narrator", "meeting"])
    assert default_speakers(impersonal) == []
    # narrator 6 word tokens, meeting 2
    assert check_parameters(impersonal, speakers=[]).speakers == ["narrator", "meeting"]
    assert check_parameters(impersonal, pair=[]).pair == ["narrator", "meeting"]


def test_pair_is_completed_with_other_voices_and_needs_two(small):
    assert check_parameters(small, speakers=["Wang Xiaohui"], pair=[]).pair == ["Wang Xiaohui", "narrator"]
    alone = small.subset(speaker="Shi Xiaolin")
    with pytest.raises(ParameterError, match=r"pair: the corpus has fewer than two voices \(Shi Xiaolin\)"):
        check_parameters(alone, pair=[])
