"""Tests for discourse.text.templates: lines a corpus repeats are learned as templates."""
from __future__ import annotations

from _cleaning_fixtures import FOOTER, HEADER, LICENCE, chinese_series, portal_pages

from discourse.text.clean import line_key
from discourse.text.templates import TEMPLATE_MIN_DOCS, learn_templates


def test_header_breadcrumb_and_footer_of_a_site_are_learned():
    pages = portal_pages()
    learned = learn_templates([text for _, text, _ in pages])
    assert learned.n_documents == 20
    expected = tuple(sorted(line_key(line) for line in HEADER + FOOTER))
    assert all(keys == expected for keys in learned.per_document)
    assert learned.detail("open governance") == "frequent line: in 20 of 20 documents"


def test_a_corpus_too_small_learns_nothing():
    pages = portal_pages()[:TEMPLATE_MIN_DOCS - 1]
    assert learn_templates([text for _, text, _ in pages]) is None


def test_near_duplicates_do_not_count():
    pages = [text for _, text, _ in portal_pages()[:6]]
    assert learn_templates(pages, copies={5}).n_documents == 5
    assert learn_templates(pages, copies={4, 5}) is None


def test_frequent_line_needs_thirty_percent_of_documents():
    # 10 documents; a line in 3 (30%) is a template, a line in 2 is not
    docs = [f"Report number {i} on the harvest of {i * 3} villages." for i in range(10)]
    docs = [d + ("\nShared three" if i < 3 else "") + ("\nShared two" if 3 <= i < 5 else "")
            for i, d in enumerate(docs)]
    learned = learn_templates(docs)
    assert learned.per_document[0] == ("shared three",) and learned.per_document[3] == ()


def test_speaker_turns_and_lines_ending_with_a_colon_are_never_templates():
    docs = [f"Mr Speaker: Order.\nComrades:\nThe Minister for Finance (Dr Tan Ah Kow): I beg to move.\n"
            f"Head {i} is the budget of department {i * 11}." for i in range(6)]
    learned = learn_templates(docs)
    assert all(keys == () for keys in learned.per_document)


def test_shared_block_in_a_few_documents_and_the_edge_of_a_licence():
    # a three-line block shared by 3 of 12 documents (25%: no frequent line) is a template
    block = ["Web resources", "State dinners", "Campaign finance database"]
    docs = [f"Address {i}: the state of the union is strong in {1950 + i}." for i in range(12)]
    docs = [d + ("\n" + "\n".join(block) if i < 3 else "") for i, d in enumerate(docs)]
    learned = learn_templates(docs)
    assert learned.per_document[0] == tuple(sorted(line_key(b) for b in block))
    assert learned.kind["state dinners"] == "shared block"
    assert learned.per_document[5] == ()


def test_a_line_next_to_a_footer_in_two_documents_is_part_of_it():
    # "Public domain" under all 6; the pre-1931 note above it only under two: an edge of the page
    docs = [text for _, text, _ in chinese_series()]
    docs += ["要保护生态环境。\n" + "\n".join(LICENCE), "要发展乡村旅游。\n" + "\n".join(LICENCE)]  # 8: 2 is 25%
    docs[0] = docs[0].replace("Public domain", "Anonymous work first published before 1931.\nPublic domain")
    docs[1] = docs[1].replace("Public domain", "Anonymous work first published before 1931.\nPublic domain")
    learned = learn_templates(docs)
    note = line_key("Anonymous work first published before 1931.")
    assert note in learned.per_document[0] and note in learned.per_document[1]
    assert learned.kind[note] == "edge of page"
    assert set(learned.per_document[2]) == {line_key(line) for line in LICENCE}
