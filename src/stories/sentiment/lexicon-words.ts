// The financial-news vocabulary behind the sentiment rules, as a reader of market news uses it. Each key lists the
// word forms that share an entry, separated by "|"; a key with spaces is a phrase. Values are strengths in 0..1.

/**
 * Financial objects, and which way is good for the company: up for revenue, profit, orders, the share price; down
 * for losses, costs, debt, churn. `inherent` is the object's own tone when nothing moves it ("a charge", "layoffs").
 */
export const goodObjects: Record<string, number> = {
  "revenue|revenues|sales|turnover|topline|top line": 0,
  "income|profit|profits|earnings|eps|earnings per share|net income|operating income|ebitda|bottom line": 0,
  "margin|margins|gross margin|operating margin|profitability": 0,
  "growth|demand|bookings|order book|backlog|pipeline|consumption|adoption|usage|traffic|momentum": 0,
  "orders|order|contracts|contract|deals": 0.25,
  "guidance|forecast|forecasts|outlook|view|projections|target|targets|price target|price targets": 0,
  "rating|ratings|credit rating": 0,
  "valuation|market value|market cap|market capitalisation|market capitalization|value|worth": 0,
  "cash flow|free cash flow|cash|liquidity|cash position|reserves": 0,
  "retention|net revenue retention|users|subscribers|customers|customer|clients|buyers|market share|share": 0,
  "shares|stock|stocks|share price|stock price|the market|markets": 0,
  "dividend|dividends|payout": 0,
  "buyback|buybacks|repurchase|repurchases|share repurchases|share buybacks": 0.6,
  "prices|pricing|price|yields|yield|volumes|shipments|deliveries|capacity|supply": 0,
  "workforce|jobs|roles|staff|employees|headcount|positions|hiring": 0,
  "funding|financing|round|funding round|new funding": 0.3,
  capital: 0,
  "investment|investments": 0,
  "gain|gains|valuation gain|windfall|upside": 0.5,
  "confidence|sentiment|optimism|appetite": 0,
  "estimates|estimate|expectations|consensus|forecasts of analysts|the street|wall street": 0,
  "partnership|partnerships|collaboration|alliance": 0.15,
  "acquisition|acquisitions|merger|purchase|takeover|offering|ipo|listing|transaction|deal": 0,
  "approval|approvals|clearance|go-ahead|green light": 0.4,
  "returns|return on investment|payback": 0,
  "dominance|lead|leadership|edge|advantage": 0,
};

export const badObjects: Record<string, number> = {
  "loss|losses|net loss|operating loss|operating losses|deficit|shortfall": 0.5,
  "cost|costs|expenses|expense|opex|outlays|bills|stock based compensation|share based compensation|stock compensation": 0,
  "debt|borrowing|borrowings|leverage|liabilities|debt load": 0.2,
  "churn|attrition|inventory|inventories|stockpile": 0,
  "charge|charges|write-down|write-downs|writedown|writedowns|write-off|impairment|impairments": 0.6,
  "layoffs|job cuts|redundancies|workforce reduction|job losses": 0.8,
  "burn|cash burn|dilution": 0.4,
  "headwinds|headwind|pressure|pressures|uncertainty|volatility": 0.35,
  "risk|risks|competition|rivals": 0.2,
  "concerns|concern|fears|fear|worries|worry|doubts|doubt|anxiety|jitters|scepticism|skepticism|questions|question marks": 0.5,
  "tariffs|tariff|restrictions|restriction|export controls|export restrictions|export curbs|export rules|curbs|sanctions|ban|bans|constraints|constraint|bottleneck|bottlenecks": 0.5,
  "overhang|uncertainties|obstacle|obstacles|hurdle|hurdles|drag|weakness": 0.5,
  "delays|delay|shortage|shortages|glut|oversupply|backlash|scrutiny|criticism": 0.5,
  "lawsuit|lawsuits|litigation|legal claims|complaint|complaints|probe|probes|investigation|investigations|inquiry": 0.55,
  "fines|penalty|penalties|damages|liability|settlement": 0.5,
  "outage|outages|disruption|disruptions|breach|breaches|recall|recalls": 0.65,
  "downturn|slowdown|selloff|sell-off|rout": 0.55,
  "short interest|bankruptcy|insolvency|chapter 11": 0.6,
};

