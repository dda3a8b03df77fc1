"""Noticing words that suggest thoughts of suicide or self-harm, so that Earned can offer the
safety plan and crisis lines, calmly, after something is saved. Pure functions; no Django.

How it reads, step by step (docs/safety.md says the same in plain words):

1. The text is read as people write it: lower case, straight apostrophes, missing apostrophes
   put back ("dont", "im"), texting words opened out ("wanna", "kms", "unalive"), and a few
   misspellings of the words that matter ("suicde", "kil") corrected.
2. It looks for expressions we keep, grouped under the headings clinicians use when they ask
   about suicide (PHRASES): a wish to be dead or not to wake up; thoughts of killing oneself;
   a method or the means; a plan or a time; intent; preparing; acts of self-harm; and the
   indirect ways ("they'd be better off without me", "what is the point of living").
3. Each one found is left aside when, in its own clause, the person says they will not or do
   not (a negation just before it); when it is clearly long past ("when I was a teenager",
   "years ago") and nothing says it is recent again; when it is someone else's (another person
   is the one it is about, or it sits in quotation marks that someone else said or sang);
   when it is a reported question ("my therapist asked whether…"); when it is said laughing
   ("lol"), unless the person adds they mean it; or when it is a known figure of speech
   ("I could kill myself for forgetting", "dead tired", "die of embarrassment"). Doubt keeps it
   ("I'm not sure I won't hurt myself").

What it cannot do, said plainly: it reads words, not meaning. It misses what is said in words
we have not listed, in other languages, or across several sentences, and it will sometimes
notice words used differently. It never diagnoses, never blocks saving and never sends anything
anywhere: it only decides whether to offer help. When in doubt, offering costs little.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

# --- Reading the text as people write it ------------------------------------------------------

SPELLINGS = {
    "dont": "don't", "cant": "can't", "wont": "won't", "im": "i'm", "ive": "i've",
    "didnt": "didn't", "wasnt": "wasn't", "isnt": "isn't", "shouldnt": "shouldn't",
    "wouldnt": "wouldn't", "couldnt": "couldn't", "doesnt": "doesn't", "havent": "haven't",
    "arent": "aren't", "werent": "weren't", "wanna": "want to", "gonna": "going to",
    "abt": "about", "wud": "would", "tmrw": "tomorrow", "anymor": "anymore", "noone": "no one",
    "kms": "kill myself", "unalive": "kill", "unaliving": "killing", "unalived": "killed",
    "suicde": "suicide", "sucide": "suicide", "suicdie": "suicide", "suiside": "suicide",
    "suicidle": "suicidal", "sucidal": "suicidal", "suicidel": "suicidal", "kil": "kill",
    "wnat": "want", "lfie": "life", "cuting": "cutting", "selfharm": "self-harm",
    "overdoze": "overdose", "myslef": "myself",
}  # fmt: skip
_MISWRITTEN = re.compile(r"\b(?:" + "|".join(SPELLINGS) + r")\b")
_SPOKEN = (
    (re.compile(r"\bmy self\b"), "myself"),
    (re.compile(r"\b(want|wanted|going|ready|need|have) (?:2|too) (die|live|end|kill|be)\b"),
     r"\1 to \2"),
    (re.compile(r"\bwant (?:to|too|2) dye(?=\s*(?:$|[.!?,;\n]|\s(?:rn|now|tbh|so)\b))"),
     "want to die"),
)  # fmt: skip


def _normal(text: str) -> str:
    lowered = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    lowered = _MISWRITTEN.sub(lambda word: SPELLINGS[word.group()], lowered)
    for pattern, replacement in _SPOKEN:
        lowered = pattern.sub(replacement, lowered)
    return lowered


# --- What it looks for ------------------------------------------------------------------------

# Where a clause ends: used after expressions that are everyday when more follows ("I can't
# go on a trip", "I ended things with Sam").
ENDS = r"(?=\s*(?:$|[.!?,;:)\n]|\band\b|\bbut\b|\bso\b|\bi\b|\bi'm\b|\brn\b|\btbh\b|\bfr\b))"
SELF_VERBS = (
    "kill|killing|killed|hang|hanging|hanged|drown|drowning|shoot|shooting|poison|poisoning|"
    "suffocate|suffocating|starve|starving|starved|hurt|hurting|harm|harming|harmed|cut|cutting|"
    "burn|burned|burnt|burning|punish|punishing|punished|hit|hitting|scratch|scratching|"
    "scratched|bite|biting|bit|stab|stabbing|strangle|strangling"
)
BODY = "arm|arms|leg|legs|wrist|wrists|skin|hand|hands|thigh|thighs|stomach|body"
MEANS = "pills?|tablets?|meds|medication|painkillers|paracetamol|bottle|packet|box"
PLACES = (
    "bridge|roof|building|balcony|cliff|train|tracks|traffic|bus|car|lorry|truck|wall|sea|"
    "river|window|ledge|motorway|road|one|it"
)
GONE = (
    r"(?:was |were )?(?:gone|dead)|died|disappeared|killed myself|(?:was|were)n't (?:here|around)"
    r"|(?:was|were) not (?:here|around)"
)
FIG_DIE = r"(?!\s+(?:of|from|laughing|happy|inside|for (?:a|some|the|it)|on the spot|alone|to\b))"
FIG_DEAD = (
    r"(?!\s+(?:tired|on my feet|to the world|serious|set|right|wrong|ahead|bored|certain|sure|"
    r"quiet|last|good|funny|easy|beat))"
)

PHRASES: dict[str, tuple[str, ...]] = {
    "wish to be dead": (
        rf"\b(?:want|wanted|wanting|wants|wish|wished|wishing|would like|'d like|like|hope|hoping"
        rf"|pray|praying|ready|deserve|need|needed|longing|long) (?:to )?(?:just |really |simply "
        rf"|so |honestly )?die\b{FIG_DIE}",
        rf"\bwant(?:ed|s|ing)? (?:to )?(?:just )?be dead\b{FIG_DEAD}",
        r"\b(?:rather|prefer to) (?:be dead|die) than (?:keep|go on|carry on|live|living|feel"
        r"|feeling|be alive|face|wake|this|do this|be here)",
        rf"\bwish(?:ed|ing)? (?:that )?i (?:was|were|could be) dead\b{FIG_DEAD}",
        r"\bwish(?:ed|ing)? (?:that )?i (?:was|were)(?:n't| not) (?:alive|here|around|born)\b",
        r"\bwish(?:ed|ing)? (?:that )?i(?:'d| had) never been born\b",
        r"\bwish(?:ed|ing)? i could (?:just )?(?:die|disappear|stop existing|not exist|vanish"
        r"|go to sleep and not wake|not wake)",
        r"\bbetter off dead\b",
        rf"\b(?:better|happier|easier|relieved|fine)(?: off)?(?: for (?:everyone|everybody|them"
        rf"|all of them|all))?(?: off)? (?:without me|if i (?:{GONE}))",
        r"\bif i (?:was|were) (?:gone|dead)\b.{0,60}\b(?:easier|better|happier|relieved|fine)\b",
        r"\b(?:go to sleep|fall asleep|sleep|fell asleep) (?:and|&) (?:never|not|don't|do not)"
        r" wake(?: up)?\b",
        r"\b(?:never|not) (?:to )?wake up again\b",
        r"\b(?:hope|hoped|wish|pray|praying|hoping|wishing)(?: that)? i (?:don't|do not|won't"
        r"|will not|never|didn't|wouldn't|would not) wake up\b",
        r"\b(?:sleep|asleep) forever\b",
        r"\bif i (?:didn't|did not|don't|never) wake up\b.{0,50}\b(?:fine|okay|ok|relief|better"
        r"|good|mind)\b",
        rf"\b(?:don't|do not) want to wake up(?: again| anymore| any more| ever| tomorrow)?{ENDS}",
        r"\b(?:don't|do not) want to (?:be alive|exist)\b",
        rf"\b(?:don't|do not) want to (?:live|be here)(?: like this)?(?: anymore| any more"
        rf"| any longer)?{ENDS}",
        r"\bwant (?:to )?(?:just )?not (?:to )?wake up\b",
        r"\bnot (?:be|being) here (?:anymore|any more)\b",
        r"\b(?:to|could|can) (?:just )?(?:not|stop) exist(?:ing)?\b",
        r"\bstop existing\b",
        rf"\bstop living{ENDS}",
        rf"\b(?:tired|sick) of (?:being alive|living|life|existing){ENDS}",
        r"\b(?:tired of|sick of|exhausted from) (?:fighting|trying) to stay alive\b",
        rf"\bwant(?:s|ed)? (?:to )?(?:just )?be gone{ENDS}",
        r"\b(?:disappear|vanish)(?:ed|ing)? (?:forever|for good|and never come back)\b",
        r"\bwant (?:it all|everything|all of it|things|my life) to (?:end|be over)\b",
        r"\bwant (?:it all|everything|it|the pain|this) to stop,? (?:forever|for good"
        r"|permanently)\b",
        r"\b(?:dying|being dead|death) (?:would be|sounds|seems|feels|is) (?:so |like )?(?:easier"
        r"|better|peaceful|a relief|nice|kind|the answer|the only way)\b",
        r"\b(?:a relief|easier|better|peaceful) to (?:be dead|die)\b",
        r"\b(?:wouldn't|would not) (?:mind|care) if i (?:died|was dead|were dead|didn't wake up"
        r"|never woke up)\b",
        r"\b(?:hope|wish|pray)(?:ing)? (?:that )?i (?:would |will |just )?die\b",
        r"\b(?:wish|hope|pray)(?:ing)? (?:a |the )?(?:car|bus|train|truck|lorry) (?:would |will )?"
        r"(?:just )?hit me\b",
        r"\b(?:hope|wish) (?:that )?i (?:get|got|would get|will get) (?:hit|run over|killed)\b",
    ),
    "thoughts of killing oneself": (
        rf"\b(?:{SELF_VERBS}) myself\b",
        r"\bthrow(?:ing)? myself (?:off|in front of|under|from)\b",
        r"\b(?:slit|slitting|cut|cutting|slash|slashing) (?:my|both) wrists\b",
        r"\bend(?:ing)? (?:my|my own) life\b",
        r"\b(?:take|taking|took) (?:my own|my) life\b",
        r"\battempt(?:ed)? on my (?:own )?life\b",
        r"\bend(?:ing)? it all\b",
        rf"\bend(?:ing|ed)? (?:it|things|everything)(?: all)?(?: for good| tonight| soon| now"
        rf"| today| this weekend| forever)?{ENDS}",
        r"\bsuicid(?:e|al)\b",
        r"\bself[- ]?harm(?:ing|ed|s)?\b",
        r"\boverdos(?:e|ed|ing)\b",
        r"\b(?:thoughts of|thinking (?:about|of)|think(?:ing)? (?:about|of)|thought (?:about|of)"
        r"|considering|contemplating) (?:ending it|ending things|dying|death)\b",
        r"\bimagin(?:e|ing) (?:my own death|being dead|dying)\b",
    ),
    "method or means": (
        rf"\b(?:take|taking|took|swallow|swallowing|swallowed|down|downing)\s+(?:all|every|the"
        rf" whole|a whole|all of)\s+(?:of\s+)?(?:my\s+|the\s+|these\s+|those\s+)?(?:single\s+)?"
        rf"(?:{MEANS})\b",
        r"\btak(?:e|ing) them all\b",
        r"\b(?:looking|staring|stared|looked|look) at (?:the|my) (?:pills|tablets|meds|razor|rope"
        r"|knife|knives|blades?)\b",
        r"\bcount(?:ing|ed)? (?:my|the) (?:pills|tablets)\b.{0,40}\benough\b",
        r"\b(?:googled|googling|google|searched|searching|search|looked up|looking up|look up"
        r"|research|researched|researching)\s+(?:for\s+)?(?:how (?:many|much) (?:\w+ )?(?:it would"
        r" take|to take|would kill|is lethal|is fatal)|ways to (?:die|kill|end)|how to (?:kill"
        r"|end|die|overdose|hang|drown)|(?:painless|quick) ways|how (?:long|quickly) it takes to"
        r" die)",
        rf"\b(?:jump|jumping|jumped|step|stepping|stepped|walk|walking|walked|drive|driving|drove"
        rf"|crash|crashing|crashed|lie|lying)\s+(?:off|from|in front of|into|under|onto)\s+(?:the"
        rf" |a |an |my )?(?:{PLACES})\b",
        r"\bcrash(?:ing|ed)? (?:the|my) car (?:on purpose|deliberately)\b",
        r"\b(?:think|thinking|thought|thinks) (?:about|of) (?:jumping|hanging|drowning|overdosing"
        r"|slitting|stepping in front|crashing|walking into (?:the )?(?:traffic|sea|river)|taking"
        r" (?:all )?(?:the|my) (?:pills|tablets)|the pills|the rope|using the rope|the knife)\b",
        r"\bhow i(?:'d| would| will|'ll| could) (?:do it|kill myself|end it|die)\b",
        r"\b(?:knife|razor|blade|rope|pills|tablets)\b.{0,50}\bwhat i could do with (?:it|them)\b",
    ),
    "a plan or a time": (
        r"\b(?:have|got|made|making|make) (?:a|my) plan (?:to (?:die|end|kill|overdose|do it)|and"
        r" a (?:date|time))\b",
        r"\b(?:set|picked|chosen|chose|decided on) a (?:date|day|time) to (?:die|end it|kill"
        r" myself|do it)\b",
        r"\bdo it (?:tonight |tomorrow )?when (?:everyone|everybody|they|no one|nobody|she|he)"
        r"(?:'s| is| are)?\s*(?:asleep|gone|out|away|at work|leaves)",
        r"\bwhen (?:she|he|they|everyone) (?:leaves|leave|goes|go|is asleep|are asleep|falls"
        r" asleep)\b.{0,30}\bi(?:'ll| will) do it\b",
        r"\bhow i(?:'m| am) going to (?:die|do it|kill myself|end it)\b",
    ),
    "intent": (
        r"\b(?:made up my mind|decided|determined) to (?:die|end it|end my life|kill myself)\b",
        rf"\bgoing to die{ENDS}",
        r"\blast (?:entry|message|thing|words) i(?:'ll| will) (?:ever )?(?:write|send|say)\b",
        r"\b(?:won't|will not|not going to) be (?:here|around|alive|a (?:burden|problem) (?:to"
        r"|for) (?:anyone|anybody|everyone|you))(?: for)? (?:much|very much) longer\b",
        r"\b(?:won't|will not) be alive\b",
        r"\bsoon i (?:won't|will not) be a (?:burden|problem)\b",
        r"\b(?:won't|will not) have to deal with me (?:for )?(?:much|very much) longer\b",
        rf"\b(?:done|finished) (?:with )?(?:life|living|being alive){ENDS}",
        rf"\bgive up on (?:life|living){ENDS}",
    ),
    "preparing": (
        r"\b(?:goodbye|farewell) (?:letters?|notes?)\b",
        r"\b(?:letters?|notes?) (?:to|for) (?:everyone|everybody|my family|each of them)\b",
        r"\bletters? to say goodbye\b",
        r"\bwriting my goodbyes?\b",
        rf"\b(?:left|wrote) a note{ENDS}",
        r"\bleft a note on the (?:table|bed|side|door|kitchen)",
        r"\bgiv(?:e|ing|en|es) (?:away )?(?:my|all my|all of my) (?:things|stuff|belongings"
        r"|possessions)(?: away)?\b",
        r"\bwhen i(?:'m| am) (?:gone|dead|no longer here|not here anymore)\b"
        r"(?! (?:for|on|to|away))",
        r"\bsa(?:y|ying|id) goodbye\b.{0,60}\b(?:without (?:them|her|him|anyone) knowing|didn't"
        r" know it was goodbye)",
        r"\bdidn't know it was (?:goodbye|the last time)\b",
        r"\b(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|collected"
        r"|gathering|gathered)(?: up)? (?:my |enough |all my |a lot of )?(?:pills|tablets|meds"
        r"|medication|painkillers)\b",
        r"\b(?:pills|tablets|rope|blades?|razor) (?:is |are )?ready\b",
        r"\beverything i need to (?:do it|end it|die)\b",
        rf"\bbought (?:a )?(?:rope|razor blades|blades)(?: today| this morning| yesterday"
        rf"| tonight)?{ENDS}",
        r"\b(?:sorted|sorting|put|putting|getting|got) (?:out )?my affairs\b",
    ),
    "acts of self-harm": (
        rf"\b(?:burnt|burned|burn|cut|scratched|scratch|hit|bit|hurt) my (?:{BODY})\b.{{0,30}}"
        r"\b(?:on purpose|deliberately|again|to feel|to punish|raw)\b",
        r"\b(?:urge|urges|need|needing|want|wanting|wanted|tempted|feel like|felt like) (?:to )?"
        r"cut(?:ting)?\b(?! (?:back|down|off|out|ties|the|my hair|it |corners|in |up|loose|costs"
        r"|class|a |an |some|through|across|him|her|them))",
        r"\bcut(?:ting)? (?:again|tonight|today)\b",
        r"\brelapsed (?:and|&) (?:cut|hurt|burned)\b",
        r"\b(?:fresh|new) (?:cuts|scars|burns|wounds) on my\b",
        r"\buntil (?:i|it) (?:bled|bleed|bleeds)\b",
        r"\buntil my \w+ (?:bled|bleed)\b",
        r"\b(?:banged|banging|bang|hit|hitting) my head (?:against|on) (?:the )?wall",
        r"\bto make (?:it|them|myself) (?:hurt|bleed)\b",
        r"\bwant to feel pain\b",
        r"\b(?:took|take|taking|swallowed) too many (?:pills|tablets|painkillers)\b",
    ),
    "indirect": (
        r"\bi(?:'m| am) (?:just |such |only |nothing but )?a burden (?:to|on|for) (?:everyone"
        r"|everybody|my family|them|all|the people|people)\b",
        rf"\bi(?:'m| am) (?:just |such |only |nothing but )a burden{ENDS}",
        rf"\b(?:no one|nobody)\s+(?:would|will|'d)\s+(?:even\s+)?(?:notice|care|mind|miss me"
        rf"|look for me)\s+if\s+i\s+(?:{GONE}|disappear)",
        rf"\b(?:no one|nobody)(?: would| will)? (?:even )?miss me{ENDS}",
        r"\bif i (?:disappeared|died|was gone|were gone|wasn't here|killed myself)[, ]+(?:no one"
        r"|nobody) would\b",
        r"\b(?:what's|what is|whats) the point (?:of|in) (?:living|being alive|life|going on"
        r"|carrying on|staying alive|waking up|even being here)\b",
        r"\bno (?:reason|point) (?:to live|in living|living|to go on|in being alive|to be alive"
        r"|to keep living|in going on)\b",
        r"\bnothing (?:left )?to live for\b",
        r"\b(?:can't|cannot|can not|don't|do not) see (?:a|any) (?:reason|point) (?:to|in)"
        r" (?:live|living|keep living|go on|going on|stay alive|be alive|being alive)\b",
        r"\bno way out (?:except|but|other than) (?:dying|death|to die|suicide|ending it)\b",
        r"\b(?:don't|do not|can't|cannot) see (?:a|any) future (?:for me|for myself|at all)\b",
        rf"\bcan(?:'t|not| not) (?:go on|keep going|carry on|keep living)(?: living| like this"
        rf"| anymore| any more)?{ENDS}",
        rf"\bcan(?:'t|not| not) (?:do|take) (?:this|it|any of this)(?: anymore| any more"
        rf"| any longer){ENDS}",
        r"\bwant out of (?:this |my )?life\b",
        r"\b(?:isn't|is not|not|no longer|never) worth (?:living|being alive|staying alive)\b",
        r"\b(?:staying alive|living|being alive|life|my life) (?:feels|seems|is) (?:pointless"
        r"|meaningless|unbearable)\b",
        r"\b(?:don't|do not) deserve to (?:live|be alive|exist)\b",
        r"\b(?:shouldn't|should not) (?:be alive|exist|have been born)\b",
        r"\bshould (?:just )?(?:die|be dead|kill myself|not be alive)\b",
    ),
}  # fmt: skip
_PHRASE = re.compile("|".join(f"(?:{p})" for group in PHRASES.values() for p in group))
# Every phrase holds one of these stems, so a sentence without any is not read further: that
# keeps a long entry under a millisecond. A property test checks each phrase against the list.
ANCHOR = re.compile(
    r"\b(?:"
    "die|dying|dead|death|kill|myself|suicid|harm|selfharm|self|asleep|overdos|life|live|living|alive|wake|sleep|exist"
    "|end|gone|burden|point|reason|worth|deserv|pill|tablet|meds|medication|painkiller"
    "|paracetamol|bottle|packet|box|rope|knife|knives|razor|blade|wrist|cut|bled|bleed|hurt|burn"
    "|pain|plan|note|letter|goodbye|affairs|belongings|possessions|things|stuff|longer|miss me"
    "|notice|care|mind|look for me|future|way out|go on|keep going|carry on|anymore|any more"
    "|any longer|disappear|vanish|hit|run over|googl|search|look|research|relapse|scar|wound"
    "|head|jump|step|walk|driv|drove|crash|lie|lying|throw|do it|around|born|without me|here"
    "|be over|stop|them all|hang|last|problem|scratch|no one would|nobody would|slit|drown|bit"
    ")"
)

# --- When a phrase is left aside -------------------------------------------------------------

NEGATIONS = frozenset(
    {"not", "never", "no", "don't", "won't", "wouldn't", "didn't", "isn't", "aren't", "doesn't",
     "nothing", "stopped", "longer", "haven't", "hasn't"}
)  # fmt: skip
SUBJECTS = frozenset(
    {"i", "i'm", "i've", "i'd", "i'll", "you", "he", "she", "they", "we", "it", "that", "this",
     "because", "and", "but", "so", "part"}
)  # fmt: skip
FIRST_PERSON = frozenset({"i", "i'm", "i've", "i'd", "i'll", "me", "my", "myself"})
OTHERS = frozenset(
    {"she", "he", "they", "they'd", "he's", "she's", "someone", "somebody", "you", "client",
     "patient", "friend", "cousin", "brother", "sister", "mum", "mom", "dad", "mother", "father",
     "son", "daughter", "neighbour", "neighbor", "partner", "husband", "wife", "people",
     "article", "report", "news", "leaflet", "doctor", "nurse", "character", "hero",
     "training", "lecture", "film", "book", "study", "charity", "police", "paper", "poem",
     "song", "band", "documentary", "course", "teacher", "boss", "colleague"}
)  # fmt: skip
_FIRST_PERSON_INSIDE = re.compile(r"\b(?:i|me|my|myself|i'm|i'd|i've|i'll)\b")
# Words that are about someone only when the person says so: a topic, a statistic, a service.
SPECIAL = re.compile(r"^(?:suicid|self|overdos)")
COMPOUND_AFTER = re.compile(
    r"^[- ]?\s*(?:prevention|rates?|helplines?|hotlines?|lines?|awareness|research|risk"
    r"|statistics|stats|tendencies|squad|bomb\w*|mission|watch|deaths|training|week|month|day"
    r"|charity|services?|survivors?|forum|crisis)\b"
)
TOPIC_BEFORE = re.compile(r"\b(?:about|on|of|for|a|the|against|into|in)\s+$")
SAID_OF_ITSELF = re.compile(
    r"^\s*(?:is|feels|seems|sounds|looks)\s+(?:like\s+)?"
    + r"(?:the only|my only|the answer|the way out|on my mind)"
)
NEGATION_AFTER = re.compile(r"^[^.!?;\n]{0,3}?\s*(?:is|was)\s+(?:not|never)\b|^\s*isn't\b")
# The long past, said before a phrase or after it ("years ago", "when I was a teenager").
_AGO = r"years ago|a decade ago|long ago|a long time ago"
_YOUNGER = (
    r"at school|in school|as a (?:child|teen\w*|kid|student|young\w*)|when i was (?:a |an |at"
    r" |in )?(?:teen\w*|kid|child|young\w*|little|student|school|uni\w*|\d+|\w+teen|twelve)"
)
DISTANT_BEFORE = re.compile(
    rf"\b(?:used to|{_AGO}|back then|once wanted|my old self|{_YOUNGER}|in my (?:teens|twenties"
    r"|thirties|youth|teenage years)|it(?:'s| has) been \w+ (?:years|months) since)\b"
)
DISTANT_AFTER = re.compile(rf"\b(?:{_AGO}|{_YOUNGER})\b")
RECENT = re.compile(
    r"\b(?:again|this morning|last night|tonight|today|yesterday|this week|last week|recently"
    r"|just now|on purpose|this evening|right now)\b"
)
# Doubt undoes a negation: "I'm not sure I won't…", "I can't promise I won't…".
DOUBT = ("not sure", "don't know if", "can't promise", "might", "afraid i", "scared i",
         "worried i", "tempted", "can't stop", "cannot stop", "can't help")  # fmt: skip
REPORTED = re.compile(r"\b(?:asked|asks|ask|asking) (?:me )?(?:whether|if|about)\b")
LAUGHING = re.compile(r"\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|jk|kidding)\b|😂|🤣|, ha\b")
SERIOUS = re.compile(
    r"\bnot (?:even )?(?:joking|kidding)|\bno joke\b|\bi mean it\b"
    + r"|\bseriously\b|\bfor real\b|\bfr\b"
)
HYPERBOLE_BEFORE = re.compile(
    r"\bif i (?:have|had) to (?:sit|listen|hear|watch|go|do|eat|attend|deal|wait|read|sing|see)\b"
)
ACCIDENT_AFTER = re.compile(
    r"^[^.!?;\n]{0,30}?\b(?:shaving|chopping|cooking|baking|gardening|falling|fell|tripped"
    r"|lifting|running|playing|by accident|accidentally|on the (?:oven|stove|iron|pan|tray|kettle"
    r"|door|corner|stairs)|on a (?:nail|knife)|at the gym|with the (?:oven|iron|kettle))"
)
ON_PURPOSE = re.compile(r"\b(?:on purpose|deliberately|to punish|to feel)\b")
FOR_AFTER = re.compile(
    r"^ for (?:forgetting|missing|losing|leaving|not|saying|being|doing|eating|buying|letting)\b"
)
LOOK_BACK = 5  # words, for a negation
QUOTED = re.compile(
    '["\u201c\u201d]([^"\u201c\u201d]*)["\u201c\u201d]'  # "double", or curly
    "|(?<![a-z])'([^']*)'(?![a-z])"  # 'single' (curly ones are straightened first)
)
FIRST_PERSON_BEFORE_QUOTE = re.compile(
    r"\b(?:i|i'm|me|myself|part of me)\b(?P<between>[^.!?;:\n]{0,30})$"
)  # "I keep thinking 'I want to die'" is the person's own thought…
SOMEONE_ELSE = re.compile(
    r"\b(?:she|he|they|someone|somebody|you|humming|hummed|singing|sang|sings|song|lyrics?"
    r"|chorus|poem|reading|read|book|film)\b"
)  # …"I heard she said", "I was humming" are not
CLAUSE_END = re.compile(r"[.!?;:\n]+|\bbut\b|\bthough\b|\bhowever\b|\band\b")
SENTENCE_END = re.compile(r"[.!?;\n]+")
_WORD = re.compile(r"[a-z']+")


@dataclass(frozen=True)
class Noticed:
    phrase: str  # the words that matched, as written (lower case)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks that someone else said (not the person's own thought)."""
    spans = []
    for match in QUOTED.finditer(text):
        own = FIRST_PERSON_BEFORE_QUOTE.search(text[: match.start()])
        if not own or SOMEONE_ELSE.search(own.group("between")):
            spans.append((match.start(), match.end()))
    return spans


