"""The parts and vocabularies the crisis-language reader is built from; its expressions, made of
these parts, are in earned/core/crisis_phrases.py (earned/core/crisis_language.py decides what
to leave aside). Pure data; no Django. The text they are matched against has been read as
people write it first (earned/core/crisis_spelling.py).

The expressions are built from parts, so that a new way of saying a thing is noticed without
being listed whole: a *frame* (wanting, hoping, thinking about, planning, deciding) followed,
within a few words, by an *outcome* for oneself (dying, being dead, not waking up, not
existing, being gone, jumping…). "All I want is to be dead" is *want* … *be dead*; "I keep
wishing I could stop being alive" is *wishing* … *stop being alive*. Beside them stand the
expressions that need no frame ("kill myself", "suicidal", "end my life", "a burden to
everyone"), grouped under the headings clinicians use when they ask about suicide.
"""

from __future__ import annotations

import re

# --- Parts the expressions are built from -----------------------------------------------------

# Where a clause ends: used after expressions that are everyday when more follows ("I can't
# go on a trip", "I ended things with Sam").
ENDS = (
    r"(?=\s*(?:$|[.!?,;:)\n…-]|\band\b|\bbut\b|\bso\b|\bi\b|\bi'm\b|\brn\b|\btbh\b|\bfr\b|\bngl\b"
    r"|\bhonestly\b|\banymore\b|\bnow\b|\btonight\b|\bsoon\b|\bok\b|\bthough\b|\bxx?\b"
    r"|\btomorrow\b|\bthis weekend\b|\bon (?:mon|tues|wednes|thurs|fri|satur|sun)day\b))"
)
# The few words that may stand between a frame and its outcome ("wishing [I could] stop being
# alive", "all I want [is to] be dead"): never another person or thing, so "I hope my dog
# doesn't die" is not read as a wish.
FILLER = (
    r"i|i'd|i'm|i'll|i've|me|myself|could|would|will|can|might|may|just|to|be|is|was|were"
    r"|really|honestly|simply|so|only|am|quietly|finally|then|all|even|actually|that|kind of"
    r"|sort of|literally|peacefully|somehow|badly|desperately|sometimes|often|again|secretly"
    r"|\.\.\.|lately|still|truly|genuinely|almost|nearly|do|did|does|if|for|it|it's|it'd|how"
    r"|everyone|everybody"
)
GAP = rf"(?:[\s,]+(?:{FILLER})\b){{0,5}}[\s,]+"
SELF_VERBS = (
    "kill|killing|killed|punch|punched|punching|slam|slammed|kick|kicked|hang|hanging|hanged|drown"
    "|drowning|drowned|shoot|shooting|shot|poison"
    "|poisoning|poisoned|suffocate|suffocating|starve|starving|starved|hurt|hurting|harm|harming"
    "|harmed|cut|cutting|burn|burned|burnt|burning|punish|punishing|punished|hit|hitting|scratch"
    "|scratching|scratched|bite|biting|bit|stab|stabbing|stabbed|strangle|strangling|choke"
    "|choking|choked|slice|slicing|sliced|carve|carving|carved|bruise|bruising|bruised"
)
BODY = "arm|arms|leg|legs|wrist|wrists|skin|hand|hands|thigh|thighs|stomach|body|face|head"
_MEDICINES = (
    "pill|pills|tablet|tablets|meds|medication|medicine|painkillers|paracetamol|tylenol|ibuprofen"
    "|sleeping pills|antidepressants|insulin"
)
# A bottle or a packet is a means only when it holds medicine: "the bottle of wine" is not.
MEANS = (
    rf"{_MEDICINES}|(?:bottle|packet|box|blister pack|blister packs|strip|strips)"
    rf"(?! of (?!(?:my |the |those |these )?(?:{_MEDICINES})\b))"
)
TOOLS = (
    "razor|razors|blade|blades|knife|knives|rope|ropes|belt|cord|noose|gun|shotgun|rifle|pistol"
    "|lighter"
)
PLACES = (
    "bridge|roof|rooftop|building|balcony|cliff|train|tracks|platform|traffic|bus|car|lorry|truck"
    "|wall|sea|river|lake|canal|window|ledge|motorway|road|highway|edge|car park|multi-storey"
    "|tower|top floor|one|it|something|tree|railway|railway line|line|tracks|oncoming traffic"
)
GONE = (
    r"(?:just )?(?:(?:was |were )?(?:gone|dead)|died|disappeared|killed myself"
    r"|(?:was|were)n't (?:here|around)|(?:was|were) not (?:here|around)|(?:was|were) never born"
    r"|ended it|left for good|stopped existing|stopped breathing|wasn't alive)"
)
FIG_DIE = (
    r"(?!\s+(?:of|from|laughing|happy|inside|for (?:a|some|the|it|that|this)|on (?:the spot"
    r"|this|that)|alone|down|out\b|off\b|young|old|someday|some day|one day|eventually"
    r"|sooner or later|my hair|if (?:i|we) (?:have to|hear|see|eat|sit|listen|watch|wait|miss)"
    r"|a little|a bit|in (?:a fire|battle|the game)))"
)
FIG_DEAD = (
    r"(?!\s+(?:tired|on my feet|to the world|serious|set|right|wrong|ahead|bored|certain|sure"
    r"|quiet|last|good|funny|easy|beat|honest|inside|end|weight|silence|heat|of night|centre"
    r"|center|zone|ringer|giveaway))"
)
# What one may want, hope, think about or plan, for oneself: the end of one's life.
OUTCOME = (
    rf"die\b{FIG_DIE}|dying\b(?! to\b){FIG_DIE}|(?:be|being|were|was) dead\b{FIG_DEAD}"
    r"|(?:not|never|no longer|stop|stopped|stopping|quit) (?:to )?(?:be |being )?alive\b"
    r"|(?:not|never|no longer|stop|stopped|stopping) (?:to )?exist(?:ing)?\b"
    rf"|stop (?:living|breathing){ENDS}|(?:not|no longer) (?:to )?(?:be|being) (?:here|around)"
    rf"(?: anymore| any more| any longer)?{ENDS}"
    r"|(?:was|were|had been|'d been) never born|(?:had |'d )?never (?:been |be )?born"
    r"|(?:was|were)n't born|(?:was|were)(?:n't| not) alive\b"
    rf"|(?:was|were)(?:n't| not) (?:here|around)(?: anymore| any more| any longer)?{ENDS}"
    r"|(?:not|never|won't|don't|didn't|wouldn't|will not|do not|would not) (?:to )?(?:wake|waking)"
    rf"(?: up)?(?: again| ever| anymore| any more| tomorrow| in the morning)?{ENDS}"
    rf"|(?:be|being) gone(?: for good| forever| for ever)?{ENDS}"
    rf"|(?:disappear|disappearing|vanish|vanishing)(?: forever| for good| completely"
    rf"| for ever| off the face of the earth)?{ENDS}"
    r"|(?:disappear|disappearing|vanish|vanishing) (?:forever|for good|completely|for ever)"
    rf"|(?:end|ending) (?:it|things|everything)(?: all)?{ENDS}"
    r"|(?:end|ending) my (?:own )?life\b(?! as (?:a|an|the)\b| in (?!my sleep)[a-z]+ and\b)"
    r"|(?:fall asleep|falling asleep|sleep|sleeping|go to sleep) (?:forever|for good|for ever"
    r"|permanently)\b|(?:never|not) (?:open|opened|opening) my eyes(?: again)?\b"
    rf"|(?:step|stepping|jump|jumping|walk|walking|throw myself|throwing myself) in front"
    rf"(?: of (?:it|one|a train|the train|a bus|a car|a lorry|traffic))?{ENDS}"
    r"|(?:go to sleep|fall asleep|sleep|drift off|disappear|vanish) (?:and|&) (?:not|never)"
    r" (?:come back|wake up|return)\b|(?:had |'d )?never (?:have )?woken up\b"
    r"|(?:hadn't|had not) woken up\b|(?:don't|do not|won't|wouldn't|never) survive\b"
    rf"|(?:had |'d )?died\b{FIG_DIE}|stop,? (?:permanently|forever|for good)\b"
    rf"|(?:using|use|get|getting) (?:the|my|a) (?:{TOOLS})\b|(?:hanging|drowning){ENDS}"
    r"|(?:jump|jumping|step|stepping|throw myself|throwing myself|walk|walking|drive|driving"
    r"|crash|crashing|swerve|swerving|lie down|lying down|fall|falling) (?:off|from"
    rf"|in front of|into|under|onto|over|on)(?: the| a| an| my| that| this)? (?:{PLACES})\b"
    r"|(?:crash|crashing) (?:the|my) car\b|cease (?:to )?exist(?:ing)?\b|(?:an |my )?end\b"
    rf"(?:{ENDS})|the end{ENDS}"
    rf"|(?:jump|jumping){ENDS}"
    r"|(?:take|taking|swallow|swallowing|down|downing) (?:all|every|the whole|a whole|the rest)"
    rf" (?:of )?(?:my |the |these |those )?(?:{MEANS})\b|(?:hang|hanging|drown|drowning) myself"
    r"|(?:an |the )?(?:end|death|escape) (?:of it all|for good)"
)
WANTING = (
    r"want|wants|wanted|wanting|wish|wishes|wished|wishing|hope|hopes|hoped|hoping|pray|prays"
    r"|prayed|praying|long|longing|longed|yearn|yearning|crave|craving|would like|'d like"
    r"|would love|'d love|prefer|ready|tempted|urge|urges|need|needs|needed|dream of|dreaming of"
    r"|dream about|dreaming about|fantasise|fantasize|fantasising|fantasizing|fantasies"
    r"|all i want|all i wanted|desire|give anything|would welcome|'d welcome|welcome|waiting"
    r"|just waiting|wouldn't mind|would not mind|long for|longing for|wish for|pray for"
    r"|wouldn't be sad|would not be sad|wouldn't be upset|would be glad|'d be glad"
    r"|would be relieved|'d be relieved|'d feel relieved|the courage to|the guts to|the nerve to"
    r"|(?:would it|is it) (?:be )?(?:so |that |really )?bad|let me|asking god to let me"
    r"|ask god to let me|begging god to let me|begging to|happy to|'d be happy|would be happy"
    r"|praying for|pray for"
)
# Thinking of it, or moving towards it: "thinking about", "thoughts of", "planning to"; "going
# to" and "about to" only with "I" ("my phone is about to die" is not).
THINKING = (
    r"(?:think|thinks|thinking|thought|thoughts|dream|dreams|dreaming|dreamt|dreamed|obsessing"
    r"|obsessed|obsess|fantasising|fantasizing|fantasies|fantasy|can't stop thinking"
    r"|cannot stop thinking|fixated|fixating|ruminating) (?:about|of|on)"
    r"|considering|considered|consider|contemplating|contemplated|contemplate|imagine|imagining"
    r"|imagined|picture|picturing|pictured|planning|planned|plan|plans|decided|deciding|decision"
    r"|tried|try|trying|attempted|attempt|attempting|preparing|prepared|ideation|tempted"
    r"|i(?:'m| am)(?: really| actually| finally| just)? (?:going|about) to"
)
# What a frame says of the outcome when it follows it ("being dead would be easier").
RELIEF = (
    r"(?:would be|will be|'d be|is|sounds|seems|feels|looks)(?: so| like| such)? (?:easier"
    r"|better|peaceful|a relief|nice|kind|kinder|simpler|the answer|the only way|the way out"
    r"|comforting|tempting|appealing|so tempting|so appealing|calming|my only option|a mercy"
    r"|a release|a kindness|a gift|merciful|welcome|a blessing)"
)


