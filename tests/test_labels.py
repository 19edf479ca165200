"""Tests for discourse.voices.labels: speaker labels, one name per person, the record's notes, front matter."""
from __future__ import annotations

import pytest

from discourse.voices.labels import Label, find_labels, is_front_matter, is_record_note, normal_case, parse_label


@pytest.mark.parametrize("line, name, role, text, kind", [
    ("The Minister for Trade (Mr Paul Reyes): Madam Speaker, I rise.", "Paul Reyes", "Minister for Trade",
     "The Minister for Trade (Mr Paul Reyes):", "person"),
    ("Ms Alice Ward (Northfield): Will the Minister give way?", "Alice Ward", "", "Ms Alice Ward (Northfield):",
     "person"),
    ("MR. JONES (Treasurer). I move.", "Jones", "Treasurer", "MR. JONES (Treasurer).", "person"),
    ("THE TREASURER (MR. JONES). - I move.", "Jones", "Treasurer", "THE TREASURER (MR. JONES).", "person"),
    ("THE MINISTER OF HEALTH (DR. R. K. SINGH): Sir,", "R. K. Singh", "Minister of Health",
     "THE MINISTER OF HEALTH (DR. R. K. SINGH):", "person"),
    ("Dr Paul Reyes: I thank the Member.", "Paul Reyes", "", "Dr Paul Reyes:", "person"),
    ("MR. O'NEILL. Mr. Speaker, I oppose this.", "O'Neill", "", "MR. O'NEILL.", "person"),
    ("MRS. BAKER.", "Baker", "", "MRS. BAKER.", "person"),
    ("Madam Speaker: Order.", "Speaker", "Speaker", "Madam Speaker:", "chair"),
    ("MR. DEPUTY-SPEAKER: Order.", "Deputy Speaker", "Deputy Speaker", "MR. DEPUTY-SPEAKER:", "chair"),
    ("The Chairman: The Member for Northfield.", "Chairman", "Chairman", "The Chairman:", "chair"),
    ("The Prime Minister: No, Sir.", "Prime Minister", "Prime Minister", "The Prime Minister:", "office"),
    ("SEVERAL HON. MEMBERS: Hear, hear!", "meeting", "", "SEVERAL HON. MEMBERS:", "floor"),
    ("HONOURABLE MEMBERS. Withdraw!", "meeting", "", "HONOURABLE MEMBERS.", "floor"),
])
def test_label_shapes(line, name, role, text, kind):
    assert parse_label(line) == Label(name, role, text, kind)


@pytest.mark.parametrize("line", [
    "Madam Speaker, I rise to present the estimates.",     # a comma: the speaker addressing the chair
    "MR. SPEAKER took the chair at 10 a.m.",                # no colon or full stop after the name
    "[Madam Speaker in the Chair]",
    "In Committee of Supply:",                              # no person, office or chair
    "Three things matter: jobs, prices and homes.",
    "Note: figures are provisional.",
    "Dr Ward.",                                            # the chair calling a member, in title case
    "B. TRADE MEASURES",                                   # a lettered heading
    "INTRODUCTION.",                                       # a heading in capitals with a full stop
    "PRESIDENT JOHN F. KENNEDY'S ANNUAL MESSAGE TO THE CONGRESS",  # an initial's full stop is no end
    "Workforce Training requires urgent attention.",
])
def test_what_is_not_a_label(line):
    assert parse_label(line) is None


def test_find_labels_gives_one_name_per_person():
    labels = find_labels(["HOUSE OF ASSEMBLY", "THE TREASURER (MR. JONES). - I move.", "I have said enough.",
                          "MR. SMITH. The Treasurer is wrong.", "MR. JONES. He is not.",
                          "THE TREASURER. I repeat it.", "Dr Ann Lee (Bishan): I agree.", "Dr Lee: Yes."])
    names = [(lab.name, lab.role) if lab else None for lab in labels]
    assert names == [None, ("Jones", "Treasurer"), None, ("Smith", ""), ("Jones", "Treasurer"),
                     ("Jones", "Treasurer"), ("Ann Lee", ""), ("Ann Lee", "")]


@pytest.mark.parametrize("word, expected", [("HOLLOWAY", "Holloway"), ("O'NEILL", "O'Neill"),
                                            ("P.", "P."), ("Reyes", "Reyes"), ("DEPUTY-SPEAKER", "Deputy-Speaker")])
def test_normal_case(word, expected):
    assert normal_case(word) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("(Applause)", True), ("(Laughter.)", True), ("[Madam Speaker in the Chair]", True), ("（鼓掌）", True),
    ("Question proposed.", True), ("Question put, and agreed to.", True), ("Debate adjourned.", True),
    ("- [Mr Paul Reyes].", True), ("Opposition members interjecting.", True), ("The House met at 2.00 pm.", True),
    ("Resolved, \"That the House do now adjourn.\"", True), ("MR. SPEAKER took the chair at 10 a.m.", True),
    ("Division.", True), ("Ayes, 52; Noes, 40.", True),
    ("Division among free nations is a goal of our enemies.", False),
    ("Bill Jones read the report to us.", False), ("The question is whether we can pay.", False),
    ("We will debate this next week.", False),
])
def test_record_notes(sentence, expected):
    assert is_record_note(sentence) is expected


@pytest.mark.parametrize("paragraph, expected", [
    ("PRESIDENT JOHN F. KENNEDY'S ANNUAL MESSAGE TO THE CONGRESS ON THE STATE OF THE UNION", True),
    ("January 30, 1961", True), ("Tuesday, 3 March 2026", True), ("January 11, 1962. Dated January 9", True),
    ("Mr. Speaker, Mr. Vice President, Members of the Congress:", False),
    ("In January 1961 we began a new administration.", False),
])
def test_front_matter(paragraph, expected):
    assert is_front_matter(paragraph) is expected