class _Layout:
    """Where the text's sentences begin and end, found once for all phrases; its clauses only
    when a phrase needs them (most entries hold none)."""

    def __init__(self, text: str) -> None:
        self.text = text
        sentences = list(SENTENCE_END.finditer(text))
        self.sentence_starts = [0, *(m.end() for m in sentences)]
        self.sentence_ends = [*(m.start() for m in sentences), len(text)]

    @functools.cached_property
    def clause_starts(self) -> list[int]:
        return [0, *(m.end() for m in CLAUSE_END.finditer(self.text))]

    def clause_start(self, position: int) -> int:
        return self.clause_starts[bisect.bisect_right(self.clause_starts, position) - 1]

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        first = self.sentence_starts[bisect.bisect_right(self.sentence_starts, start) - 1]
        last = self.sentence_ends[bisect.bisect_left(self.sentence_ends, end)]
        return first, last


def _negated(clause_before: str, words: list[str]) -> bool:
    if any(doubt in clause_before for doubt in DOUBT):
        return False
    for word in reversed(words[-LOOK_BACK:]):
        if word in NEGATIONS or word.endswith("n't"):
            return True
        if word in SUBJECTS:
            return False
    return False


def _about_someone_else(words: list[str]) -> bool:
    """Whether the nearest person named before the phrase, in its clause, is someone else."""
    for word in reversed(words):
        if word in FIRST_PERSON:
            return False
        if word in OTHERS:
            return True
    return False


