"""The word lists behind the Chinese directive rules of :mod:`discourse.directives.chinese`.

All words are in simplified script (the rules read the simplified form of the text). jieba's part-of-speech
flags decide most words; these lists name the closed classes the rules need (markers, prepositions, light
verbs, purpose words) and the open-class words jieba often tags wrongly in policy prose (健全/a, 落实/a,
精简/n, 团结/a, 立足/d), which the rules would otherwise miss. The lexicon of verbs was drawn up from the
words that follow a marker in the CPC congress reports (1921-2022) and carry another flag, read by hand.
"""
from __future__ import annotations

__all__ = ["ADDRESSEES", "BA_VERBS", "MARKERS", "PROHIBITIONS", "REPORTED", "COMMITMENTS", "AGENTS", "VERBS", "ADJECTIVE_VERBS",
           "ADVERBS", "ADVERB_OR_VERB", "LIGHT", "LIGHT_BEFORE_BARE", "PREPOSITIONS", "LOCALIZERS",
           "PURPOSE", "RESULT", "COORDINATORS", "CLAUSE_CONNECTIVES", "ENUMERATORS", "LIST_OPENERS",
           "DESCRIPTION_ADVERBS", "DISCOURSE_VERBS", "NOT_VERBS", "COMPLEMENTS", "KEEP_WHOLE",
           "PREDICTION_BEFORE_WILL", "EXHORTATION_PRONOUNS", "QUOTES"]

#: Deontic markers and the category of the verb they govern (a compound such as 就要 or 更要 is read as 要).
MARKERS = {
    "要": "obligation", "必须": "obligation", "必需": "obligation", "须": "obligation", "务必": "obligation",
    "务须": "obligation", "一定要": "obligation", "需要": "obligation", "需": "obligation",
    "亟须": "obligation", "亟需": "obligation", "必须要": "obligation", "不能不": "obligation",
    "应": "recommendation", "应当": "recommendation", "应该": "recommendation", "理应": "recommendation",
}
#: Prefixes that leave a marker what it is: 就要, 更要, 都要 ... are 要.
MARKER_PREFIXES = ("就", "更", "都", "也", "还", "又", "首先", "尤其", "特别", "关键", "重点", "则", "总", "而",
                   "仍", "均", "尤为", "更加", "越", "一定", "必", "首要", "均")
#: Prohibitions: the prohibited verb counts, category ``prohibition`` (严禁 + a noun counts 严禁).
PROHIBITIONS = frozenset({"不得", "不能", "不要", "严禁", "禁止", "决不", "决不能", "绝不", "绝不能", "不准",
                          "不许", "切勿", "切不可", "不应", "不应当", "不应该", "决不可", "绝不可", "千万不要",
                          "不可以", "勿", "不可"})
#: Prohibitions that count themselves when a noun follows (严禁铺张浪费 has no verb to count).
PROHIBITION_SELF = frozenset({"严禁", "禁止"})
#: Reporting verbs of a directive: 要求 / 号召 / 提出 (+ agent) + V.
REPORTED = frozenset({"要求", "号召", "提出", "责成", "敦促", "动员"})
#: Commitment markers (after a first-person or government agent): 将 / 将继续 / 力争 / 决心 (+ 愿 / 愿意).
COMMITMENTS = frozenset({"将", "将要", "力争", "决心", "愿", "愿意", "愿同"})
#: Commitment markers that need no explicit agent (the report's own voice sets its targets).
COMMITMENTS_WITHOUT_AGENT = frozenset({"力争"})
#: Agents of a commitment: first person and government (the first word of the subject).
AGENTS = frozenset({"我们", "我", "我国", "中国", "政府", "国家", "党", "我们党", "中央", "党中央", "国务院",
                    "中国政府", "中国共产党", "我党", "本届政府", "全党", "各级政府", "中共中央", "中方",
                    "我们国家", "人民政府", "咱们", "我省", "我市", "省委", "省政府", "市委", "市政府"})
