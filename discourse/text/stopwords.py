"""The project's English and Chinese stop-word lists.

Both lists hold function words only: articles and determiners, pronouns, prepositions,
conjunctions, the auxiliaries *be*, *have* and *do* (and their Chinese counterparts: structural
particles, aspect markers, copula), negation and a few high-frequency grammatical adverbs.
Content words of policy prose ("development", "opening", "reform", 发展, 开放) are never stop words.

Modal verbs are deliberately **not** stop words, in either language. Modality is one of the
things this package measures: "must" and "should" carry directives, "will" and "shall" carry
commitments, "can", "may" and "might" hedge. Dropping them would hide differences between
speakers and years that the directive and distinctive-term analyses are meant to show. The same
holds for the Chinese markers 要, 必须, 须, 务必, 应, 应当, 应该, 需要, 能, 可以, 会 and 着力.
Users who want them removed can pass :data:`ENGLISH_MODALS` or :data:`CHINESE_MODALS` as extra
stop words to a measure.
"""
from __future__ import annotations

from discourse.errors import ParameterError

_ENGLISH = """
a an the this that these those such some any each every either neither both all few several
many much more most other another same own no nor not n't only
i me my mine myself we us our ours ourselves you your yours yourself yourselves
he him his himself she her hers herself it its itself they them their theirs themselves
one ones oneself who whom whose which what whatever whoever whichever
be am is are was were been being 's 're 'm
have has had having 've 'd
do does did doing done
and or but if then else than because as so though although while whereas whether
of in on at by for with about against between into through during before after above below
to from up down out off over under again further once upon onto within without among amongst
across along around behind beyond towards toward via per since until till unto
here there where when why how
also just very too quite rather even ever yet still already now then thus hence therefore
however indeed perhaps almost
s t
"""

_CHINESE = """
的 地 得 之 所 着 了 过 是 为 在 和 与 及 以及 并 并且 而 而且 或 或者 且 还是 及其
也 都 就 又 还 再 才 即 则 便 已 已经 曾 曾经 正 正在 将 将要
对 对于 关于 把 被 从 向 到 于 以 为了 由 给 让 跟 同 至 自 按 按照 通过 随着 根据 经过 除了
这 那 这些 那些 这个 那个 这样 那样 这种 那种 此 其 其中 该 本 各 每 某 诸
我 我们 你 你们 您 他 她 它 他们 她们 它们 自己 大家 咱们
个 些 种 次 一 一个 一些 一种
有 没有 不 没 无 非 别
吗 呢 吧 啊 呀 嘛 哦 么 矣 乎 焉 也罢
因为 所以 但 但是 然而 如果 虽然 尽管 因此 于是 并且 不仅 而是 还有 以便 从而 进而
等 等等 之一 之中 之间 方面 时 时候
"""

ENGLISH_STOPWORDS: frozenset[str] = frozenset(_ENGLISH.split())
"""English function words, lower case (tokens as produced by the tokenizer, e.g. ``n't``, ``'s``)."""

CHINESE_STOPWORDS: frozenset[str] = frozenset(_CHINESE.split())
"""Chinese function words (jieba words)."""

ENGLISH_MODALS: frozenset[str] = frozenset(
    {"must", "should", "shall", "will", "would", "can", "could", "may", "might", "ought", "need",
     "ca", "wo", "'ll"}
)
"""English modal verbs, kept out of :data:`ENGLISH_STOPWORDS` on purpose (see the module docstring)."""

CHINESE_MODALS: frozenset[str] = frozenset(
    {"要", "必须", "须", "务必", "应", "应当", "应该", "需要", "能", "能够", "可以", "会", "着力"}
)
"""Chinese modal and directive markers, kept out of :data:`CHINESE_STOPWORDS` on purpose."""

_LISTS = {"en": ENGLISH_STOPWORDS, "zh": CHINESE_STOPWORDS}


def is_stopword(norm: str, lang: str = "en") -> bool:
    """Return True if the normalised token ``norm`` is a stop word of language ``lang``.

    Parameters
    ----------
    norm : str
        The token's ``norm`` (lower-cased English word, or the Chinese word).
    lang : {"en", "zh"}
        Language of the token.

    Returns
    -------
    bool
        Whether ``norm`` is in :data:`ENGLISH_STOPWORDS` or :data:`CHINESE_STOPWORDS`.
    """
    try:
        words = _LISTS[lang]
    except (KeyError, TypeError):
        raise ParameterError(f"lang={lang!r} is not valid; choose one of: en, zh") from None
    return norm in words