def _long_past(sentence_before: str, sentence_after: str, clause_before: str) -> bool:
    if RECENT.search(sentence_before) or RECENT.search(sentence_after):
        return False
    return bool(DISTANT_BEFORE.search(clause_before) or DISTANT_AFTER.search(sentence_after))


def _set_aside(text: str, match: re.Match[str], layout: _Layout) -> bool:
    phrase = match.group(0)
    start, end = match.span()
    clause_before = text[min(layout.clause_start(start), start) : start]
    words = _WORD.findall(clause_before)
    first, last = layout.sentence(start, end)
    sentence_before, sentence_after = text[min(first, start) : start], text[end:last]
    after = text[end : end + 80]
    if _negated(clause_before, words) or NEGATION_AFTER.search(after):
        return True
    if _long_past(sentence_before, sentence_after, clause_before):
        return True
    if REPORTED.search(clause_before) or HYPERBOLE_BEFORE.search(sentence_before):
        return True
    if LAUGHING.search(sentence_before + " " + sentence_after) and not SERIOUS.search(
        sentence_before + " " + phrase + " " + sentence_after
    ):
        return True
    if phrase.endswith("myself") and (ACCIDENT_AFTER.search(after) or FOR_AFTER.search(after)):
        return not ON_PURPOSE.search(sentence_after)
    if SPECIAL.match(phrase):
        if COMPOUND_AFTER.search(after):
            return True
        own = any(word in FIRST_PERSON for word in words)
        if not own and TOPIC_BEFORE.search(clause_before) and not SAID_OF_ITSELF.search(after):
            return True
    return not _FIRST_PERSON_INSIDE.search(phrase) and _about_someone_else(words)


def notice(text: str | None) -> list[Noticed]:
    """Every phrase in `text` that suggests thoughts of suicide or self-harm, as the person's
    own and current; empty when there is none."""
    if not text:
        return []
    normal = _normal(text)
    quoted = _quoted_spans(normal)
    layout = _Layout(normal)
    found = []
    for first, last in zip(layout.sentence_starts, layout.sentence_ends, strict=True):
        if not ANCHOR.search(normal, first, last):
            continue
        for match in _PHRASE.finditer(normal, first, last):
            if any(start <= match.start() < end for start, end in quoted):
                continue
            if not _set_aside(normal, match, layout):
                found.append(Noticed(match.group(0)))
    return found


def suggests_risk(*texts: str | None) -> bool:
    """Whether any of the texts suggests thoughts of suicide or self-harm."""
    return any(notice(text) for text in texts)
