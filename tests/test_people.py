"""Tests for discourse.people: names, titles, roles and canonical names."""
from __future__ import annotations

import random
import re

import pandas as pd
import pytest

from discourse.errors import ParameterError
from discourse.voices.people import (
    _RE_SUBJECT,
    _STOP,
    LEAD,
    NARRATOR,
    _alternation,
    _sentences,
    canonical_name,
    canonicalize,
    extract_people,
    is_name_like,
    match_after_lead,
    split_title,
)


def test_extract_people_from_seed(sichuan_dir):
    text = next(sichuan_dir.glob("001_*.txt")).read_text(encoding="utf-8")
    people = extract_people(text)
    assert list(people.columns) == ["name", "role", "first_offset"]
    assert list(people["name"]) == ["Wang Xiaohui", "Xi Jinping", "Shi Xiaolin", "Tian Xiangli", "Yu Lijun",
                                    "Li Yongjie"]
    roles = dict(zip(people["name"], people["role"]))
    assert roles["Xi Jinping"] == "General Secretary"
    assert roles["Tian Xiangli"] == "Chairperson of the CPPCC Sichuan Provincial Committee"
    assert roles["Yu Lijun"] == ("Deputy Secretary and Head of the Organization Department of the CPC "
                                 "Sichuan Provincial Committee")
    assert people["first_offset"].is_monotonic_increasing
    assert text[people["first_offset"][0]:].startswith("Wang Xiaohui")


def test_extract_people_multi_part_role():
    first = ("Shi Xiaolin, Deputy Secretary of the Provincial Committee, Governor of Sichuan Province and "
             "Secretary of the Party Leading Group, chaired the meeting. ")
    text = first + "Chen Shuping, Secretary-General of the Government, leading officials, and others attended."
    people = extract_people(text)
    assert people.to_dict("records") == [
        {"name": "Shi Xiaolin", "role": "Deputy Secretary of the Provincial Committee, Governor of Sichuan "
                                        "Province and Secretary of the Party Leading Group", "first_offset": 0},
        {"name": "Chen Shuping", "role": "Secretary-General of the Government", "first_offset": len(first)},
    ]


@pytest.mark.parametrize("mention, known, expected", [
    ("Governor Shi Xiaolin", ["Shi Xiaolin"], "Shi Xiaolin"),
    ("Shi", ["Shi Xiaolin", "Wang Xiaohui"], "Shi Xiaolin"),
    ("shi xiaolin", ["Shi Xiaolin"], "Shi Xiaolin"),
    ("Li", ["Li Yongjie", "Li Qiang"], "Li"),
    ("Biden", ["Joe Biden"], "Joe Biden"),
    ("General Secretary Xi Jinping's", [], "Xi Jinping"),
])
def test_canonical_name(mention, known, expected):
    assert canonical_name(mention, known) == expected


def test_canonicalize_merges_across_documents():
    frame = pd.DataFrame({
        "doc_id": ["a", "a", "b", "c", "c", "d", "d"],
        "speaker": ["Governor Shi Xiaolin", "Shi", "Shi", "Li Yongjie", "Li", "Li Qiang", NARRATOR],
        "role": ["", "", "", "", "", "Premier", ""],
    })
    out = canonicalize(frame)
    assert list(out["speaker"]) == ["Shi Xiaolin", "Shi Xiaolin", "Shi Xiaolin", "Li Yongjie", "Li Yongjie",
                                    "Li Qiang", NARRATOR]
    assert list(out["role"]) == ["Governor", "", "", "", "", "Premier", ""]
    assert list(frame["speaker"])[0] == "Governor Shi Xiaolin"  # input untouched
    lone = canonicalize(pd.DataFrame({"doc_id": ["x", "y", "z"], "speaker": ["Li", "Li Yongjie", "Li Qiang"]}))
    assert lone["speaker"][0] == "Li"  # ambiguous in the corpus: left as written


def test_canonicalize_takes_the_most_frequent_spelling_first_seen_on_ties():
    frame = pd.DataFrame({
        "doc_id": ["a", "a", "b", "b", "c", "c", "d"],
        "speaker": ["WANG Xiao", "Wang Xiao", "Wang Xiao", "Mayor wang xiao", "Zhou Li", "ZHOU LI", "Wang"],
    })
    out = canonicalize(frame)
    # "Wang Xiao" is written three times (once after a title), "WANG Xiao" once; the Zhou spellings tie
    # and the first written wins; the surname alone in document d finds the one Wang of the corpus
    assert list(out["speaker"]) == ["Wang Xiao"] * 4 + ["Zhou Li", "Zhou Li", "Wang Xiao"]
    assert list(out["role"]) == ["", "", "", "Mayor", "", "", ""]
    shuffled = canonicalize(frame.iloc[::-1].reset_index(drop=True))
    assert list(shuffled["speaker"])[:3] == ["Wang Xiao", "ZHOU LI", "ZHOU LI"]


