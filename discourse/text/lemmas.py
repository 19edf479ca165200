"""Rule-based English lemmas: irregular verbs, verb suffixes, plural nouns.

No WordNet data is available offline, so lemmas come from three sources:

1. a table of about 160 irregular verbs (``took`` -> ``take``, ``held`` -> ``hold``, ``is`` -> ``be``);
2. suffix rules for ``-ing``, ``-ed``, ``-es``, ``-s`` and ``-ies`` with consonant undoubling
   (``stopped`` -> ``stop``) and ``e`` restoration (``optimizing`` -> ``optimize``); when a rule has
   several candidates, the one that the bundled Pattern lexicon (TextBlob's ``en-lexicon.txt``) knows
   as a base verb wins, and spelling heuristics decide otherwise;
3. :func:`textblob.en.inflect.singularize` for common plural nouns.

Every other part of speech keeps its lower-cased form as lemma.
"""
from __future__ import annotations

from functools import lru_cache

from textblob.en import lexicon as _textblob_lexicon
from textblob.en.inflect import singularize as _singularize

from discourse.errors import ParameterError

# base: inflected forms (past, past participle and other irregular forms), space separated.
_IRREGULAR_SOURCE = """
be: am is are was were been being 's 're 'm
have: has had having 've
do: does did done doing
go: goes went gone
make: made
take: took taken
give: gave given
hold: held
build: built
lead: led
say: said
see: saw seen
come: came
get: got gotten
know: knew known
think: thought
find: found
tell: told
become: became
leave: left
feel: felt
bring: brought
begin: began begun
keep: kept
write: wrote written
stand: stood
hear: heard
let: let
mean: meant
set: set
meet: met
run: ran
pay: paid
sit: sat
speak: spoke spoken
lie: lay lain lying
die: dying
tie: tying
vie: vying
grow: grew grown
lose: lost
fall: fell fallen
send: sent
spend: spent
rise: rose risen
drive: drove driven
buy: bought
wear: wore worn
choose: chose chosen
seek: sought
throw: threw thrown
catch: caught
deal: dealt
win: won
forget: forgot forgotten
lay: laid
sell: sold
fight: fought
eat: ate eaten
draw: drew drawn
break: broke broken
understand: understood
undertake: undertook undertaken
overtake: overtook overtaken
withdraw: withdrew withdrawn
arise: arose arisen
shake: shook shaken
ride: rode ridden
bear: bore borne born
beat: beaten
bind: bound
bite: bit bitten
blow: blew blown
bend: bent
bleed: bled
breed: bred
burn: burnt
cling: clung
creep: crept
dig: dug
drink: drank drunk
feed: fed
flee: fled
fly: flew flown
forbid: forbade forbidden
forgive: forgave forgiven
foresee: foresaw foreseen
freeze: froze frozen
hang: hung
hide: hid hidden
hit: hit
hurt: hurt
kneel: knelt
lend: lent
light: lit
mislead: misled
overcome: overcame
oversee: oversaw overseen
put: put
quit: quit
read: read
ring: rang rung
seek: sought
shine: shone
shoot: shot
show: shown
shrink: shrank shrunk
shut: shut
sing: sang sung
sink: sank sunk
slide: slid
sling: slung
spin: spun
split: split
spread: spread
spring: sprang sprung
steal: stole stolen
stick: stuck
sting: stung
strike: struck stricken
strive: strove striven
swear: swore sworn
sweep: swept
swim: swam swum
swing: swung
teach: taught
tear: tore torn
wake: woke woken
weave: wove woven
weep: wept
wind: wound
uphold: upheld
withhold: withheld
withstand: withstood
rebuild: rebuilt
rethink: rethought
retell: retold
rewrite: rewrote rewritten
undergo: underwent undergone
underlie: underlay underlain
upset: upset
cost: cost
cut: cut
shed: shed
broadcast: broadcast
forecast: forecast
outdo: outdid outdone
outgrow: outgrew outgrown
dwell: dwelt
leap: leapt
spell: spelt
spill: spilt
spoil: spoilt
misunderstand: misunderstood
partake: partook partaken
befall: befell befallen
behold: beheld
beget: begot begotten
forsake: forsook forsaken
inlay: inlaid
offset: offset
overhear: overheard
override: overrode overridden
overrun: overran
overthrow: overthrew overthrown
can: could ca
will: would wo 'll
shall: should
may: might
"""


