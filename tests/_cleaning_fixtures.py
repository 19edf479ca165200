"""Hand-written corpora for cleaning (the development part of its evaluation): each text with the line numbers
that are boilerplate by construction, so what cleaning removes can be judged line by line."""
from __future__ import annotations

PLACES = ["Deyang", "Mianyang", "Leshan", "Yibin", "Luzhou", "Nanchong", "Dazhou", "Suining", "Neijiang",
          "Zigong", "Guang'an", "Bazhong", "Ya'an", "Meishan", "Ziyang", "Panzhihua", "Aba", "Ganzi",
          "Liangshan", "Guangyuan"]
TOPICS = ["rice seedlings", "a rail freight yard", "flood defences", "a battery factory", "village clinics",
          "tea gardens", "a software park", "mountain roads", "river dredging", "a grain depot",
          "solar farms", "school canteens", "forest patrols", "a bus terminal", "pig farms", "a hydropower dam",
          "wool cooperatives", "herb markets", "night markets", "bamboo workshops"]
HEADER = ["Xanadu Provincial Portal", "Open Governance"]
FOOTER = ["Contact the webmaster at portal@xanadu.example", "Privacy notice and terms of use",
          "Best viewed at 1024 by 768 pixels"]


def portal_pages() -> list[tuple[str, str, set[int]]]:
    """20 pages of one site with a header and a breadcrumb ("Open Governance") above the headline and a
    footer that no hand list knows; ``(doc_id, text, boilerplate line numbers)``."""
    pages = []
    for i, (place, topic) in enumerate(zip(PLACES, TOPICS)):
        body = [f"Vice Governor Li inspects {topic} in {place}",
                f"On May {i + 1}, Vice Governor Li visited {topic} in {place} and spoke with {i + 3} workers.",
                f"She stressed that {place} must improve {topic} before the rainy season of {2000 + i}.",
                f"Officials of {place} reported {i * 7 + 11} projects under way and asked for support."]
        lines = HEADER + body + FOOTER
        pages.append((f"page{i:02d}", "\n".join(lines),
                      {1, 2, len(lines) - 2, len(lines) - 1, len(lines)}))
    return pages


GLUED = ("The province will build 300 kilometres of rural roads this year. Work starts in March. "
         "Every county must publish its plan.")


def glued_repeats() -> tuple[str, set[int]]:
    """A scraped page whose sections repeat, glued without a space after the full stop."""
    second = "Funding comes from the provincial budget and from bonds. The audit office will check each project."
    lines = ["Rural roads plan announced", GLUED, second,
             (GLUED + second).replace(". ", ".") + GLUED.replace(". ", "."),
             "Questions may be sent to the transport department."]
    return "\n".join(lines), {4}


def placeholder_page() -> tuple[str, set[int]]:
    """A budget debate whose tables are each replaced by one line, 200 times."""
    lines = ["The Minister for Finance (Dr Tan Ah Kow): Mr Speaker, Sir, I beg to move that the Bill be read a "
             "second time."]
    for i in range(200):
        lines.append(f"Head {i + 1} covers the expenditure of the department for the year ahead.")
        lines.append("Please refer to the Hansard document.")
        if i % 40 == 0:
            lines.append("Mr Speaker: Order.")
    return "\n".join(lines), {n for n, line in enumerate(lines, 1) if line.startswith("Please refer")}


LICENCE = ["Public domain", "This work is in the public domain because it is an edict of a government."]
ZH_BODIES = [
    "同志们：\n我们必须坚持改革开放，加快经济发展。\n全党要团结一致，为实现现代化而奋斗。",
    "同志们！\n过去五年，我们战胜了严重的自然灾害。\n今后要进一步加强农业，保障粮食安全。",
    "我們必須恢復社會主義經濟，發展生產。\n全黨同志應當團結起來，反對官僚主義。",
    "各级政府要切实转变职能，提高行政效率。\n必须坚持依法治国，建设法治政府。",
    "要大力发展教育和科学技术事业。\n应当重视人才培养，尊重知识，尊重人才。",
    "我们要加快建设现代化经济体系。\n必须深化供给侧结构性改革，推动高质量发展。",
]


def chinese_series() -> list[tuple[str, str, set[int]]]:
    """Six Chinese reports (one in traditional script) with an English licence footer under each."""
    out = []
    for i, body in enumerate(ZH_BODIES):
        lines = body.split("\n") + LICENCE
        out.append((f"{1950 + 10 * i}-report", "\n".join(lines), {len(lines) - 1, len(lines)}))
    return out


def truth_of(corpus, expected: dict[str, set[int]]) -> dict[str, int]:
    """Removed lines (blank lines aside) judged against ``expected`` boilerplate lines per document:
    ``right``, ``wrong`` (content removed) and ``missed`` (boilerplate kept), counted by line."""
    removed = corpus.removed[corpus.removed["reason"] != "blank line"]
    got = {(d, int(n)) for d, n in zip(removed["doc_id"], removed["line_no"])}
    want = {(d, n) for d, lines in expected.items() for n in lines}
    return {"right": len(got & want), "wrong": len(got - want), "missed": len(want - got)}
