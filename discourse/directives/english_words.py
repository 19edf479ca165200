"""The word lists behind the English directive rules of :mod:`discourse.directives_en`.

Closed classes the rules test tokens against: forms of "be", modals and deontic adjectives with their
category, reporting and urging verbs, the nouns and light verbs of effort constructions ("make efforts to"),
catenative verbs ("continue to"), subjects that make a commitment, subordinators and the word sequences that
end a directive's scope (a purpose clause, a colon). Lower-case words, compared with lower-cased tokens;
``OBJECT_TAGS`` are Penn tags.
"""
from __future__ import annotations

__all__ = ["LET_US_DISCOURSE", "PROPOSE", "NEGATIONS", "DISCOURSE_VERBS", "EVENT_VERBS", "HYPOTHETICAL",
           "PLACEHOLDER_NOUNS", "PLACEHOLDER_VERBS", "BE", "PRESENT_BE", "ADVERB_WORDS", "ADVERB_PHRASES",
           "DEONTIC_ADJ", "MODAL_CATEGORY", "REPORT_NEED", "URGE", "EFFORT_NOUNS", "REQUIREMENT_NOUNS",
           "LIGHT_ACTIVE", "LIGHT_PASSIVE", "EFFORT_PARTICIPLES", "CATENATIVE", "INTRANSITIVE_CATENATIVE",
           "DUTY_FRAMES", "FIRST_PERSON", "NOMINATIVE", "NOTING", "INSTITUTIONS", "SUBORDINATORS", "HARD_STOPS",
           "ENUMERATORS", "OBJECT_TAGS", "PARTICLES", "MODAL_TRIGGERS", "HOPE_TRIGGERS", "NEED_TRIGGERS",
           "DUTY_TRIGGERS", "CONSTRUCTION_TRIGGERS", "STOPS_BY_FIRST"]

#: Forms of "be" (never a governed verb; a passive is "be" + participle).
BE = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m"})
#: Present forms of "be" (and its copular kin) in "it is essential to".
PRESENT_BE = frozenset({"is", "'s", "are", "remains", "remain", "becomes", "be"})
#: Words stepped over like adverbs between a trigger and its verb.
ADVERB_WORDS = frozenset({"further", "also", "still", "not", "never", "always", "better", "faster",
                          "more", "jointly", "together", "all", "both", "firmly", "really", "truly", "hard"})
#: Two-word adverbials stepped over like adverbs ("let us at least agree").
ADVERB_PHRASES = frozenset({("at", "least"), ("at", "last"), ("at", "once"), ("once", "again"), ("once", "more"),
                            ("in", "turn")})
#: Adjectives of "it is ADJ to" / "it is ADJ that", with the category they give.
DEONTIC_ADJ = {"essential": "obligation", "necessary": "obligation", "imperative": "obligation",
               "crucial": "obligation", "vital": "obligation", "critical": "obligation",
               "indispensable": "obligation", "important": "recommendation",
               "advisable": "recommendation", "desirable": "recommendation"}
#: Deontic modals and the category of the verb they govern.
MODAL_CATEGORY = {"must": "obligation", "should": "recommendation", "ought": "recommendation",
                  "shall": "obligation"}
#: Reporting verbs whose "the need to" / "that ... should" complement is a directive.
REPORT_NEED = frozenset({"emphasize", "emphasise", "stress", "underscore", "underline", "highlight",
                         "reiterate", "point", "note", "call", "state", "say", "stipulate",
                         "demand", "urge", "require", "request", "mention", "express"})
#: Verbs that ask someone else to act ("urged departments to", "plead with the House to").
URGE = frozenset({"urge", "ask", "request", "require", "demand", "instruct", "encourage", "exhort",
                  "order", "call", "direct", "plead", "implore", "beseech", "appeal", "challenge", "tell"})
#: Verbs of a proposal: "I propose improving X", "I recommend that the Congress enact" (reported).
PROPOSE = frozenset({"propose", "proposes", "proposed", "recommend", "recommends", "recommended", "suggest",
                     "suggests", "suggested", "urge", "urges", "urged", "ask", "asks", "asked", "request",
                     "requests", "requested", "insist", "insists", "demand", "demands"})