#: Collective addressees of an exhortation (全党同志和全国各族人民，紧密团结在党中央周围，…！).
ADDRESSEES = frozenset({"全党", "全党同志", "全国人民", "全国各族人民", "全军", "全军指战员", "同志们", "全体党员",
                        "全体共产党员", "共产党员们", "青年们", "朋友们", "全国各族人民和全党同志", "全体中华儿女",
                        "海内外中华儿女", "广大青年", "全国同胞"})
#: Words before 将 that make it a prediction (还将, 必将, 即将 are single jieba words too).
PREDICTION_BEFORE_WILL = frozenset({"还", "必", "也", "即", "终", "都", "仍", "势必", "必然", "一定", "终将"})

#: Verbs jieba often tags otherwise (a, n, ad, d, j, nr ...); a word tagged v* is a verb anyway.
VERBS = frozenset((
    "健全 团结 尊重 落实 深化 牢记 铭记 关心 利用 动员 总结 战胜 弘扬 拓宽 精简 充实 普及 清理 力求 立足 放眼 "
    "着眼 完善 巩固 发扬 发挥 推动 推进 加强 加快 实施 坚持 强化 优化 提升 提高 扩大 建设 打造 培育 发展 促进 "
    "构建 构筑 抓好 抓住 把握 推行 做好 用好 保障 确保 维护 防范 化解 支持 鼓励 引导 规范 改善 改进 创新 探索 "
    "拓展 开展 组织 统筹 协调 贯彻 学习 宣传 聚焦 争取 增强 降低 减少 保持 守住 筑牢 压实 夯实 激发 释放 助力 "
    "带动 实现 形成 加大 树立 营造 凝聚 培养 保护 治理 整治 补齐 加速 抓紧 领导 依靠 反对 批判 揭发 粉碎 "
    "肃清 打倒 消灭 克服 纠正 防止 警惕 保卫 支援 执行 掌握 改造 整顿 清查 提倡 推广 节约 注意 搞好 搞 抓 "
    "办好 选准 做到 惩处 严惩 打击 取缔 整合 调整 调动 运用 营建 兴办 举办 开辟 开拓 开创 健全 精兵简政 "
    "依法治国 从严治党 繁荣 壮大 丰富 畅通 密切 端正 严肃 活跃 统一 明确 稳定 纯洁 便利 深入 "
    "解放 解放思想 实事求是 坚定 抵制 反腐 惩治 遏制 遵守 服从 服务 爱护 关怀 照顾 帮助 教育 团结起来 "
    "动员起来 组织起来 加以 予以 进行 实行 承担 履行 落地 配合 推出 修订 制定 制订 颁布 出台 研究 讨论 "
    "审议 通过 选举 建立 建成 完成 发动 依靠 吸收 吸取 借鉴 引进 输出 扶持 扶贫 脱贫 保证 注重 重视 "
    "关注 正视 面对 应对 处理 解决 破除 消除 革除 打破 突破 冲破 废除 撤销 精简 合并 下放 简化 放宽 "
    "严格 严明 严守 严防 筑 放 摆 摆在 放在 放到 高举 捍卫 坚守 恪守 传承 继承 发掘 挖掘 宣传 教育 "
    "普及 培训 选拔 任用 考核 监督 检查 督促 推荐 表彰 奖励 惩戒 问责 追究 运用 培育 营造 创造 联系 致力于 着眼于 "
    "创建 培植 开发 保卫 宣扬 倡导 践行 推广 领会 珍惜 治党 治国 治军 办事 分工"
).split())
#: Adjectives that are verbs with an object (稳定物价, 繁荣经济, 密切党群关系); without one they are not.
ADJECTIVE_VERBS = frozenset("繁荣 壮大 丰富 畅通 密切 端正 严肃 活跃 统一 明确 稳定 纯洁 便利 健全 完善 "
                            "坚定 严格 严明 深入 巩固 强大 扩大 团结 充实 规范".split())
