/**
 * The readings of a headline that subject choice relies on: which names are never a story's subject, which words
 * open a headline without naming anyone, and the phrases that say a name is the one the event happened to ("defects
 * to Anthropic", "sues Midjourney", "CEO of X") or only a counterpart ("Apple's designer", "Microsoft-backed").
 */

/**
 * Names that are organisations in the text but never what a story is about: market indexes, exchanges, licences,
 * news organisations, and the generic subjects that capitalised headline words pass for.
 */
export const neverSubjects = new Set(
  [
    "dow jones",
    "dow jones industrial average",
    "dow",
    "s&p 500",
    "s&p",
    "nasdaq",
    "nasdaq composite",
    "nyse",
    "new york stock exchange",
    "ftse",
    "nikkei",
    "kospi",
    "mit license",
    "apache",
    "gpl",
    "ai",
    "big tech",
    "wall street",
    "silicon valley",
    "reuters",
    "bloomberg",
    "associated press",
    "financial times",
    "the information",
    "wall street journal",
    "the new york times",
    "cnbc",
    "sec filing",
    "gpu",
    "llm",
    "ceo",
  ].map((n) => n.toLowerCase()),
);

/** Organisations that are also licences' names: "MIT-licensed weights" name the licence. */
export const licenceNames = new Set(["mit", "apache", "apache software foundation", "bsd", "mozilla"]);

/** Words that open a headline without naming anyone ("Why", "What", "Exclusive"). */
export const headlineWords =
  /^(?:why|what|how|when|who|where|exclusive|analysis|opinion|explainer|breaking|update|watch|report|first|new|inside|the|a|an|this|our|my|its|here|meet|introducing|announcing|another|ex|former|more|some|all|every|top|big)\b/i;

/**
 * Verbs a headline's subject does: "Etched raises $120M", "Apptronik closes…". A capitalised name before one of
 * them is who the story is about even when no table knows it.
 */
export const headlineVerbs =
  /^\s+(?:raises?|closes?|launch(?:es)?|unveils?|releases?|introduces?|announces?|debuts?|ships?|opens?|open-sources?|acquires?|buys?|hires?|signs?|files?|wins?|loses?|lands?|secures?|nabs?|bags?|valued|hits?|reaches?|tops?|cuts?|lays?|plans?|says?|reports?|posts?|warns?|expands?|adds?|rolls?|brings?|partners?|teams?|agrees?|sues?|faces?|settles?|collapses?|shows?|previews?|goes|is|gets|makes?|takes?|rebrands?|becomes?|steps?|names?|taps?|picks?|prices?|confirms?|denies?|drops?|pulls?|delays?|pauses?|joins?|leaves?|quits?|buil[dt]s?|bets?|doubles?|triples?|overtakes?|beats?|misses?|tumbles?|soars?|jumps?|falls?|slides?|surges?|plunges?|races?|moves?|heads?|eyes?|targets?|seeks?|wants?|prepares?|readies|courts?|weighs?|considers?|explores?|sets?|pushes?|turns?|offers?|bids?|invests?|backs?|commits?|pledges?|strikes?|inks?|sells?|spins?|scraps?|kills?|ends?|fires?|retires?|resigns?|departs?|returns?|expects?|forecasts?|guides?|beats?|warns?)\b/i;

/** After a name, words that make it a counterpart: "Apple's designer", "Microsoft-backed Builder.ai". */
export const counterpartAfter =
  /^(?:['’]s?\s|-(?:backed|funded|owned|linked|based|style)\b|\s+(?:rival|alum|veteran)\b)/i;

/**
 * Before a name, phrases that make it the one the event happened to: a move's destination ("defects to",
 * "joins"), a lawsuit's target ("sues"), the company a person leads ("CEO of").
 */
export const subjectBefore =
  /(?:\b(?:defects?|moves?|heads?|jumps?|returns?|decamps?)\s+to|\bleaves(?:\s+\w+)?\s+for|\bjoins?|\bsues?|\bsued|\bsuing|\b(?:ceo|chief\s+executive|chief|head|president|chair(?:man|woman)?|founder|boss)\s+of)\s+(?:the\s+)?$/i;

/** People whose acts are their office's: a head of state or government acts for the government they lead. */
export const offices: ReadonlyMap<string, string> = new Map([
  ["donald trump", "White House"],
  ["trump", "White House"],
  ["joe biden", "White House"],
  ["biden", "White House"],
  ["emmanuel macron", "Government of France"],
  ["keir starmer", "UK Government"],
  ["rishi sunak", "UK Government"],
  ["gavin newsom", "Office of the Governor of California"],
  ["xi jinping", "Government of China"],
  ["narendra modi", "Government of India"],
]);

/** Bodies a story names in place of the one that acts: the EU's acts are its Commission's. */
export const actingBody: ReadonlyMap<string, string> = new Map([
  ["european union", "European Commission"],
  // A bureau of the Commerce Department, as a unit is of its company.
  ["bureau of industry and security", "US Department of Commerce"],
]);