#: Negations that turn a deontic modal into a prohibition ("must not", "should never").
NEGATIONS = frozenset({"not", "n't", "never"})
#: Verbs of the speaker's own discourse: "Let me explain", "I should add", "let us turn to" are discourse
#: markers, not directives.
DISCOURSE_VERBS = frozenset({"say", "speak", "talk", "explain", "add", "mention", "emphasize", "emphasise",
                             "stress", "repeat", "summarize", "summarise", "conclude", "turn", "begin", "note",
                             "point", "put", "give", "illustrate", "cite", "quote", "read", "describe",
                             "outline", "remark", "report", "tell", "express", "confess", "admit", "state",
                             "make", "offer", "share", "close", "end", "start", "speak", "touch", "dwell",
                             "digress", "pause", "ask", "thank", "review", "refer", "recall", "take"})
#: Verbs after "let us" that make it a discourse marker ("let us turn to", "let us say"): the speaker's own
#: discourse, not an exhortation.
LET_US_DISCOURSE = frozenset({"say", "speak", "talk", "explain", "add", "mention", "emphasize", "emphasise",
                              "stress", "repeat", "summarize", "summarise", "conclude", "note", "illustrate",
                              "cite", "quote", "describe", "outline", "remark", "digress", "pause", "suppose",
                              "assume"})
#: Verbs that, intransitive after "should" or "shall", predict a course of events rather than prescribe
#: one ("Prices should settle once supply recovers", "freedom shall survive").
EVENT_VERBS = frozenset({"settle", "adjust", "recover", "rebound", "stabilize", "stabilise", "ease", "decline",
                         "fall", "rise", "grow", "increase", "decrease", "drop", "pick", "return", "improve",
                         "reach", "remain", "last", "come", "arrive", "result", "follow", "occur", "happen",
                         "exceed", "total", "amount", "average", "survive", "succeed", "prevail", "endure",
                         "perish", "fail", "triumph", "flourish", "thrive", "prosper", "die", "live", "emerge",
                         "appear", "expire", "begin", "end", "pass", "prove", "turn", "change", "vanish", "disappear",
                         "subside", "level", "peak", "slow", "accelerate", "expand", "contract", "balance"})
#: Words that open a hypothetical clause: a modal inside it is not deontic ("if we should ever lose sight").
HYPOTHETICAL = frozenset({"if", "unless", "lest", "whether", "though", "although", "suppose", "supposing",
                          "provided"})
#: Nouns of a placeholder line standing for a table or a document ("Please refer to Hansard document.").
PLACEHOLDER_NOUNS = frozenset({"hansard", "document", "documents", "table", "tables", "annex", "annexure",
                               "appendix", "appendices", "attachment", "attachments", "chart", "charts",
                               "figure", "figures", "page", "pages", "schedule", "website", "link", "above",
                               "below", "overleaf", "statement", "statements", "exhibit", "graph", "box",
                               "footnote", "note", "notes", "annexe", "volume", "report", "supplement"})
#: Verbs of a placeholder or cross-reference ("see Table 3", "refer to Annex B").
PLACEHOLDER_VERBS = frozenset({"refer", "see", "consult", "view", "click", "note", "check", "find"})
#: Nouns of effort ("efforts to", "steps will be taken to").
EFFORT_NOUNS = frozenset({"effort", "efforts", "work", "step", "steps", "measure", "measures",
                          "initiative", "initiatives", "action", "actions", "attempt", "attempts",
                          "implementation", "preparation", "preparations", "arrangements"})
#: Nouns that carry a requirement ("the requirement to").
REQUIREMENT_NOUNS = frozenset({"requirement", "requirements", "demand", "demands", "call", "calls",
                               "request", "requests", "instruction", "instructions"})
#: Light verbs of an active effort construction ("make efforts to", "step up efforts to").
LIGHT_ACTIVE = frozenset({"make", "take", "exert", "do", "undertake", "put", "spare", "step", "ramp",
                          "redouble", "intensify", "enhance", "strengthen", "increase", "double",
                          "scale", "concentrate", "pool", "devote", "channel", "direct", "focus"})
#: Light verbs of a passive effort construction ("efforts will be made to").
LIGHT_PASSIVE = frozenset({"make", "do", "take", "undertake", "pay", "give", "exert", "devote",
                           "direct", "channel"})
#: Participles of "efforts will be stepped up to".
EFFORT_PARTICIPLES = frozenset({"accelerate", "step", "ramp", "intensify", "redouble", "focus",
                                "concentrate", "strengthen", "enhance", "increase", "double"})
#: Verbs that pass the directive on to their infinitive ("continue to deepen").
CATENATIVE = frozenset({"continue", "strive", "endeavour", "endeavor", "seek", "try", "aim",
                        "move", "work", "persist", "commit", "keep", "proceed"})