#: Adverbs (and adverbial words jieba tags a, n, b ...) stepped over between a marker and its verb.
ADVERBS = frozenset((
    "充分 切实 大力 全面 认真 严格 积极 努力 坚决 深入 广泛 紧紧 牢牢 牢固 高度 正确 密切 逐步 不断 始终 "
    "进一步 自觉 明确 彻底 紧密 合理 依法 十分 大胆 严肃 扎实 扎扎实实 稳步 统筹 着重 加紧 抓紧 尽快 "
    "及时 更加 更好 更 再 还 也 都 就 又 才 仍 仍然 主动 有效 有序 稳妥 重点 优先 共同 一道 一起 相互 互相 "
    "坚定 坚定不移 毫不动摇 始终不渝 一如既往 全心全意 千方百计 满腔热情 诚心诚意 坚持不懈 锲而不舍 "
    "旗帜鲜明 脚踏实地 特别 尤其 切切实实 踏踏实实 认认真真 老老实实 真正 真心 尽力 尽量 普遍 大规模 "
    "有计划 有步骤 有重点 有选择 分批 分期 逐一 一律 长期 永远 时刻 经常 常 首先 善于 敢于 勇于 务 "
    "基本 热情 妥善 很好 好好 深刻 准确 科学 系统 统一 集中 协同 一体 精准 高效 稳 早 迅速 尽早 加速 同步 不折不扣 "
    "雷厉风行 齐心协力 同心同德 一心一意 持续 长期 历来 一贯 大大 更为 越来越 日益 逐渐 清醒 "
    "深深 真抓实干 埋头苦干 艰苦奋斗 谦虚谨慎 戒骄戒躁 同时 今后 从严 严 好 多 少 努力 最 一定 必须 务必 倍加 "
    "完整 准确"
).split()) - {"必须", "务必", "一定"}
#: Words that are adverbial before another verb (全面加强, 协调推进, 统筹推进) and verbs otherwise.
ADVERB_OR_VERB = frozenset("胜利 全面 协调 统筹 集中 严格 深入 坚定 密切 规范 积极 重点 统一 依法 主动 大胆 "
                           "持续 加紧 抓紧 加速 系统 科学 充分 合理 广泛".split())
#: Light and aspectual verbs: the verb after them counts (着力提升 -> 提升; 进一步加强 -> 加强).
LIGHT = frozenset("着力 努力 致力于 致力 继续 进一步 力求 善于 敢于 勇于 注意 着重 重在 坚持不懈地 开始 去 来 "
                  "设法 尽力 力图 争取做到 切实做到".split()) - {"注意"}
#: Light verbs that give way only to a bare verb right after them (进行改革 -> 改革; 进行一系列建设 -> 进行).
LIGHT_BEFORE_BARE = frozenset("进行 加以 予以 给予 给以 作出 做出 实行 开展".split()) - {"实行", "开展"}
#: The verbs of a 把 construction (把…作为…, 把…落实到…): the verb after the object, whatever the object holds.
BA_VERBS = frozenset("作为 当作 当成 看作 看成 视为 列为 放在 摆在 放到 摆到 落实到 纳入 变为 变成 转化为 转变为 "
                     "建设成 建设成为 建成 贯彻到 贯穿 贯穿于 融入 统一于 结合起来 统一起来 联系起来".split())
#: Prepositions and coverbs whose phrase is stepped over before the verb (以更大的力度推进 -> 推进).
PREPOSITIONS = frozenset("以 把 将 对 对于 在 同 与 跟 向 从 自 由 为 根据 按 按照 依照 遵照 依据 通过 围绕 就 针对 "
                         "本着 沿着 顺着 经过 用 凭 凭借 基于 随着 关于 至于 除了 于 朝 朝着 当 趁 借助 "
                         "依托 结合 作为".split()) - {"结合"}
#: Localizers that close a 在 / 从 / 于 phrase (在…方面, 在…的基础上, 从…出发).
LOCALIZERS = frozenset("上 中 下 里 内 外 方面 之下 之上 之中 之间 之内 以来 时 期间 前提下 基础上 同时 过程 "
                       "过程中 当中 之际 条件下 背景下 前 后 以后 以前 之前 之后 出发 领导下 情况下 范围内 "
                       "领域 之外 中间 为止 开始 起".split())
