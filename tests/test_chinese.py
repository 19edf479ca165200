"""Chinese script: traditional text converted to simplified, character for character."""
from __future__ import annotations

from discourse.text.chinese import script_of, to_simplified


def test_traditional_is_converted_character_for_character():
    assert to_simplified("必須堅持社會主義，恢復生產。") == "必须坚持社会主义，恢复生产。"
    assert to_simplified("應當積極地組織群眾") == "应当积极地组织群众"


def test_simplified_and_other_text_come_back_unchanged():
    for text in ("必须坚持社会主义", "We must act.", "2024年12月17日", ""):
        assert to_simplified(text) == text


def test_script_of_a_text():
    assert script_of("必須堅持") == "traditional"
    assert script_of("必须坚持") == "simplified"
    assert script_of("We must act.") is None


def test_script_of_counts_the_share_of_characters_conversion_changes():
    from discourse.text.chinese import script_of

    simple = "今后要进一步加强农业保障粮食安全提高农民收入"   # 22 characters, none changed by t2s
    assert script_of(simple) == "simplified"
    assert script_of(simple[:20] + "後") == "simplified"    # 1 of 21 changed: 4.8%, under 5%
    assert script_of(simple[:19] + "後") == "traditional"   # 1 of 20: 5%
    assert script_of("我們必須恢復經濟") == "traditional"
    assert script_of("GDP 2024") is None
