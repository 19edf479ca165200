"""Chinese directive verbs of one segmented sentence (jieba words and flags).

Rules (the choices are also listed in :mod:`discourse.directives`):

- a marker (要, 必须, 须, 务必, 应, 应当, 应该, 需要, 着力) followed, after adverbs, by a verb opens a
  scope; its category is ``obligation`` for 必须 / 须 / 务必 / 要 / 需要 and ``recommendation`` for
  应 / 应当 / 应该; 着力 ("put effort into") is a light verb: the verb after it is counted, category
  ``imperative``;
- an enumerated task (the sentence starts with 一是 / 二是 ..., 第一 / 首先 ...) or a sentence whose
  first word is a directive verb or directive adverb (加快, 推动, 深入, 大力 ...) and which has no
  marker is an unmarked task list: the verb at the start of each clause is counted as ``imperative``
  (with a marker, "学习贯彻……，要落实……", the sentence-initial verbs are the topic, not a task);
- a word that starts with a known directive verb (扩大内需, tagged ``n``) counts under that verb;
- coordination: within a scope, the first verb of every clause after "，" or "、" counts, as does a
  verb joined to a counted verb by 和 / 及 / 并 ("巩固和提升"); verbs inside a clause (objects,
  modifiers) do not; a clause opened by a framing verb (围绕, 按照, 通过 ...) is skipped;
- the scope ends at 。！？； and at purpose or result markers (以便, 从而, 进而, 以期, 为了).
jieba's flags are unreliable for policy verbs (落实/a, 深化/j, 大力/n), so a word counts as a verb if
its flag starts with ``v`` or it is in :data:`ZH_VERBS`; adverbs are flag ``d``/``ad`` or in
:data:`ZH_ADVERBS`.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

ZH_MARKERS = {"必须": "obligation", "须": "obligation", "务必": "obligation", "必需": "obligation",
              "要": "obligation", "需要": "obligation", "需": "obligation", "应": "recommendation",
              "应当": "recommendation", "应该": "recommendation", "着力": "imperative"}
ZH_VERBS = frozenset(
    "加快 推动 推进 加强 深化 实施 落实 坚持 强化 完善 健全 优化 提升 提高 扩大 巩固 建设 打造 培育 "
    "发展 促进 构建 构筑 抓好 抓住 把握 推行 引育 引进 做好 用好 发挥 保障 确保 维护 防范 化解 稳定 "
    "稳住 支持 鼓励 引导 规范 改善 改进 创新 探索 拓展 拓宽 开展 组织 统筹 协调 贯彻 学习 宣传 体现 "
    "聚焦 争取 增强 降低 减少 保持 守住 筑牢 压实 夯实 激发 释放 畅通 助力 带动 实现 形成 加大 "
    "严格 严守 严防 牢牢把握 树立 弘扬 营造 凝聚 筑 培养 招引 承接 融入 服务 保护 治理 整治 "
    "补齐 加速 扎实推进 全力 抓紧 压紧 密切 关注".split())
ZH_ADVERBS = frozenset(
    "深入 大力 切实 全面 积极 不断 持续 进一步 扎实 精准 认真 坚决 有效 主动 更加 更好 全力 着力 "
    "努力 加紧 坚定 始终 继续 扎扎实实 统筹 一体 协同 系统 高效 稳步 有序 同时 还 也 都 要 更 再".split())
ZH_FRAMING = frozenset("围绕 按照 根据 通过 结合 对照 针对 立足 以 为 在 对 从 就 基于 面对 随着".split())
ZH_ENUMERATORS = ("一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是",
                  "第一", "第二", "第三", "第四", "第五", "首先", "其次", "再次", "最后", "同时")
ZH_CLAUSE = frozenset("，,、：:")
ZH_END = frozenset("。！？；;!?")
ZH_PURPOSE = frozenset("以便 从而 进而 以期 为了 借此".split())
ZH_COORD = frozenset("和 及 并 并且 与 以及".split())
ZH_TASK_STARTS = ZH_VERBS | frozenset("深入 大力 切实 全面 积极 不断 持续 进一步 扎实 着力".split())


def _is_verb(word: str, flag: str, *, loose: bool) -> bool:
    if word in ZH_VERBS or (len(word) > 2 and word[:2] in ZH_VERBS):  # 扩大内需 (n) = 扩大 + object
        return True
    if len(word) > 2 and word[:2] in ZH_ADVERBS and word[2:] in ZH_VERBS:  # 大力发展 = 大力 + 发展
        return True
    if word in ZH_ADVERBS or word in ZH_FRAMING or word in ZH_MARKERS:
        return False
    return flag in ("v", "vd", "vi") or (loose and flag == "vn")


class _ZhSentence:
    def __init__(self, tokens: Sequence[Any]) -> None:
        self.toks = list(tokens)
        self.w = [str(t.text) for t in self.toks]
        self.f = [str(t.pos or "") for t in self.toks]
        self.n = len(self.toks)
        self.hits: dict[int, dict] = {}

    def skip_adv(self, i: int) -> int:
        while i < self.n and (self.w[i] in ZH_ADVERBS or self.f[i] in ("d", "ad")) \
                and self.w[i] not in ZH_MARKERS:
            i += 1
        return i

    def add(self, i: int, category: str, trigger: str) -> None:
        if i not in self.hits:
            tok = self.toks[i]
            word = self.w[i]
            lemma = word
            if word not in ZH_VERBS and word[:2] in ZH_VERBS:
                lemma = word[:2]
            elif word not in ZH_VERBS and word[:2] in ZH_ADVERBS and word[2:] in ZH_VERBS:
                lemma = word[2:]
            self.hits[i] = {"lemma": lemma, "verb": tok.text, "category": category,
                            "trigger": trigger, "start": int(tok.start), "end": int(tok.end)}

    def scope(self, i: int, category: str, trigger: str, *, every_clause: bool) -> None:
        """Count the verb at ``i`` (after adverbs) and the verbs coordinated with it."""
        k = self.skip_adv(i)
        if k >= self.n or not _is_verb(self.w[k], self.f[k], loose=True):
            if not every_clause:
                return
        else:
            self.add(k, category, trigger)
            k += 1
        last = k - 1
        while k < self.n:
            w = self.w[k]
            if w in ZH_END or w in ZH_PURPOSE:
                return
            if w in ZH_MARKERS and w != "要" or (w == "要" and self.f[k] == "v"):
                return  # a new marker opens its own scope
            if w in ZH_COORD and last == k - 1 and k + 1 < self.n \
                    and _is_verb(self.w[k + 1], self.f[k + 1], loose=False):
                self.add(k + 1, category, trigger)
                last = k + 1
                k += 2
                continue
            if w in ZH_CLAUSE:
                j = self.skip_adv(k + 1)
                if j < self.n and self.w[j] not in ZH_FRAMING and \
                        _is_verb(self.w[j], self.f[j], loose=every_clause):
                    self.add(j, category, trigger)
                    last = j
                    k = j + 1
                    continue
            k += 1

    def run(self) -> list[dict]:
        start = 0
        while start < self.n and self.f[start] == "x" and self.w[start] not in ZH_END:
            start += 1
        first = "".join(self.w[start:start + 2])
        enum = next((e for e in ZH_ENUMERATORS if first.startswith(e) or self.w[start:start + 1] == [e]),
                    None)
        if enum is not None:
            j = start
            while j < self.n and "".join(self.w[start:j + 1]) != enum and j < start + 3:
                j += 1
            self.scope(j + 1, "imperative", enum, every_clause=True)
        elif start < self.n and self.w[start] in ZH_TASK_STARTS and \
                not any(w in ZH_MARKERS for w in self.w if w != "着力"):
            self.scope(start, "imperative", "(imperative)", every_clause=True)
        for i in range(self.n):
            cat = ZH_MARKERS.get(self.w[i])
            if cat is None:
                continue
            if self.w[i] == "要" and self.f[i] not in ("v", "d"):
                continue
            nxt = self.skip_adv(i + 1)
            if nxt < self.n and _is_verb(self.w[nxt], self.f[nxt], loose=True):
                self.scope(i + 1, cat, self.w[i], every_clause=False)
        return [self.hits[i] for i in sorted(self.hits)]


def chinese_directives(tokens: Sequence[Any]) -> list[dict]:
    """Directive hits of one segmented Chinese sentence, in text order.

    Parameters
    ----------
    tokens : sequence of Token
        jieba words with their flags in ``pos`` (offsets in the sentence).

    Returns
    -------
    list of dict
        One dict per counted verb: ``lemma, verb, category, trigger, start, end``.
    """
    return _ZhSentence(tokens).run()