#: Catenatives that take no object: a short phrase may stand before their "to" ("strive in good faith to").
INTRANSITIVE_CATENATIVE = frozenset({"strive", "endeavour", "endeavor", "aim", "persist", "proceed", "work"})
#: Verbs of an empty duty frame: "I shall deem it my duty to convene" counts convene.
DUTY_FRAMES = frozenset({"deem", "consider", "feel", "think", "hold", "regard"})
#: First-person subjects (a commitment: "we will").
FIRST_PERSON = frozenset({"we", "i", "our", "my"})
#: Verbs of "it should be noted / remembered / understood that": a discourse frame, not a passive directive
#: ("it should be so conducted that all the world may see" is one).
NOTING = frozenset({"note", "notice", "say", "stress", "emphasize", "emphasise", "remember", "understand",
                    "recognize", "recognise", "point", "observe", "add", "mention", "recall", "realize", "realise",
                    "admit", "acknowledge", "state", "report", "remark", "know", "bear", "keep", "feel", "forget",
                    "recollect", "emphasize", "borne"})
#: Subject pronouns.
NOMINATIVE = frozenset({"we", "they", "he", "she", "i", "you"})
#: Head nouns of an institutional subject ("the provincial government will").
INSTITUTIONS = frozenset({"government", "governments", "ministry", "department", "departments",
                          "province", "city", "county", "municipality", "bureau", "committee",
                          "commission", "council", "office", "administration", "authority",
                          "authorities", "party", "state", "nation", "country", "congress", "agency",
                          "agencies", "team", "group", "conference", "meeting", "people", "secretary",
                          "corporation", "board", "service"})
#: Words that open a subordinate clause (its verbs are outside the scope).
SUBORDINATORS = frozenset({"that", "which", "who", "whom", "whose", "where", "when", "while",
                           "whereas", "because", "if", "unless", "until", "although", "though",
                           "whereby", "once", "whether"})
#: Token sequences that end a directive's scope (purpose clauses, strong punctuation).
HARD_STOPS: tuple[tuple[str, ...], ...] = (
    ("so", "as", "to"), ("so", "that"), ("in", "order", "to"), ("in", "order", "that"),
    ("aiming", "to"), ("aiming", "at"), ("aimed", "at"), ("in", "a", "bid", "to"),
    ("with", "a", "view", "to"), ("with", "the", "aim", "of"), ("thus",), ("thereby",), ("hence",),
    (";",), (":",), (".",), ("!",), ("?",))
#: Sentence-initial enumerators and connectives stepped over before an imperative.
ENUMERATORS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "firstly",
                         "secondly", "thirdly", "finally", "lastly", "meanwhile", "moreover",
                         "furthermore", "additionally", "also", "then", "next", "now", "besides"})
#: Penn tags that may open the object of a verb.
OBJECT_TAGS = frozenset({"DT", "PDT", "PRP$", "PRP", "JJ", "JJR", "JJS", "CD", "NNP", "NNPS", "RP"})
#: Particles and prepositions that may follow a verb ("step up", "carry out").
PARTICLES = frozenset({"up", "out", "on", "forth", "forward", "ahead", "off", "down", "in", "into",
                       "for"})

# --- gates: words without which a rule of :mod:`discourse.directives_en` cannot fire ------------------------
#: The modal rule reads only these words (the triggers it tests, one branch each).
MODAL_TRIGGERS = frozenset(MODAL_CATEGORY) | {"need", "needs", "have", "has", "will", "'ll", "strive", "strives",
                                              "aim", "aims", "propose", "proposes", "intend", "intends",
                                              "determined"}
#: The "it is hoped" rule ("it is hoped that", "we hope").
HOPE_TRIGGERS = frozenset({"hoped", "hope"})
#: The "the need to" rule.
NEED_TRIGGERS = frozenset({"need", "needs"})
#: The duty rule ("the obligation to V", "our duty is to V").
DUTY_TRIGGERS = frozenset({"obligation", "duty"})
#: The construction rule ("it is ADJ to", "be required to", "requirements were made to").
CONSTRUCTION_TRIGGERS = frozenset(DEONTIC_ADJ) | {"required", "obliged", "obligated", "made"}
#: ``HARD_STOPS`` indexed by their first word.
STOPS_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {
    first: tuple(seq for seq in HARD_STOPS if seq[0] == first) for first in dict.fromkeys(s[0] for s in HARD_STOPS)}