def _parse_irregular(source: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in source.strip().splitlines():
        base, _, forms = line.partition(":")
        base = base.strip()
        table.setdefault(base, base)
        for form in forms.split():
            table.setdefault(form, base)
    return table


IRREGULAR_VERBS: dict[str, str] = _parse_irregular(_IRREGULAR_SOURCE)
"""Irregular verb forms (lower case) mapped to their base form, bases included."""

# Modal forms keep their own lemma: "should" stays "should" (it is not the past of "shall" in
# policy prose), "could"/"would"/"might" likewise. Only the clitic spellings are expanded.
_MODAL_LEMMA = {"ca": "can", "wo": "will", "'ll": "will", "'d": "would", "n't": "not"}

_OTHER_LEMMA = {"n't": "not", "'re": "be", "'m": "be", "'ve": "have", "'ll": "will"}

_VOWELS = frozenset("aeiou")
# Doubled final consonants that belong to the base form ("installed" -> install, "passed" -> pass).
_KEEP_DOUBLE = frozenset("lsfz")
# Stem endings that are followed by a silent "e" in the base form when the lexicon cannot decide.
_E_ENDINGS = ("iz", "yz", "is", "at", "bl", "dg", "rg", "uc", "v", "ur", "ag", "ang", "nc", "rs", "ps",
              "ys", "ud", "id", "ut", "it", "ot", "om", "ib", "ov", "ir", "ar", "as", "us", "os", "rc",
              "ic", "ec", "ac", "il")


@lru_cache(maxsize=1)
def pattern_lexicon() -> dict[str, str]:
    """The Pattern (Brill) lexicon bundled with TextBlob as a plain dict: word -> most frequent tag."""
    return dict(_textblob_lexicon.items())


@lru_cache(maxsize=1)
def base_verbs() -> frozenset[str]:
    """Words the Pattern lexicon tags VB or VBP, plus the irregular bases."""
    bases = {w for w, t in pattern_lexicon().items() if t in ("VB", "VBP") and w.isalpha() and w.islower()}
    bases.update(IRREGULAR_VERBS.values())
    return frozenset(bases)


def is_base_verb(word: str) -> bool:
    """Return True if ``word`` (lower case) is a base verb known to the lexicon or irregular table."""
    return word in base_verbs()


def _known_base(word: str) -> bool:
    """A base verb of the lexicon, in American or British spelling ("emphasise" for "emphasize")."""
    known = base_verbs()
    return word in known or (word.endswith(("ise", "yse")) and word[:-2] + "ze" in known)


def _pick(candidates: list[str]) -> str:
    """Choose among candidate bases: a known base verb first, then any word the lexicon knows
    (``visit`` is tagged NN there, but ``visite`` is unknown), else the heuristic first choice."""
    for cand in candidates:
        if _known_base(cand):
            return cand
    lexicon = pattern_lexicon()
    for cand in candidates:
        if cand in lexicon:
            return cand
    return candidates[0]


def _stem_candidates(stem: str) -> list[str]:
    """Candidate bases for the stem left after removing ``-ed`` or ``-ing``, best guess first."""
    if not stem:
        return [stem]
    cands: list[str] = []
    doubled = len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS
    if doubled and stem[-1] not in _KEEP_DOUBLE:
        cands.append(stem[:-1])            # stopped -> stop
    if stem.endswith(_E_ENDINGS) or (len(stem) <= 3 and stem[-1] not in _VOWELS and stem[-2:-1] in _VOWELS
                                     and len(stem) >= 2 and stem[-1] not in "wxy"):
        cands.append(stem + "e")           # optimiz -> optimize, hop -> hope (lexicon decides)
    cands.append(stem)                     # implement, strengthen
    if stem + "e" not in cands:
        cands.append(stem + "e")
    if doubled and stem[:-1] not in cands:
        cands.append(stem[:-1])
    # The heuristic order only matters when none is known; prefer a known one in any position.
    return cands


def _verb_lemma(w: str) -> str:
    if w == "'d":
        return "have"                      # "they'd gone": a tagged VBD clitic is "had"
    if w in IRREGULAR_VERBS:
        return IRREGULAR_VERBS[w]
    if w in _MODAL_LEMMA:
        return _MODAL_LEMMA[w]
    if len(w) > 4 and w.endswith("ied"):
        return w[:-3] + "y"                # carried -> carry
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"                # carries -> carry
    if w.endswith("ing") and len(w) > 4:
        if w.endswith("ying") and len(w) > 5:
            return _pick([w[:-4] + "ie", w[:-3]])   # dying -> die, carrying -> carry
        return _pick(_stem_candidates(w[:-3]))
    if w.endswith("ed") and len(w) > 3:
        if w.endswith("eed"):
            return w[:-1] if w[:-1] in base_verbs() else w   # agreed -> agree; need, proceed
        if w.endswith("ed") and w[:-1] in base_verbs() and w[:-2] not in base_verbs():
            return w[:-1]                  # agreed -> agree, expedited handled below
        return _pick(_stem_candidates(w[:-2]))
    if w.endswith("s") and len(w) > 2 and not w.endswith(("ss", "us", "is")):
        if w.endswith(("ches", "shes", "sses", "xes", "zzes", "oes")):
            return _pick([w[:-2], w[:-1]])  # pushes -> push, addresses -> address
        if w.endswith("ses") or w.endswith("zes"):
            return _pick([w[:-1], w[:-2]])  # uses -> use, focuses -> focus, emphasises -> emphasise
        return w[:-1]
    return w


def _base_form(w: str) -> str:
    """Lemma of a word tagged as a base form (VB, VBP): itself, unless irregular ("are" -> "be")."""
    if w in IRREGULAR_VERBS:
        return IRREGULAR_VERBS[w]
    return _MODAL_LEMMA.get(w, w)


# Plurals that are their own lemma in policy prose, or that the generic rules get wrong.
_NOUN_LEMMA = {
    "data": "data", "people": "people", "goods": "goods", "means": "means", "news": "news",
    "economics": "economics", "politics": "politics", "statistics": "statistics", "arms": "arms",
    "physics": "physics", "mathematics": "mathematics", "media": "media", "bases": "base",
    "criteria": "criterion", "phenomena": "phenomenon", "series": "series", "species": "species",
    "headquarters": "headquarters", "affairs": "affairs", "outskirts": "outskirts",
    "uses": "use", "abuses": "abuse", "excuses": "excuse", "fuses": "fuse", "muses": "muse",
}


def _noun_lemma(w: str) -> str:
    if w in _NOUN_LEMMA:
        return _NOUN_LEMMA[w]
    if len(w) <= 3 or w.endswith(("ss", "is")) or (w.endswith("us") and not w.endswith("uses")):
        return w
    if w.endswith(("ouses", "auses")):
        return w[:-1]                      # houses -> house, causes -> cause
    if w.endswith(("xes", "ches", "shes", "sses", "zzes", "uses")):
        return w[:-2]                      # taxes -> tax, businesses -> business, buses -> bus
    single = _singularize(w)
    return single.lower() if single else w


@lru_cache(maxsize=200_000)
def lemmatize(word: str, pos: str) -> str:
    """Return the lemma of an English ``word`` given its Penn Treebank ``pos`` tag.

    Parameters
    ----------
    word : str
        The word as it appears in the text (any case).
    pos : str
        Its Penn Treebank tag (``VBD``, ``NNS``, ...); inflected verbs (``VBD``, ``VBN``, ``VBG``,
        ``VBZ``) and modals (``MD``) are reduced to their base form, common plural nouns (``NNS``) to
        the singular. A base-form tag (``VB``, ``VBP``) keeps the word ("focus", "address"), except
        irregular forms ("are" -> "be"). Proper nouns and every other tag keep the lower-cased word.

    Returns
    -------
    str
        The lower-cased lemma, e.g. ``lemmatize("strengthening", "VBG") == "strengthen"``,
        ``lemmatize("policies", "NNS") == "policy"``, ``lemmatize("Held", "VBD") == "hold"``.
    """
    if not isinstance(word, str) or not isinstance(pos, str):
        raise ParameterError(f"word and pos must be str, got word={word!r}, pos={pos!r}")
    w = word.lower()
    if pos in ("VB", "VBP"):
        return _base_form(w)               # "focus", "address", "bus" are base forms already
    if pos.startswith("VB"):
        return _verb_lemma(w)
    if pos == "MD":
        return _MODAL_LEMMA.get(w, w)
    if pos == "NNS":
        return _noun_lemma(w)
    return _OTHER_LEMMA.get(w, w)