#: Purpose and result words: the clause they open is not a directive (以便 / 为了 / 从而 + V).
PURPOSE = frozenset("以便 以利于 以期 为了 为 从而 进而 借以 用以 以求 旨在 以免 以防 以致 由此 以 去 好让 便于".split())
#: Causatives that open a result clause after a comma (…，让人民吃得放心; …，使…).
RESULT = frozenset("让 使 使得 令 致使 促使".split())
#: Conjunctions that coordinate two verbs (建立和完善) or, clause-initially, two verb phrases (并).
COORDINATORS = frozenset("和 及 与 或 或者 并 并且 以及 而且 又".split())
#: Connectives stepped over at the start of a clause.
CLAUSE_CONNECTIVES = frozenset("但 但是 然而 可是 不过 并 并且 而且 同时 此外 另外 还 也 又 既 更 然后 进而 特别是 尤其是 总之 因此 "
                               "所以 为此 对此 据此 首先 其次 再次 最后 第一 第二 第三 第四 第五 第六 第七 "
                               "第八 第九 第十 今后 当前 目前 现在 今年 明年 当今 新时代 新形势下".split())
#: Enumerators of a task list: 一是 / 二是 ... (jieba keeps them as one word or as 一 + 是).
ENUMERATORS = frozenset(f"{n}是" for n in "一二三四五六七八九十")
#: Words before 是 that open a list of tasks or principles (主要任务是，完善……; 这就是：……).
LIST_OPENERS = ("主要", "任务", "原则", "方针", "要求", "重点", "关键", "根本", "办法", "途径", "措施", "方向",
                "这就", "就", "首要", "根本的", "当务之急", "总的要求", "目标")
#: Adverbs of a description (已经实施, 曾经提出, 始终坚持): the clause reports, it does not prescribe.
DESCRIPTION_ADVERBS = frozenset("已 已经 曾 曾经 正在 正 先后 相继 一直 始终 历来 向来 从来 早已 业已 已然 "
                                "都已 均已 终于 必将 还将 即将 将会 终将 势必 必然".split())
#: Verbs of the speaker's own speech (应当指出, 必须看到): a discourse marker, not a directive.
DISCOURSE_VERBS = frozenset("指出 看到 说 讲 讲一讲 说一说 承认 说明 强调 谈谈 谈 提到 看出 认为 说是".split())
#: Words never counted as a verb (copulas, modals, the markers themselves).
NOT_VERBS = frozenset("还有 无产 是 为 有所 可以 能 能够 会 可 得 应 要 需 该 将 把 被 叫 在 于 就是 乃是 属于 是否 "
                      "成为的 像 如 等 等于".split()) - {"成为的"}
#: Complements stripped from a verb's lemma (团结起来 -> 团结, 放在 -> 放, 建设成 -> 建设).
COMPLEMENTS = ("起来", "出来", "下去", "下来", "上来", "过来", "进来", "起", "在", "成", "到", "于", "给", "好")
#: Words kept whole although they end like a complement (lexicalised resultatives, 于-verbs).
KEEP_WHOLE = frozenset("做到 达到 得到 受到 看到 遇到 感到 认识到 意识到 办好 做好 搞好 抓好 用好 管好 建好 "
                       "选好 走好 开好 守好 有利于 在于 属于 等于 对于 关于 由于 善于 敢于 勇于 便于 利于 处于 "
                       "致力于 着眼于 立足于 形成 完成 建成 促成 造成 组成 构成 达成 养成 变成 赞成 现在 存在 "
                       "实在 自在 旨在 重在 贵在 不在 正在 提起 发起 兴起 崛起 引起 唤起 担起 一起 想起 "
                       "看起来 起来 出来 下去 做好准备".split())
#: Pronouns of an exhortation: 让我们 + V.
EXHORTATION_PRONOUNS = frozenset({"我们", "咱们"})
#: Quotation marks (read through: a marked directive inside a quotation counts).
QUOTES = frozenset("“”‘’「」『』\"'")