/**
 * Spending is bad for the spender's margins but good for its suppliers: half a bad object, so "debt-funded
 * spending" still reads badly and "customers keep increasing spending, supporting demand" can read well.
 */
export const spendObjects = "spending|capex|capital expenditures|capital spending|investment plans|spending plans";

/** Objects whose "lifting" removes them: "lifted the ban". */
export const barriers = "ban|bans|restrictions|restriction|curbs|sanctions|controls|freeze|suspension|tariffs|cap";

/**
 * Direction words. Transitive ones move the object after them ("cut its forecast"), intransitive ones the subject
 * before them ("the loss narrowed"). Weak ones ("higher") count only when no stronger direction word is near.
 */
export const movesUp: Record<string, [strength: number, transitive: boolean, weak?: boolean]> = {
  "rise|rises|rose|risen|rising": [0.7, false],
  "climb|climbs|climbed|climbing": [0.7, false],
  "grow|grows|grew|grown|growing": [0.6, false],
  "jump|jumps|jumped|jumping|surge|surges|surged|surging|soar|soars|soared|soaring|skyrocketed|rocketed": [0.9, false],
  "gain|gains|gained|gaining|advance|advanced|advances": [0.6, false],
  "rally|rallies|rallied|rallying|rebound|rebounded|rebounds|recover|recovered|recovers|recovering": [0.8, false],
  "increase|increases|increased|increasing|expand|expands|expanded|expanding|widen|widens|widened|widening": [
    0.6,
    false,
  ],
  "accelerate|accelerates|accelerated|accelerating|reaccelerated|reacceleration|acceleration": [0.7, false],
  "double|doubled|doubles|doubling|triple|tripled|tripled|quadrupled|quadruple|balloon|ballooned|swelled|spiked|spike":
    [0.8, false],
  "pick up|picked up|picks up|ticked up|edged up|edged higher|moved higher|inched up": [0.5, false],
  "raise|raises|raised|raising|lift|lifts|lifted|lifting|boost|boosts|boosted|boosting|hike|hiked|hikes": [0.8, true],
  "bump up|bumped up|ramp up|ramped up|ramps up|step up|stepped up|beef up|beefed up|top up": [0.6, true],
  "higher|up|upward|larger|bigger|wider|record|all-time high|record high|record-high|fastest|faster|more": [
    0.5,
    false,
    true,
  ],
  "support|supports|supported|supporting|underpin|underpins|underpinned|bolster|bolsters|bolstered|fuel|fuels|fuelled|fueled|fueling|fuelling|drive|drives|drove|driving":
    [0.6, true],
  "stronger|improved|improve|improves|improving|improvement|strengthened|strengthen": [0.7, false],
  "closed a|closed its|closes a|closes its|completed|completes|completing|finalised|finalized|finalises|finalizes": [
    0.5,
    true,
    true,
  ],
  "exceed|exceeded|exceeds|exceeding|surpass|surpassed|surpasses|outpace|outpaced|outpaces|outpacing|outgrew": [
    0.8,
    false,
  ],
};

export const movesDown: Record<string, [strength: number, transitive: boolean, weak?: boolean]> = {
  "fall|falls|fell|fallen|falling|drop|drops|dropped|dropping|decline|declines|declined|declining": [0.7, false],
  "slide|slides|slid|sliding|slip|slips|slipped|slipping|dip|dips|dipped|dipping": [0.6, false],
  "sink|sinks|sank|sunk|tumble|tumbles|tumbled|tumbling|plunge|plunges|plunged|plunging|plummet|plummeted": [
    0.9,
    false,
  ],
  "tank|tanked|crater|cratered|slump|slumped|slumps|crash|crashed|collapse|collapsed|nosedived|sagged|sag": [
    0.9,
    false,
  ],
  "shrink|shrinks|shrank|shrunk|shrinking|narrows|narrowed|narrowing|contracted|contracting": [0.6, false],
  "soften|softens|softened|softening|moderate|moderated|moderating": [0.6, false],
  "compress|compressed|compressing|compression|erode|eroded|eroding|erosion|evaporate|evaporated": [0.6, false],
  "slow|slows|slowed|slowing|decelerate|decelerated|decelerating|deceleration|cool|cooled|cooling": [0.6, false],
  "weaken|weakened|weakening|deteriorate|deteriorated|deteriorating|worsen|worsened|worsening": [0.7, false],
  "retreat|retreated|lose|loses|lost|losing|shed|sheds|shedding|halve|halved|halving": [0.7, false],
  "pull back|pulled back|edged down|edged lower|ticked down|moved lower|inched down|came down": [0.5, false],
  "cut|cuts|cutting|lower|lowers|lowered|lowering|reduce|reduces|reduced|reducing|trim|trims|trimmed|trimming": [
    0.8,
    true,
  ],
  "slash|slashed|slashes|slashing|pare|pared|scale back|scaled back|scaling back|rein in|reined in": [0.8, true],
  "withdraw|withdrew|withdrawn|withdraws|suspend|suspended|suspends|pause|paused|pauses|halt|halted|halts": [0.8, true],
  "remove|removes|removed|removing|eliminate|eliminates|eliminated|eliminating|ending|put an end to|puts an end to|stem|stemmed":
    [0.8, true],
  "ease|eased|easing|eases|alleviate|alleviated|relieve|relieved|resolve|resolved|resolves|resolving": [0.7, true],
  "cap|caps|capped|capping|curb|curbed|curbing": [0.6, true],
  "lower|down|downward|smaller|slower|weaker|softer|lowest|slowest|weakest|less|fewer|narrower|thinner": [
    0.5,
    false,
    true,
  ],
  "dismiss|dismissed|dismisses|dismissing|threw out|throws out|tossed out|dropped its|dropped the|dropped a": [
    0.7,
    true,
  ],
};

