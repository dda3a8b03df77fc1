"""The expressions the crisis-language reader looks for, under the headings clinicians use when
they ask about suicide. Most are built from the parts in earned/core/crisis_words.py: a frame
("I want", "thinking about") and an outcome for oneself ("to be dead", "not to wake up") joined
by small words only. earned/core/crisis_language.py decides which to leave aside. Pure data.
"""

from __future__ import annotations

from earned.core.crisis_words import (
    BODY,
    ENDS,
    GAP,
    GONE,
    MEANS,
    OUTCOME,
    RELIEF,
    SELF_VERBS,
    THINKING,
    TOOLS,
    WANTING,
)

PHRASES: dict[str, tuple[str, ...]] = {
    "a frame and an outcome": (
        rf"\b(?:{WANTING})(?:{GAP})(?:{OUTCOME})",
        rf"\b(?:{THINKING})(?:{GAP})(?:{OUTCOME})",
        rf"\b(?:{WANTING})(?:{GAP})death\b(?! of (?:the|my|a)\b| in the family)",
        rf"\b(?:relief|easier|easy|better|peaceful|nicer|kinder|simpler|tempting|comforting"
        rf"|appealing)(?:{GAP})(?:{OUTCOME})",
        r"\bwhat if i (?:just )?(?:didn't|did not|don't|never) wake up\b",
        r"\bwhat if i (?:just )?(?:disappeared|wasn't here|stopped existing|ended it)\b",
        rf"\b(?:dying|being dead|death|not waking up|not existing|not being here|ending it"
        rf"|suicide|killing myself|never waking up)(?: in my sleep| tonight| now| soon)? {RELIEF}",
        r"\bif i (?:got|get|was|were) (?:hit|run over|killed|gone)\b.{0,40}\b(?:relieved|glad"
        r"|fine|okay|ok|a relief|happy|better)\b",
        r"\b(?:hope|hoping|hoped|wish|wishing|pray|praying)\b.{0,20}\bsomething (?:bad )?(?:happens"
        r"|would happen|will happen|happened) to me\b",
        r"\bso i (?:don't|do not|wouldn't|won't) have to (?:go on|keep going|be here|wake up|live"
        r"|carry on|face (?:it|another day|tomorrow))\b",
        r"\bwant (?:everything|it all|the world) to go (?:dark|black|quiet) (?:and stay|forever"
        r"|for good)",
        r"\bout of this life\b(?! of)",
        r"\bwish(?:ed|es|ing)?\b.{0,80}\band that i (?:was|were) (?:gone|dead|never born"
        r"|not here)\b",
        r"\b(?:won't|will not|wouldn't|not going to) fight (?:it|the \w+)\b.{0,30}\b(?:welcome it"
        r"|let it take me|let it win|let it happen)\b",
        r"\b(?:died|passed away|passed|lost (?:her|him|them|my \w+)|death)\b.{0,40}\b(?:want|wanted"
        r"|long|longing|wish|wished)\w* to (?:join|be with) (?:her|him|them|my \w+)",
        r"\b(?:want|wanted|long|longing|wish|wished)\w* to (?:join|be with) (?:her|him|them|my \w+)"
        r"(?: again)?,? wherever (?:she|he|they) (?:is|are)",
        r"\b(?:(?:jealous|envious) of|envy) (?:people|those|anyone|everyone|the ones) who"
        r" (?:have |has )?(?:died|are dead|get to die|passed away|die in their sleep)\b",
        r"\bso it (?:would|could|will|'d|might) all be over\b",
        r"\b(?:plane|flight|turbulence)\b.{0,60}\b(?:hop|wish|pray)\w*\b.{0,20}\b(?:it|we|the"
        r" plane) (?:would|will|might|could) (?:crash|go down)\b",
    ),
    "wish to be dead": (
        r"\b(?:rather|prefer to|sooner) (?:be dead|not be alive|not exist) than\b",
        r"\b(?:rather|prefer to|sooner) die than (?:keep|go on|carry on|live|living|feel|feeling|be"
        r" alive|face|wake|this|do this|be here|suffer|stay|spend another)\b",
        r"\bbetter off dead\b",
        r"\bput me out of my misery\b",
        r"\b(?:disappointed|annoyed|sad|upset|angry|gutted|sorry) (?:that )?i (?:woke up|am"
        r" still alive|'m still alive|survived|am still here|'m still here|didn't die|did not"
        r" die|wake up)\b",
        r"\b(?:pray|praying|prayed|hope|hoping|wish|wishing|ask|asking|asked|beg|begging"
        r"|begged)\b[^.!?;]{0,30}\b(?:god|the"
        r" universe|death|something|someone|this (?:illness|cancer|virus|disease)|it) (?:will"
        r" |would |could |to |might )?(?:just )?(?:take|takes|end|ends|finish|finishes|kill"
        rf"|kills) me(?: off| away| in my sleep| tonight)?{ENDS}",
        rf"\b(?:for|want) (?:it all|everything|all of it|things|my life|this life|the pain"
        rf"|it|this) to (?:just )?"
        rf"(?:end|be over|stop|be finished|be done)(?:,? (?:forever|for good|permanently))?{ENDS}"
        r"(?! so (?:that )?i (?:can|could))",
        rf"\b(?:favour|favor|relief|blessing|mercy)\b.{{0,30}}\bif i (?:{GONE}|disappear(?:ed)?)",
        r"\b(?:favour|favor)\b.{0,20}\bby (?:dying|disappearing|ending it|killing myself"
        r"|not being here)\b",
        rf"\b(?:better|happier|easier|relieved|fine|lighter|freer)(?: off)?(?: for (?:everyone"
        rf"|everybody|them|all of them|all))?(?: off)? (?:without me|if i (?:{GONE}))",
        r"\bif i (?:was|were) (?:gone|dead|not here)\b.{0,60}\b(?:easier|better|happier|relieved"
        r"|fine|lighter)\b",
        r"\b(?:go to sleep|fall asleep|sleep|fell asleep) (?:and|&) (?:never|not|don't|do not)"
        r" wake(?: up)?\b",
        r"\b(?:never|not) (?:to )?wake up again\b",
        r"\b(?:hope|hoped|wish|pray|praying|hoping|wishing)(?: that)? i (?:just )?(?:don't|do not"
        r"|won't|will not|never|didn't|wouldn't|would not) wake up\b",
        r"\b(?:hope|hoped|wish|pray|prayed|praying|hoping|wishing)(?: that)? i (?:just )?(?:don't"
        r"|do not|won't|will not|never|wouldn't|would not) (?:have|need) to (?:face|see|live"
        r" through|get through) (?:another|one more|a single more) day\b",
        r"\bif i (?:didn't|did not|don't|never) wake up\b.{0,50}\b(?:fine|okay|ok|relief|better"
        r"|good|mind)\b",
        rf"\b(?:don't|do not) want to (?:be alive|exist|wake up|be here|live|keep living"
        rf"|carry on|go on)(?: like this)?(?: again| anymore| any more| any longer| ever"
        rf"| tomorrow)?{ENDS}",
        rf"\b(?:tired|sick|exhausted|weary) of (?:being alive|living|life|existing|being here"
        rf"|breathing){ENDS}",
        r"\b(?:tired of|sick of|exhausted from) (?:fighting|trying) to stay alive\b",
        r"\b(?:don't|do not) want to be alive\b",
        r"\b(?:don't|do not|didn't|no longer) (?:care|mind) (?:if|whether) i (?:live or die|live"
        r" or not|die or not|wake up or not|make it or not)\b",
        r"\b(?:wouldn't|would not) (?:mind|care) if i (?:died|was dead|were dead|didn't wake up"
        r"|never woke up|got hit|got run over|disappeared)\b",
        r"\b(?:wish|hope|pray)(?:ing|ed)?,? (?:that )?(?:a |the |some )?[a-z']+(?: [a-z']+){0,2}"
        r" (?:would |will |could )?(?:just )?(?:hit|kill|crush|take|run) me(?: over)?" + ENDS,
        r"\b(?:hope|wish) (?:that )?i (?:get|got|would get|will get) (?:hit|run over|killed)\b",
        r"\b(?:crash|crashed|sink|sank|explode|exploded|fall|fell) with me (?:in|on)"
        r" (?:it|board)\b",
    ),
    "thoughts of killing oneself": (
        rf"\b(?:{SELF_VERBS}) myself\b",
        r"\b(?:kill|killing|killed) me\b(?=.{0,20}\b(?:myself|on purpose|by my own)\b)",
        r"\bthrow(?:ing)? myself (?:off|in front of|under|from)\b",
        r"\b(?:slit|slitting|cut|cutting|slash|slashing|open|opening) (?:my|both) wrists\b",
        r"\bend(?:ing|ed)? (?:my|my own) life\b(?! as (?:a|an|the)\b| in (?!my sleep)[a-z]+ and\b)",
        r"\b(?:take|taking|took|taken) (?:my own|my) life\b",
        r"\battempt(?:ed)? on my (?:own )?life\b",
        r"\bend(?:ing)? it all\b",
        r"\b(?:urge|urges|impulse|temptation|pull|need) to end it\b(?! with| there| here| early"
        r"| now and| for (?:the|them|him|her|us))",
        r"\b(?:going to|gonna|want to|wanted to|might|should|could|will|'ll|just) off myself\b",
        rf"\bend(?:ing|ed)? (?:it|things|everything)(?: all)?(?: for good| tonight| soon| now"
        rf"| today| this weekend| forever| once and for all)?{ENDS}",
        r"\b(?:suicide|suicidal|suicidality)\b",
        r"\bself[- ]harm(?:ing|ed|s|er)?\b",
        r"\b(?:overdose|overdosed|overdosing)\b",
        r"\bimagin(?:e|ed|ing) (?:my own death|being dead|dying|my (?:own )?funeral)\b",
        r"\bmy (?:own )?funeral\b.{0,40}\b(?:soon|who would come|imagin|picture|plan)",
    ),
    "method or means": (
        r"\b(?:gun|rifle|pistol|shotgun|weapon|cliff|bridge|ledge|rooftop|tracks"
        r"|car park)\b.{0,60}\b(?:keep"
        r" thinking about|thinking about it|think about it|think about using it|looking at it"
        r"|can't stop thinking"
        r"|what i could do with it)\b",
        r"\bhow (?:long|far|high) the (?:fall|drop) (?:was|is|would be)\b",
        r"\b(?:fatal|lethal|deadly) (?:dose|amount|quantity)\b",
        r"\b(?:drink|drinking|drank|swallow|swallowing|swallowed) (?:the )?(?:bleach|antifreeze"
        r"|poison|weedkiller)\b",
        rf"\b(?:took|taken|take|taking|swallowed) more (?:{MEANS}) than (?:i should|prescribed"
        r"|i'm meant to|i was meant to|allowed)\b",
        rf"\b(?:look|looked|looking|see|seeing) at (?:the|my) (?:{TOOLS}|{MEANS})\b[^.!?;]{{0,30}}"
        r"\bdifferently\b",
        r"\b(?:stood|standing|stand) (?:on|at) (?:the platform edge|the edge of the platform)\b",
        r"\b(?:swallow|swallowing|swallowed|overdose on|take|taking) (?:everything"
        r"|the lot|whatever|all of it|all i have|all i've got)\b (?:in|from) (?:the|my)"
        r" (?:cabinet|cupboard|drawer|bathroom|medicine)",
        r"\b(?:swallow|swallowing) (?:everything|the lot|all of it|all i have"
        r"|all i've got)\b",
        r"\b(?:ways|way|how|methods?|easiest way|best way) to (?:die|kill myself|end it all|end my"
        r" life|overdose|hang myself|do it painlessly|die painlessly)\b",
        rf"\b(?:took|swallowed|taken|take|taking|swallow) (?:\d{{2,}}|twenty|thirty|forty|fifty|a"
        rf" dozen|dozens of|all of (?:my|the)) (?:of )?(?:my |the )?(?:{MEANS})\b",
        r"\b(?:i'll|i will|i might|i'm going to|i could|i may|i'd) (?:end up doing|do) something"
        r" (?:stupid|to myself|drastic|i can't take back)\b",
        r"\btak(?:e|ing) them all\b",
        rf"\b(?:take|taking|took|swallow|swallowing|swallowed|down|downing)\s+(?:all|every|the"
        rf" whole|a whole|all of|the rest of)\s+(?:of\s+)?(?:my\s+|the\s+|these\s+|those\s+)?"
        rf"(?:single\s+)?(?:{MEANS})\b",
        rf"\b(?:think|thinking|thought|thinks) (?:about|of) (?:using |taking |getting )?(?:the|my)"
        rf" (?:{TOOLS}|pills|tablets)\b",
        r"\b(?:walk|walked|walking|swim|swam|swimming|wade|waded|wading) (?:into|out into|out to)"
        r" (?:the )?(?:sea|river|lake|water|waves|ocean)\b.{0,30}\b(?:not|never) (?:come|coming)"
        r" back\b",
        rf"\b(?:look|looking|looked|stare|staring|stared|held|holding|hold|count|counting"
        rf"|counted|line|lining|lined|lay|laid|laying|tip|tipped|pour|poured|empty|emptied"
        rf"|crush|crushing|crushed) (?:out |up )?(?:at )?(?:all )?(?:of )?(?:the|my|a handful of"
        rf"|all the|every) (?:[a-z]+'s )?(?:{MEANS}|{TOOLS})\b(?!.{{0,50}}\b(?:doctor|pharmacist"
        rf"|nurse|gp"
        rf"|chemist|pharmacy|prescription|refill|repeat|week|organiser|organizer|dosette|pill box"
        rf"|holiday|trip|food|meal|breakfast|drawer for)\b)",
        rf"\b(?:{MEANS}|{TOOLS})\b.{{0,50}}\bwhat i could do with (?:it|them)\b",
        r"\b(?:googled|googling|google|searched|searching|search|looked up|looking up|look up"
        r"|researched|researching|reading about|read about|reading up|read up|asked"
        r" (?:chatgpt|ai|the internet)|watched videos (?:on|about))\b.{0,40}\b(?:would (?:kill"
        r"|do it|work|be enough|be lethal)|lethal|fatal|ways to (?:die|kill|end)|how to (?:kill"
        r"|end|die|overdose|hang|drown)|(?:painless|quick|easy) ways?|how (?:long|quickly) it"
        r" takes to die|to die\b|kill me\b|overdos|suicid|hanging|hang myself|(?:dose|amount)"
        r" (?:that|to|which))",
        r"\b(?:which|what|how many|how much) (?:of )?(?:my |the |these )?(?:" + MEANS + ")"
        r" (?:would|will|could|it would take to|it takes to|to) (?:work|kill|do it|be enough"
        r"|be lethal|end it|die)\b",
        r"\bhow (?:many|much)(?: of)?(?: my| the)?(?: \w+)? (?:it would take|would it take|it takes"
        r"|to take|would kill|is lethal|is fatal|would be lethal|would be enough)\b",
        r"\b(?:jump|jumping|jumped|throw myself|threw myself|throwing myself)\s+(?:off|from)\s+"
        r"(?:the |a |an |my |that |this )?(?:bridge|roof|rooftop|building|balcony|cliff|ledge"
        r"|window|car park|multi-storey|tower|top floor)\b",
        r"\b(?:jump|jumping|jumped|step|stepping|stepped|walk|walking|walked|lie|lying|lay|laid"
        r"|throw myself|threw myself|throwing myself)\s+(?:down )?(?:in front of|under|onto)\s+"
        r"(?:the |a |an )?(?:train|trains|bus|car|lorry|truck|traffic|tracks|railway|rails)\b",
        r"\b(?:walk|walked|walking|step|stepped|stepping|run|ran|running|drive|drove|driving)"
        r" into (?:the )?(?:oncoming )?traffic\b",
        r"\b(?:crash|crashing|crashed) (?:the|my) car (?:on purpose|deliberately)\b",
        r"\b(?:stood|standing|stand|sat|sitting) (?:on|at|by) the (?:edge|ledge|railing|parapet"
        r"|tracks)\b(?! of the (?:pool|bed|stage|diving|sofa|dance|swimming|bath|water))"
        r".{0,60}\b(?:jump|step|lean|fall|let go|end it)",
        r"\bhow i(?:'d| would| will|'ll| could| might) (?:do it|kill myself|end it|die)\b",
        r"\bwhich (?:bridge|building|cliff|method|pills|tablets|rope|train|tree|car park) i(?:'d"
        r"| would| will|'ll| could| might) (?:use|jump from|pick|choose|take)\b",
        r"\b(?:drive|drove|driving|walk|walked|walking|swim|swam|swimming)"
        r" (?:(?:my|the|our) (?:car|van) )?(?:into|off)"
        r" (?:the |a )?(?:lake|river|sea|canal|cliff|bridge|quarry|oncoming)\b",
        r"\b(?:gun|barrel|pistol|rifle|shotgun)\b.{0,10}\b(?:in|into|to|against) my (?:mouth"
        r"|head|temple|chin)\b",
        rf"\bcount(?:ed|ing)? how many (?:of )?(?:my |the )?(?:[a-z]+'s )?(?:{MEANS})\b"
        r"(?!.{0,50}\b(?:refill|repeat|prescription|order|pharmacy|chemist|doctor|gp)\b)",
        r"\b(?:car )?exhaust\b.{0,30}\b(?:hose|pipe|tube)\b|\b(?:hose|pipe|tube)\b.{0,30}\b(?:car"
        r" )?exhaust\b",
        r"\bengine running\b.{0,30}\b(?:garage|closed|shut|windows up)\b|\b(?:garage|closed"
        r" garage)\b.{0,60}\b(?:leav|left|keep|kept)\w* the engine running\b",
        rf"\b(?:bought|buying|got|getting|ordered|collected|saved)\b.{{0,40}}\b(?:{MEANS})\b"
        r".{0,30}\b(?:so (?:that )?i(?:'d| would| will|'ll)? have enough|enough to (?:do it|die"
        r"|end it|kill))",
        r"\b(?:bought|buying|got|ordered|found|have) (?:a |the |some )?(?:rope|noose|razor blades"
        r"|blades|gun|charcoal|helium)\b(?:.{0,30}\b(?:for (?:it|that|when)|just in case|to (?:do"
        r"|end|use)|tonight|today|ready))",
    ),
    "a plan or a time": (
        r"\b(?:worked out|figured out|decided|planned) (?:exactly )?(?:when|how|where) i(?:'ll"
        r"| will"
        r"|'m going to| am going to) do it\b",
        r"\b(?:how and when|when and how|where and when)\b.{0,20}\b(?:do it|end it|die|kill"
        r" myself)\b",
        r"\b(?:have|has|had|got|made|making|make|my) (?:a|my|the) plan (?:to (?:die|end|kill"
        r"|overdose|do it)|and a (?:date|time)|for (?:how|when|it))\b",
        r"\bplan(?:ned|ning)? (?:out )?how (?:i(?:'m| am| will|'ll| would|'d) (?:going to )?)?"
        r"(?:do it|die|end it|kill|go)\b",
        rf"\bmy plan is to (?:take|swallow) (?:all |the |my |every |of )*(?:{MEANS})\b",
        r"\bmy plan is to (?:jump|hang myself|end it|end my life|kill myself|overdose|die|do it"
        r" when)\b",
        r"\b(?:set|picked|chosen|chose|choose|choosing|decided on|have|got|made|make) (?:a|the)"
        r" (?:date|day|time|place|method)(?: in mind)? (?:to|for (?:when|it)|when) (?:i )?"
        r"(?:die|end it|kill myself|do it|it happens|go)\b",
        r"\bdo it\b(?: \w+){0,2} (?:when|once|after|while) (?:[a-z']+ ){1,3}"
        r"(?:is |are |'s |has |goes |leaves |falls )?(?:asleep|gone|out|away|at work|on holiday"
        r"|at (?:their|his|her|my) \w+(?:'s)?|at school"
        r"|not home|not around|left|leaves|go|goes|falls asleep|go to bed|goes to bed)\b",
        r"\bwhen (?:she|he|they|everyone|my \w+) (?:leaves|leave|goes|go|is asleep|are asleep|falls"
        r" asleep|is away|are away|goes away|goes to|go to|is at|are at)\b.{0,30}\bi(?:'ll| will"
        r"| can|'m going to| am going to) do it\b",
        r"\bhow i(?:'m| am) going to (?:die|do it|kill myself|end it)\b",
        r"\b(?:have|got|had) it (?:all )?planned\b",
        r"\b(?:no one|nobody|anyone|someone) (?:would|will|could|'d)? ?(?:find|finds) me\b"
        r".{0,20}\b(?:too late|in time)\b",
        rf"\b(?:booked|book|booking|rented|rent|found)\b.{{0,30}}\b(?:hotel|room|cabin|airbnb)\b"
        rf".{{0,20}}\bso (?:that )?i (?:can|could) (?:do it|end it|die|kill myself|take (?:the"
        rf"|all the|all my|my) (?:{MEANS}))\b",
        r"\b(?:on|this|next|by) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
        r"|weekend|week|month|the \w+)\b.{0,20}\bi(?:'m| am|'ll| will) (?:going to )?(?:kill myself"
        r"|end it|die|do it)\b",
    ),
    "intent": (
        r"\bthis (?:will be|is) my last (?:week|day|night|christmas|birthday)\b(?! (?:at|in|of|with"
        r"|before|here|as|on))",
        r"\b(?:going to|gonna|will|'ll) (?:finally |really |actually )?end it (?:after|before|once"
        r"|on|at) (?:the|my|his|her|our|their) [a-z']+(?: [a-z']+)?(?!.{0,20}\bwith\b)",
        r"\b(?:got|have|made) a plan\b.{0,20}\b(?:going to|will|'ll) (?:use it|go through with it"
        r"|do it)\b",
        r"\bthis time i(?:'m| am| will|'ll)(?: really| actually"
        r"| finally)? (?:going to )?(?:go through"
        r" with it|do it|end it)\b",
        r"\b(?:won't|will not|not going to|(?:don't|do not) (?:think|expect|imagine) i(?:'ll|"
        r" will)(?: still)?) be (?:here|around|alive) (?:at|for|by) (?:christmas|my"
        r" birthday|new year|the end of the (?:week|month|year))\b(?!.{0,40}\b(?:visiting|moving"
        r"|travelling|traveling|holiday|trip|away|work|going to|contract|job|lease|course|term)\b)",
        r"\bit will happen (?:next|this|on|tomorrow|tonight)\b.{0,40}\bmade (?:my|the) decision\b",
        r"\bready to go(?! home| out| to| back| shopping)\b.{0,30}\b(?:had enough|can't do this)",
        r"\b(?:made up my mind|decided|determined|resolved) (?:that )?(?:to|i(?:'m| am) going to"
        r"|i will|i'll) (?:die|end it|end my life|kill myself)\b",
        rf"\bgoing to die{ENDS}",
        rf"\b(?:going to|gonna|will|'ll) (?:finally |really |actually )?end it{ENDS}",
        r"\blast (?:entry|message|thing|words|time|post|text|letter) i(?:'ll| will)? (?:ever )?"
        r"(?:write|send|say|post)\b",
        r"\b(?:won't|will not|not going to|wouldn't|will no longer) be (?:here|around|alive|a"
        r" (?:burden|problem) (?:to|for) (?:anyone|anybody|everyone|you))(?: for)? (?:(?:much|very"
        r" much|long|a lot|many more) )?(?:longer|after (?:this|tonight|today|tomorrow))\b"
        r"(?!.{0,40}\b(?:visiting|moving|travelling|traveling|holiday|trip|away|work|conference"
        r"|hospital|shift|course|because|as i'm)\b)",
        r"\b(?:won't|will not) be alive\b",
        r"\bsoon i (?:won't|will not) be a (?:burden|problem)\b",
        r"\b(?:won't|will not) have to (?:deal with|worry about|put up with) me (?:for )?(?:much "
        r"|very much )?longer\b",
        rf"\b(?:done|finished|through) (?:with )?(?:life|living|being alive|existing|it all"
        rf"|everything|all of it|this world|this life){ENDS}",
        rf"\bgive up on (?:life|living|being alive){ENDS}",
    ),
    "preparing": (
        r"\bso (?:nobody|no one) (?:inherits|has to pay|gets stuck with|is left with) (?:them|it"
        r"|my debts?)\b",
        r"\bgoodbye\b.{0,40}\blike it was the last time\b",
        r"\b(?:will|note|letter)\b.{0,40}\b(?:told nobody why|told no one why|without telling"
        r" (?:anyone|anybody) why)\b",
        r"\bgoodbye\b.{0,20}\bjust in case\b",
        r"\bbecause i (?:won't|will not|wouldn't) (?:need (?:it|them|any of it)|be (?:here|around)"
        r"(?: for it)?)\b",
        r"\bso (?:nobody|no one|they|my family|my parents|my kids) (?:has|have|would have|won't"
        r" have|doesn't have|don't have) to (?:do it|deal with it|sort it|clear it|go through it)"
        r"(?: after| afterwards| when i'm gone| once i'm gone)",
        r"\bin case i(?:'m| am) (?:not here|not around|gone|dead|no longer here)\b",
        r"\bin case i (?:don't|do not) (?:make it|wake up|come back)\b",
        rf"\b(?:hiding|hid|hidden|stashing|stashed) (?:the |my |some |a )?(?:{TOOLS})\b",
        r"\b(?:goodbye|farewell|suicide|final|last) (?:letter|letters|note|notes|message|messages"
        r"|text|texts)\b",
        r"\b(?:letter|letters|note|notes|message|messages) (?:to|for) (?:everyone|everybody"
        r"|my family|each of them|the people i love)\b",
        r"\b(?:letter|letters|note|notes)\b.{0,40}\bto (?:find|read)(?: \w+)? (?:after"
        r"|afterwards|when i'm gone|once i'm gone|when i am gone)",
        r"\bletters? to say goodbye\b",
        rf"\b(?:letter|letters|note|notes)\b.{{0,60}}\bfor after(?:wards)?{ENDS}",
        r"\b(?:will|passwords|accounts|affairs|insurance|funeral)\b.{0,60}\b(?:for when|in case"
        r"|once|after) i(?:'m| am) (?:not here|gone|dead|no longer (?:here|around))\b",
        r"\b(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|collected) up"
        r" (?:my |all my )?(?:repeat )?prescriptions?\b",
        r"\b(?:letter|letters|note|notes|message|messages)\b.{0,40}\bin case i (?:don't|do not"
        r"|can't|won't) (?:make it|come back|get through|survive)\b",
        r"\b(?:writing|wrote|written|write) (?:my |out my )?(?:goodbye|goodbyes)\b",
        rf"\b(?:left|wrote) a note{ENDS}",
        r"\bleft a note on the (?:table|bed|side|door|kitchen)",
        r"\b(?:give|giving|given|gives|gave) (?:away )?(?:my|all my|all of my) (?:things|stuff"
        r"|belongings|possessions|cat|dog|pets?|plants|guitar|jewellery|jewelry|books)(?: away)?\b"
        r"(?!.{0,30}\b(?:(?:because|since|as) (?:i'm|i am) (?:moving|downsizing|decluttering)"
        r"|(?:to|at) (?:the )?charity|charity shop))",
        r"\bwhen i(?:'m| am) (?:gone|dead|no longer here|not here anymore)\b"
        r"(?! (?:for|on|to|away))",
        r"\b(?:after|once) i(?:'m| am) (?:gone|dead)\b(?! (?:for|on|to|away))",
        r"\bsa(?:y|ying|id) (?:my )?(?:final |last )?goodbyes?\b.{0,60}\b(?:without (?:them|her"
        r"|him|anyone) knowing|didn't know it was goodbye|for good|forever|one last time"
        r"|everyone|everybody|the people i love|my (?:family|kids|children|parents))",
        r"\bsa(?:y|ying|id) my (?:final |last )?goodbyes\b(?! (?:at|on|before (?:i|we) (?:left"
        r"|went)|to (?:the|my) (?:team|colleagues|class)))",
        r"\bdidn't know it was (?:goodbye|the last time)\b",
        r"\bsa(?:y|ying|id) goodbye\b.{0,40}\bwithout (?:telling|saying|letting) (?:them|her|him"
        r"|anyone|anybody)(?: know)? why\b",
        r"\b(?:got|have|hidden|hid|keep|kept|put|tied|tying) the rope\b|\b(?:a|the|my) noose\b",
        r"\b(?:note|notes|letter|letters)\b.{0,50}\b(?:all ready|everything is ready"
        r"|it's (?:all )?ready|all set|ready now)\b",
        rf"\b(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|collected"
        rf"|gathering|gathered|hiding|hid|hidden|stashing|stashed|keeping|kept|storing|stored)"
        rf"(?: up)? (?:my |enough |all my |a lot of |up my |away my |some |the |extra )?"
        rf"(?:pain |sleeping |heart )?(?:{MEANS})"
        rf"\b(?!.{{0,30}}\b(?:for|from) (?:the (?:cat|dog|kids|children)|my (?:trip|holiday)))",
        rf"\b(?:{MEANS}|{TOOLS}) (?:is |are )?(?:ready|hidden|saved up)\b",
        r"\beverything i need to (?:do it|end it|die)\b",
        r"\b(?:sorted|sorting|put|putting|getting|got|set|setting) (?:out )?my affairs\b"
        r"(?! in order (?:with|for) (?:the|my) (?:accountant|solicitor|lawyer|bank|move|tax"
        r"|business|retirement))",
        r"\b(?:deleted|deleting|cancelled|cancelling) (?:all )?my (?:accounts|photos|social"
        r" media)\b.{0,40}\b(?:won't need|not be here|gone|goodbye|end)",
    ),
    "acts of self-harm": (
        rf"\b[a-z]+ my (?:{BODY})\b.{{0,40}}\b(?:on purpose|deliberately|to feel something|to"
        r" punish myself|to feel pain|until it bled|until it bruised)\b",
        r"\b(?:cutting|carving|burning|scratching|slicing|hitting|punching|bruising) my (?:arms"
        r"|legs|thighs|wrists|stomach|skin|hips)\b",
        rf"\b(?:burnt|burned|burn|cut|scratched|scratch|hit|bit|hurt|punched|punch|slapped|carved"
        rf"|bruised|bang|banged|sliced|stabbed) (?:my|myself on the|myself in the) (?:{BODY})\b"
        r".{0,40}\b(?:on purpose|deliberately|again|to feel|to punish|raw|until|till|til|so hard"
        r"|as punishment|because i deserved)\b",
        r"\b(?:urge|urges|need|needing|want|wanting|wanted|tempted|feel like|felt like|craving"
        r"|crave) (?:to )?(?:cut|cutting)\b(?! (?:back|down|off|out|ties|the|my hair|it |corners"
        r"|in |up|loose|costs|class|a |an |some|through|across|him|her|them|my losses|sugar"
        r"|carbs))",
        r"\b(?:cut|cutting) (?:again|tonight|today|last night|this morning)\b",
        r"\b(?:relapsed|relapse|slipped)\b.{0,20}\b(?:cut|hurt|burn|self|harm|scratch)",
        r"\b(?:weeks|months|days|years) (?:clean|free) (?:from|of) (?:cutting|self-harm|hurting)"
        r"\b.{0,40}\b(?:until|but|and then|before) ",
        r"\bstarted (?:cutting|burning|scratching|hurting) again\b",
        r"\b(?:fresh|new|deep) (?:cuts|scars|burns|wounds|marks) on my\b",
        r"\buntil (?:i|it) (?:bled|bleed|bleeds|bruised|bruises)\b",
        r"\b(?:until|till|til) my \w+ (?:(?:were|was|are|is) )?(?:bled|bleed|bleeds|bleeding"
        r"|bruised|bruises|split|broke|cracked)\b",
        r"\b(?:punched|punch|punching|hit|hitting|kicked|banged|banging) (?:the|a) (?:wall|door"
        r"|mirror)\b.{0,20}\b(?:on purpose|deliberately)\b",
        rf"\b(?:carv|cut|scratch|etch|burn)\w* [^.!?;]{{0,30}}\binto my (?:{BODY})\b",
        r"\buntil (?:i|it) (?:broke|break|breaks) the skin\b",
        r"\b(?:banged|banging|bang|hit|hitting|punched|punching) my head (?:against|on|into)"
        r" (?:the )?(?:wall|door|floor|desk)",
        r"\bto make (?:it|them|myself) (?:hurt|bleed)\b",
        r"\bwant(?:ed)? to feel (?:pain|physical pain)\b",
        rf"\b(?:took|take|taking|swallowed|swallow|taken) (?:too many|a load of|a handful of"
        rf"|handfuls of"
        rf"|loads of|a lot of|a bunch of|a whole (?:box|packet|bottle|strip) of|double|triple"
        rf"|extra) (?:my )?(?:{MEANS})\b(?!.{{0,30}}\b(?:as|like) (?:the|my) (?:doctor|gp))",
    ),
    "indirect": (
        r"\bi(?:'m| am| feel like| feel| felt like) (?:just |such |only |nothing but |so much of "
        r")?a burden (?:to|on|for) (?:everyone|everybody|my \w+|them|all|the people|people|him|her"
        r"|everyone around me|the world|those)\b",
        rf"\bi(?:'m| am) (?:just |such |only |nothing but )a burden{ENDS}",
        rf"\b(?:no one|nobody|not one person|none of them)\s+(?:would|will|'d)\s+(?:even\s+"
        rf"|really\s+)?(?:notice|care|mind|miss me|look for me|be sad|cry)\s+if\s+i\s+(?:{GONE}"
        rf"|disappear(?:ed)?)\b(?!\s+for\s+(?:a|an|the|some|one|two|three|\d+)\s+(?:\w+\s+)?"
        rf"(?:day|days|week|weeks|weekend|while|bit|hour|hours|month|months|evening|night))",
        rf"\b(?:no one|nobody)(?: would| will)? (?:even |really )?miss me{ENDS}",
        r"\bif i (?:disappeared|died|was gone|were gone|wasn't here|killed myself)[, ]+(?:no one"
        r"|nobody) would\b",
        r"\b(?:what's|what is|whats) (?:even )?the point (?:of|in)(?: even| me| my)? (?:living"
        r"|being alive|life|going on|carrying on|staying alive|waking up|being here|existing"
        r"|me being here|trying anymore|anything anymore)\b",
        r"\bno (?:reason|point) (?:for me to|in me|to me) (?:go on|going on|live|living|be here"
        r"|being here|stay|keep going|carry on|wake up)\b",
        r"\b(?:(?:don't|do not|can't|cannot) see |no idea |don't know )?why i should (?:keep"
        r" living|go on|stay alive|be alive|live|bother living|carry on|keep going|be here)\b",
        r"\b(?:i'm|i am|i feel like|i feel) (?:just |such |only |nothing but )?a (?:waste of"
        r" (?:space|oxygen|air|life|skin)|drain on everyone)\b",
        r"\b(?:a )?better place without me\b",
        r"\bno (?:reason|point) (?:in |to )?(?:me |my )(?:being here|living|being alive|existing"
        r"|going on|carrying on|waking up)\b",
        r"\bno (?:reason|point) (?:to live|in living|living|to go on|in being alive|to be alive"
        r"|to keep living|in going on|to keep going|in carrying on|to stay|to wake up|in waking"
        r" up|to carry on|in trying anymore|in anything anymore)\b",
        rf"\bno point (?:in )?(?:going on|carrying on|being here|existing){ENDS}",
        r"\bnothing (?:left )?to live for\b",
        r"\bnothing (?:left )?for me (?:here|in this world|anymore)\b",
        r"\b(?:except|other than|apart from|but) (?:dying|death|to die|suicide|ending it|ending my"
        r" life|killing myself)\b(?! my hair)",
        r"\b(?:can't|cannot|don't|do not) see (?:a|any|the) (?:way|future|option|choice)\b.{0,20}"
        r"\b(?:except|other than|apart from|but) (?:dying|death|to die|suicide|ending it|ending my"
        r" life|killing myself)\b",
        r"\b(?:can't|cannot|can not|don't|do not) see (?:a|any|the) way (?:to|of) (?:keep living"
        r"|keep going|go on|live|stay alive|carry on|be alive)\b",
        r"\b(?:can't|cannot|can not|don't|do not) see (?:a|any|the) (?:reason|point) (?:to|in|of)"
        r" (?:live|living|keep living|go on|going on|stay alive|be alive|being alive|life|any of"
        r" it)\b",
        r"\bno way out (?:except|but|other than) (?:dying|death|to die|suicide|ending it)\b",
        r"\bthe only way out\b.{0,20}\b(?:die|dying|death|end it|ending it)\b",
        r"\b(?:don't|do not|can't|cannot) see (?:a|any) future (?:for me|for myself|at all)\b",
        r"\b(?:see|have) no future (?:for me|for myself|at all|left)\b",
        r"\b(?:don't|do not|can't|cannot) (?:see|imagine) (?:a|any) future (?:where|in which)"
        r" i(?:'m| am) (?:still )?(?:alive|here|around)\b",
        r"\b(?:no one|nobody|not many|hardly anyone|few people) (?:would|will)(?: even| bother"
        r" to)? (?:come|go|turn up|show up) to my funeral\b",
        r"\bbetter off with me (?:dead|gone|out of the way|out of the picture)\b",
        r"\b(?:run|ran|running) out of (?:reason|reasons) to (?:live|stay|keep going|go on"
        r"|stay alive|be alive|be here)\b",
        rf"\b(?:can(?:'t|not| not)|(?:don't|do not) think i can) (?:go on|keep going|carry on"
        rf"|keep living|keep doing this|keep doing it|keep on|do life|be here)(?: living)?(?: like"
        rf" this)?(?: anymore| any more| any longer| much longer| for much longer| very much"
        rf" longer)?{ENDS}",
        r"\bwhy (?:am i|do i|should i|bother) (?:even |still )?(?:alive|living|exist|existing"
        r"|still here|bother living|bother waking up|keep waking up)\b",
        rf"\bcan(?:'t|not| not) (?:do|take|handle|bear|stand|cope with) (?:this|it|any of this"
        rf"|life|living|being alive|this life)(?: anymore| any more| any longer){ENDS}",
        rf"\bdone with (?:everything|it all|all of it)\b.{{0,30}}\bwant out{ENDS}",
        r"\bwant out of (?:this |my )?(?:life|existence|living|everything)\b",
        r"\b(?:isn't|is not|not|no longer|never|ain't) worth (?:living|being alive|staying alive|it"
        r" anymore|it any more|the pain|the fight|fighting for)\b",
        r"\b(?:life|living|being alive|existing|my life) (?:isn't|is not|not|is no longer|stopped"
        r" being) worth it\b",
        r"\b(?:life|living|my life|being alive) (?:has|holds) no (?:meaning|point|purpose)(?: for"
        r" me)?(?: anymore| any more)?\b",
        r"\b(?:staying alive|living|being alive|life|my life|existing) (?:feels|seems|is|has"
        r" become) (?:so |just |completely |totally )?(?:pointless|meaningless|unbearable|too"
        r" much|too hard|not worth it|like a burden)\b(?! without (?!me\b)| at (?:work|the)\b)",
        r"\b(?:don't|do not) deserve to (?:live|be alive|exist|be here)\b",
        r"\b(?:deserve|deserved) to (?:die|be dead|suffer and die)\b",
        r"\b(?:shouldn't|should not) (?:be alive|exist|have been born|be here)\b",
        r"\bshould (?:just )?(?:die|be dead|kill myself|not be alive|not exist|disappear)\b",
        r"\b(?:world|everyone|everybody|family) (?:would be|is) better without me\b",
        r"\b(?:i'm|i am) (?:just )?(?:taking up|wasting) (?:space|oxygen|air)\b",
    ),
}  # fmt: skip