def test_canonicalize_keeps_document_speakers_and_offices():
    frame = pd.DataFrame({
        "doc_id": ["a", "a", "b", "b", "c", "c", "d"],
        "speaker": ["Eisenhower", "Franklin Roosevelt", "Dwight Eisenhower", "Roosevelt", "Speaker",
                    "Deputy Speaker", "Speaker"],
        "role": ["", "", "", "", "Speaker", "Deputy Speaker", "Speaker"],
    })
    # without keep, the file-name speaker is merged into the one full name of the corpus
    assert canonicalize(frame)["speaker"].tolist()[:4] == ["Dwight Eisenhower", "Franklin Roosevelt",
                                                          "Dwight Eisenhower", "Franklin Roosevelt"]
    out = canonicalize(frame, keep=["Eisenhower", "Roosevelt"])
    assert out["speaker"].tolist() == ["Eisenhower", "Roosevelt", "Eisenhower", "Roosevelt", "Speaker",
                                       "Deputy Speaker", "Speaker"]  # an office is no surname


@pytest.mark.parametrize("name, expected", [
    ("Workforce Training", False), ("Best Sourcing", False), ("Green Growth", False),
    ("Tan Ah Kow", True), ("Wang Xiaohui", True), ("Martin Luther King", True), ("Kautilya", True),
])
def test_is_name_like(name, expected):
    assert is_name_like(name) is expected


def test_heading_words_before_a_reporting_verb_are_no_person():
    people = extract_people("Workforce Training requires urgent attention.\nLi Ming pointed out that jobs matter.")
    assert people["name"].tolist() == ["Li Ming"]


@pytest.mark.parametrize("mention, expected", [
    ("Governor Shi Xiaolin", ("Shi Xiaolin", "Governor")),
    ("General Secretary Xi Jinping's", ("Xi Jinping", "General Secretary")),
    ("Mr.  Joe   Biden", ("Joe Biden", "Mr.")),
    ("Shi Xiaolin", ("Shi Xiaolin", "")),
    ("Governor", ("Governor", "")),  # a title alone is left as the name
])
def test_split_title(mention, expected):
    assert split_title(mention) == expected


def test_titled_surname_and_reporting_subject_are_people():
    text = ("Governor Shi Xiaolin chaired the meeting. Mayor Wang spoke. Chen Shuping stressed the point. "
            "Shi said more.")
    people = extract_people(text)
    assert list(people["name"]) == ["Shi Xiaolin", "Wang", "Chen Shuping"]
    assert list(people["role"]) == ["Governor", "Mayor", ""]
    assert list(people["first_offset"]) == [9, text.index("Wang"), text.index("Chen")]


def test_bad_arguments_are_named():
    with pytest.raises(ParameterError, match="text"):
        extract_people(["not", "a", "str"])
    with pytest.raises(ParameterError, match="speaker"):
        canonicalize(pd.DataFrame({"doc_id": ["a"]}))
    with pytest.raises(ParameterError, match="sentences"):
        canonicalize([{"doc_id": "a", "speaker": "Shi"}])
    assert extract_people("").empty


# The full patterns as written before the two-place matching: an optional introductory phrase, then the subject.
_FULL_SUBJECT = re.compile(LEAD + _RE_SUBJECT.pattern)
_OLD_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")


@pytest.mark.parametrize("sentence", [
    "Wang Xiaohui pointed out that ...",
    "Having listened to their remarks, Shi Xiaolin stressed the need",
    "On behalf of the province, Governor Shi Xiaolin, Deputy Secretary of the Committee, noted",
    "In the afternoon; Shi Xiaolin said",          # ";" ends the chance of an introductory phrase
    "A" * 121 + ", Shi Xiaolin said",             # a phrase longer than 120 characters is not one
    "A" * 120 + ",  \t Shi Xiaolin said",
    "First, second, Shi Xiaolin said",             # only the first comma can end the phrase
    "Shi Xiaolin, who chaired the meeting, urged all",
    "The meeting, Li Yongjie, emphasized",
    "",
    ", Shi Xiaolin said",
])
def test_match_after_lead_is_the_full_pattern(sentence):
    full, fast = _FULL_SUBJECT.match(sentence), match_after_lead(_RE_SUBJECT, sentence)
    assert (full is None) == (fast is None)
    if full is not None:
        assert (fast.groupdict(), fast.end()) == (full.groupdict(), full.end())


def test_sentences_split_like_the_lookbehind_pattern():
    rng = random.Random(7)
    texts = ["Shi said. He left!\n\nThen? Yes.  No", "a.\n\nb", ".. x", "\nx. ", "end."]
    texts += ["".join(rng.choice("ab.!? \n\t") for _ in range(rng.randint(0, 14))) for _ in range(3000)]
    for text in texts:
        assert _sentences(text) == _OLD_BREAK.split(text), text


def test_alternation_matches_like_the_plain_alternation():
    rng = random.Random(3)
    words = _STOP.split("|") + ["Secretary General", "Secretary", "Sec", "ab", "abc", "a.b"]
    plain = re.compile("(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")")
    tree = re.compile(_alternation(words))
    texts = [w + tail for w in words for tail in ("", " ", "s", "-x", " General")]
    texts += ["".join(rng.choice("ASTecrayb. Gnl") for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    for text in texts:
        a, b = plain.match(text), tree.match(text)
        assert (a and a.group()) == (b and b.group()), text
    assert _alternation(["May", "March"]) == "Ma(?:y|rch)"