/** Words that carry their own tone whatever they apply to. */
export const polarWords: Record<string, number> = {
  // Beating and missing.
  "beat|beats|beating|topped|tops|outperformed|outperforms|hit a record|hits a record|hit record|hit a record high|hit an all-time high|set a record": 0.8,
  "will supply|to supply|supplies|selected|chosen|picked|named its first customer|new customer|new customers": 0.35,
  "above expectations|above estimates|above forecasts|ahead of expectations|ahead of estimates|ahead of forecasts|ahead of schedule|ahead of plan|well ahead of|running ahead of": 0.6,
  "better than expected|better-than-expected|stronger than expected|stronger-than-expected": 0.6,
  "better|best|best-selling": 0.4,
  "on track|on schedule|on pace|on course|in demand|sold out|record results": 0.5,
  "upgrade|upgraded|upgrades|overweight|outperform rating|buy rating|raised to buy|bullish|upbeat|optimistic": 0.8,
  "strong|robust|solid|healthy|booming|boom|brisk|resilient|impressive|blockbuster|stellar|sturdy": 0.5,
  "tailwind|tailwinds|momentum|milestone|breakthrough|turnaround|upswing|recovery": 0.45,
  // Wins, deals, approvals.
  "win|wins|won|winning|secures|secured|securing|landed|clinch|clinched|awarded": 0.6,
  "signed|signing|inked|struck a deal|strikes a deal|partner with|partners with|partnered with|teamed up": 0.5,
  "approve|approves|approved|authorised|authorized|authorises|authorizes": 0.15,
  "cleared|clears|greenlit|greenlights|won approval|wins approval|received approval|gained approval": 0.5,
  "surprise profit|unexpected profit": 0.6,
  "surprise loss|unexpected loss": -0.6,
  "punished|punishes|punishing|dumped|dumping|shunned": -0.6,
  "announced a partnership|announces a partnership|formed a partnership|forms a partnership|entered into a partnership|enters into a partnership|new partnership|strategic partnership|expanded partnership|expanded its partnership|deepened its partnership|deepens its partnership": 0.45,
  "repurchased|repurchasing|bought back|buys back|buy back|buying back|pay a dividend|pays a dividend|paying a dividend|pay dividends|initiated a dividend|initiates a dividend|reinstated its dividend": 0.5,
  "declared a special dividend|special dividend|swung to a profit|swung back to a profit|swung to profit|return to profit|returned to profit": 0.7,
  "turn a profit|turned a profit|profitable|cash-flow positive|cash flow positive|breakeven|break even|breaking even|breaks even|broke even": 0.6,
  "stabilised|stabilized|stabilise|stabilize|stabilising|stabilizing|held firm|holds firm|firmed": 0.5,
  "overtook|overtaking|overtakes|overtake|first place|top spot|leapfrogged": 0.6,
  "speed up|speeds up|sped up|accretive|synergies|resume|resumed|resumes|restored|restore|reinstated": 0.45,
  "relief|reassured|reassuring|confidence in": 0.6,
  "fresh funding|raised funding|new funding|oversubscribed": 0.5,
  // Misses, warnings, trouble.
  "miss|missed|misses|missing|fell short|falls short|fall short|short of|shortfall": -0.8,
  "below expectations|below estimates|below forecasts|below|behind schedule|weaker than expected|weaker-than-expected|worse than expected|worse-than-expected":
    -0.6,
  "disappoint|disappointed|disappointing|disappoints|disappointment|underwhelmed|underwhelming": -0.7,
  "downgrade|downgraded|downgrades|underweight|underperform|sell rating|cut to sell|bearish|gloomy|pessimistic": -0.8,
  "weak|soft|sluggish|lacklustre|lackluster|dismal|poor|worse|worst|tepid|anaemic|anemic|muted|bleak": -0.5,
  "warn|warns|warned|warning|warnings|profit warning|caution|cautioned|cautious|flagged|flags": -0.55,
  "worried|concerned|anxious|nervous|fretted|fret|frets|questioned|question|balked|balk|soured|spooked|rattled|alarmed|unnerved":
    -0.5,
  "fail|fails|failed|failure|struggle|struggles|struggled|struggling|stumble|stumbled|falter|faltered": -0.5,
  "cancel|cancelled|canceled|cancels|terminated|terminate|scrapped|scrap|abandoned|abandon|axed|shelved": -0.6,
  "delayed|delays|postpone|postponed|postpones|pushed back|push back|slipped to|behind rivals": -0.6,
  "banned|blocked|blocks|restricted|blacklisted|entity list|sanctioned|barred|prohibited": -0.7,
  "sue|sued|sues|suing|alleging|alleged|alleges|accused|accuses|violated|violation|violations|breached|misled": -0.55,
  "settle|settled|settles|settling|to settle": -0.4,
  "fined|antitrust|anti-monopoly|monopoly|monopolistic|anticompetitive|anti-competitive|probed|investigating": -0.55,
  "disrupted|damaged|earthquake|hacked|cyberattack|leaked|vulnerable|exposed to|verdict against": -0.55,
  "resigned|resigns|resignation|ousted|ouster|fired|departure|departed|quit|step down|steps down|stepped down|stepping down":
    -0.45,
  "shut down|shuts down|shutting down|wind down|winding down|break up|breakup|forced sale|force the sale|forced to sell|divest|divestiture":
    -0.5,
  "layoff|lay off|laid off|lays off|cut jobs|cutting jobs|job cuts|restructuring": -0.7,
  "material weakness|going concern|accounting irregularities|restatement|restated|unprofitable|insolvent": -0.8,
  "overvalued|bubble|frothy|stretched valuation|expensive|costly|pricey": -0.4,
  "under pressure|came under pressure|comes under pressure|sell-off|selloff|sold off|hit hard|headwinds": -0.6,
  "walk back|walked back|walks back|backtrack|backtracked|bailout|backstop": -0.45,
  "lock-up expired|lock-up expiry|lock up expired|lock-up expiration|dilutive": -0.5,
  "voted down|voted against|rejected|rejects|reject|objections|objected|opposed|opposes": -0.55,
  "burning through|burning cash|burns through|losing money|debt-funded|debt funded|funded with debt": -0.6,
  "backlash|scrutiny|controversy|scandal|outcry|boycott": -0.55,
  "merely|only matched|just matched": -0.3,
  "hit|hits|hurt|hurts|weigh on|weighed on|weighs on|weighing on|dent|dented|squeeze|squeezed|pressured|pressures":
    -0.55,
  "negative|negatively": -0.5,
  "positive|positively": 0.5,
  "take longer|takes longer|taking longer|took longer|longer than expected|longer than planned": -0.5,
  "few options|limited options|running out of|ran out of|no buyers|no bidders|lack of interest|little interest": -0.5,
  "cost cutting|cost cuts|cost savings|cost reductions|cost saving|savings": 0.3,
  "returned to growth|return to growth|returned to profit|return to profit|returned to profitability|back to growth": 0.7,
  "reinstate its dividend|reinstated its dividend|reinstates its dividend|resume dividend|resumed its dividend": 0.6,
  "added to the s&p 500|join the s&p 500|joins the s&p 500|added to the index|premium of|a premium to": 0.5,
  "no dividend|skip its dividend|skipped its dividend|suspend its dividend|suspended its dividend|dividend cut": -0.7,
  "bad loans|loan losses|set aside|provisions for|halt production|halts production|halted production": -0.5,
};