# Words that by themselves speak of dying, harm or the means: the only words the statistical
# reader (earned/core/crisis_model.py) may point at. Not "myself", "keep" or "more", which the
# model weighs only because our sentences of risk use them often ("be kind to myself" is not).
_RISK = """
    die dies dying dead death died suicide suicidal suicidality kill kills killing killed
    overdose overdosed overdosing harm harming harmed hurt hurting cut cutting cuts burn
    burning burned burnt bleed bled bleeding scars wounds pills pill tablets tablet meds
    medication painkillers paracetamol insulin antidepressants rope noose razor razors blade
    blades knife knives gun bridge cliff ledge balcony rooftop tracks railway jump jumping
    jumped drown drowning hang hanging starve starving starved punish punishing alive exist
    existing existence wake waking asleep gone disappear disappearing vanish vanishing burden
    goodbye goodbyes funeral grave end ending ended lethal fatal unalive
"""
RISK_WORDS = frozenset(_RISK.split())
# Words of risk with everyday uses the model cannot tell by the words around them ("it will
# just hang in the air", "cut down on sugar"): when the model points at one of these followed by
# its everyday companion, it is not a sign.
_EVERYDAY_AFTER = {
    "hang hanging": r"out|on|up|around|about|in there|in the air|onto|over|with|together|loose",
    "cut cutting cuts": r"down|back|corners|ties|costs|short|it fine|class",
    "burn burning burned burnt": r"out|down|the toast|bridges|calories|the midnight oil",
    "end ending ended": r"up|of the (?:day|week|month|year|road)",
    "jump jumping jumped": r"in|at|to conclusions|ship|the queue|through hoops|the gun",
    "kill killing killed": r"time|the mood|it\b(?! all)",
    "die dying died": r"down|out|off|of (?:laughter|embarrassment|shame|boredom)",
    "gone": r"off|out|on|over|quiet|home|to|for|with|back",
}
EVERYDAY_AFTER = {
    word: re.compile(rf"\s+(?:{companions})\b")
    for words, companions in _EVERYDAY_AFTER.items()
    for word in words.split()
}

# Vague on their own ("I've decided to do it on Friday" may be about asking for a raise): these
# count only when the same entry speaks of suicide or the means elsewhere (CONTEXT), in words
# that are not themselves set aside (negated, long past, someone else's).
WEAK_PHRASES = (
    rf"\b(?:going to|gonna|will|'ll|have to|got to) (?:finally |really |actually |just )?do it"
    rf"(?: this time| tonight| soon| today| tomorrow| eventually)?{ENDS}",
    r"\b(?:decided|deciding|made up my mind|ready) (?:to do it|when|how)\b",
    r"\b(?:picked|chosen|chose|set) (?:a|the) (?:date|day)\b",
    r"\b(?:made|making) (?:my|the) decision\b|\bit will happen (?:next|this|on|tomorrow|tonight)\b",
    r"\bready to go\b.{0,30}\b(?:had enough|done|can't)",
    r"\bthis (?:is|will be) (?:the end|it|goodbye)\b",
    r"\b(?:can't|cannot) (?:do|take) (?:this|it) (?:anymore|any more)\b",
)
# Words of dying that are not also everyday figures of speech ("dead tired", "dying to see").
CONTEXT = re.compile(
    r"\b(?:suicide|suicidal|overdose|overdosing|rope|noose|razor|razors|blade|blades"
    r"|gun|ledge|kill myself|end my life(?! as)|end it all|not be here|goodbye (?:note|letter)s?"
    rf"|want to die{FIG_DIE}|be dead{FIG_DEAD})\b"
)