/** Negators flip the next tone word in their clause. Some also carry a tone when nothing follows ("failed"). */
export const negators: Record<string, number> = {
  "not|no|never|without|neither|nor|cannot|can't|won't|didn't|doesn't|don't|isn't|wasn't|aren't|weren't|hasn't|haven't|hadn't|couldn't|wouldn't|shouldn't": 0,
  "no longer|not yet|nothing|none|lack of|lacks|lacked|absence of": 0,
  "failed to|fails to|fail to|unable to|unlikely to|struggled to|struggles to|struggle to|refused to|refuses to": -0.5,
  "not be able to|not able to|won't be able to|will not be able to": -0.5,
  "declined to|declines to|decline to|reversed|reverses|reversing|reversal of|undid|undo": 0,
  "shrugged off|shrugs off|shrug off|brushed off|brushes off|shook off|shakes off|overcame|overcomes|weathered": 0.6,
};

/** Hedges soften a clause without changing its direction. */
export const hedges =
  "may|might|could|would|reportedly|considering|considers|mulling|mulls|weighing|weighs|exploring|explores|plans to|planning to|plan to|potential|potentially|possible|possibly|likely|expected to|expects to|is set to|are set to|is said to|rumoured|rumored|speculation|if|unless|seeking|seeks|aims to|hopes to|intends to|according to";