# Every expression holds one of these words, so a sentence without any is not read further:
# that keeps a long entry under a millisecond. A property test checks each expression.
_ANCHORS = """
    affairs after afterwards air alive amount antidepressants antifreeze anymore appealing arm
    arms around asked asleep bang banged banging barrel bathroom belongings belt better birthday
    bit blade blades bleach bled bleed bleeding bleeds blessing blister body born bottle box
    breathing bridge broke bruised bruises building burden burn burned burning burns burnt
    cabinet cancelled cancelling car care carry case charcoal choose choosing chose chosen
    christmas cliff collected collecting comforting cord courage cracked crash crashed crashing
    crush cry cupboard cut cuts cutting dark date day dead deadly death decision deleted
    deliberately deleting deserve die died differently disappear disappeared disappearing do
    done dose drain drank drawer drift drive driving drop drove drown drowned drowning dying
    easier edge end ended ending ends enough entry envious envy escape everything except exhaust
    exhausted exist existence existing explode exploded eyes face fall falling farewell fatal
    favor favour fell fight fighting figured final find finds fine finish finished finishes
    freer front funeral future gathered gathering gave give given gives giving glad go gone
    goodbye goodbyes google googled googling gun guts hand hands hang hanged hanging happen
    happened happens happier harm harmed harming head helium here hid hidden hiding hips hit
    hitting hoarded hoarding hurt hurting ibuprofen inherits insulin jealous join jump jumped
    jumping keep keeping kept kicked kill killed killing kills knife knives knuckles laid last
    lay ledge left leg legs lethal letter letters lie life lighter live living load longer look
    looked looking lost lot lying marks meaning medication medicine meds mercy message messages
    method mind misery miss more myself need nerve noose note notes notice order over overdose
    overdosed overdosing oxygen pack packet packs pain painkillers painless paracetamol park
    passed pay pill pills pistol place plan planned platform point poison possessions post
    problem punch punched punching purpose quantity ran razor razors read reading ready reason
    reasons relapse relapsed relief relieved research researched researching rifle rooftop rope
    ropes run running sad sank sat saved saving scars scratch scratched scratching search
    searched searching self selfharm shotgun sink sitting skin sleep sleeping slipped slit
    slitting sorted sorting space split stand standing stashed stashing step stepped stepping
    stockpiled stockpiling stomach stood stop stored storing strip strips stuck suicidal
    suicidality suicide suicides survive survived swallow swallowed swallowing swam swerve
    swerved swerving swim swimming tablet tablets take taken takes telling tempting text texts
    them thigh thighs thing threw through throw throwing time told tracks train tree tylenol
    updated updating upset vanish vanishing wade waded wading wake waking walk walked walking
    watched weapon weary weedkiller whatever wherever woke woken words worked world worth
    wouldn't wounds wrist wrists
"""
ANCHOR_WORDS = frozenset(_ANCHORS.split())