/** Words that say nothing moved: they pull a clause toward neutral. */
export const marketNeutralizers =
  "flat|unchanged|little changed|steady|held steady|mixed|roughly flat|range-bound|sideways";
export const neutralizers =
  "in line|in-line|reiterated|reiterates|reaffirmed|reaffirms|maintained|maintains|as expected|no change|matched|matches";

/** Phrases that carry no tone and would otherwise trip a rule ("declined to comment", "termination fee"). */
export const toneless =
  "weight loss|weight-loss|standard & poor's|standard and poor's|s&p global|sole supplier|declined to comment|declines to comment|did not respond|did not immediately respond|would not comment|could not be reached|no comment|not disclose|did not disclose|declined to disclose|neither confirm nor deny|would neither confirm nor deny|termination fee|subject to regulatory approval|subject to approval|regulatory approval|record date|on record|for the record|share split|stock split|not only|no decision|no update|declined to elaborate|in talks|late to comment|price range|lost track|up to|set up|sets up|setting up|up front|follow up|lined up|make up|makes up|made up|took up|in advance|advance notice|the end of|end of|by the end|year end|year-end|end-to-end|fine-tuning|fine-tuned|fine-tune|ramp-up period|halted pending|trading halt|trading halted|halted trading|as part of|as well as|such as|as much as|as many as|as early as|as soon as|as of|as long as|as a|after hours|after the bell|after the close|after the market closes|after markets close|after-hours|awaiting approval|awaiting regulatory approval|pending approval|pending regulatory approval|requires approval|require approval|needs approval|need approval|seek approval|seeking approval|for approval";

/**
 * Contrast markers. After "but"/"however" the clause before counts less; the clause a concessive word opens
 * ("despite", "although", "even though", "while") counts less.
 */
export const contrastBefore = "but|however|yet|nevertheless|nonetheless";
/** Subordinate clauses give reasons ("as investors worried", "after it cut its forecast"); the main clause decides. */
export const subordinate = "as|because|since|amid|after|following|thanks to|due to|helped by|driven by";

export const concessive =
  "compared with|compared to|versus|despite|although|though|even though|even as|even with|while|whereas|notwithstanding|in spite of|offsetting|offset|offsets|more than offsetting|partly offset by|offset by|aside from";

/** Words that strengthen or soften the next tone word. */
export const intensifiers: Record<string, number> = {
  "sharply|significantly|substantially|strongly|dramatically|steeply|markedly|considerably|massively|hugely|vastly": 1.4,
  "sharp|steep|massive|huge|big|biggest|major|largest|heavy|heavily|deep|deeper|significant|substantial|further|another|again|yet another": 1.3,
  "more than expected|than expected|than anticipated|than forecast|than analysts had expected|than feared|than planned": 1.3,
  "slightly|modestly|marginally|somewhat|a bit|mildly|small|modest|slight|minor|little": 0.6,
};

/** Words after which "record" is a verb ("to record an impairment"), not a high. */
export const verbCues = "to|will|would|could|may|might|must|did|does|not";
