/**
 * Safe compression only: drops what adds no fact — a wire dateline ("SAN FRANCISCO, Dec 1 (Wirebeat) —"), a
 * press-wire tag, a trailing "the company said" or "according to a statement" — and never rewords a claim.
 */
export function compressSentence(sentence: string): string {
  let s = sentence.trim();
  s = s.replace(
    /^(?:[A-Z][A-Z.'-]+(?:[ ,]+(?:and\s+)?[A-Z][A-Za-z.'-]+){0,5}),?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^)]{1,40}\)|\/[^/]{1,40}\/)?\s*(?:—|–|--|-)\s+/,
    "",
  );
  s = s.replace(/\s*\/[A-Za-z ]{2,30}\/\s*/g, " ");
  s = s.replace(
    /,\s+(?:the (?:company|firm|startup|group|lab|chipmaker|bank|agency)|it|he|she|they|[A-Z][a-z]+ [A-Z][a-z]+) (?:said|says|announced|added|noted|wrote)(?: (?:on|in) [A-Z][a-z]+(?: \d{1,2})?| in a (?:statement|blog post|filing|post))?\.$/,
    ".",
  );
  s = s.replace(/,\s+according to (?:a|the) (?:statement|filing|press release|blog post|company)\.$/, ".");
  s = s.replace(/\s+/g, " ").trim();
  if (s && /^[a-z]/.test(s)) s = s[0]?.toUpperCase() + s.slice(1);
  return s;
}

/**
 * Sentences that lean on what came before cannot stand alone: a pronoun or "the company" with no referent ("It
 * said…", "The company…"), a connective that answers an earlier sentence ("Even so…", "Then…", "Still…"), a speaker
 * named only as "he said", a set-up that the next sentence turns ("For two decades the pitch has been…"), a pronoun
 * after an opening phrase ("For long contexts, this cuts…") or as a gerund's object ("Making it consumes…"), or a
 * sentence that ends in a colon and introduces what follows.
 */
export function standsAlone(sentence: string): boolean {
  const s = sentence.trim();
  return (
    !/^(?:it|this|that|these|those|they|he|she|its|their|his|her|the (?:company|firm|move|deal|startup|start-up|chip|model|lab|newspaper|report|two|pair|news|plan|figure|decision|round|purchase|stake|investment|acquisition|offering|listing|agreement|partnership|funding|release|launch|update|product|service|feature|tool|app|system|filing|sale|order|contract|bid|change|shift|latest|new (?:model|chip|version|system|tool|service)|same)|such|both|but|and|or|so|yet|also|however|meanwhile|still|instead|then|thus|hence|even so|even then|nonetheless|nevertheless|otherwise|similarly|likewise|moreover|furthermore|besides|as a result|by contrast|in turn|in (?:addition|contrast|other words|short)|that's|now|again)\b/i.test(
      s,
    ) &&
    !/^(?:after|before|during|since|until|by|at) (?:that|this|those|these|then)\b/i.test(s) &&
    !/^(?:with|after|as part of|alongside|following|under|despite) (?:the|this|that|its|these) (?:announcement|deal|move|launch|acquisition|release|news|agreement|partnership|change|decision)\b/i.test(
      s,
    ) &&
    // "The Claude developer has…", "The Beijing GPU designer…": a description whose name is in an earlier sentence.
    !/^the\s+(?:[A-Z][\w.-]*\s+){1,3}(?:[a-z-]+\s+)?(?:developer|maker|owner|creator|company|startup|start-up|giant|chipmaker|firm|lab|group|designer|operator|provider|rival|unit|retailer|platform)\b/.test(
      s.charAt(0).toLowerCase() + s.slice(1),
    ) &&
    // "On Thursday it introduced…": a time phrase does not give the pronoun a referent.
    !/^(?:on|in|at|last|this|earlier|later)\b[^,]{0,30},?\s+(?:it|he|she|they|the (?:company|firm|startup|start-up|group|lab))\b/i.test(
      s,
    ) &&
    // "For long contexts, this cuts…", "If approved, it would…": an opening phrase does not give the pronoun a referent.
    !/^[^,]{1,40},\s+(?:it|this|these|those|they|he|she)\s+[a-z]/i.test(s) &&
    // "Most often that means…": an adverb does not give the pronoun a referent either.
    !/^(?:most often|often|usually|typically|generally|mostly|sometimes|in practice|in most cases)\s+(?:that|this|it|they)\b/i.test(
      s,
    ) &&
    // "Here is what arrives on January 1": it points at sentences that follow, which the reader does not see.
    !/^(?:here(?:'s|’s| is| are)|(?:this|that) is (?:what|how|why))\b/i.test(s) &&
    // "The third ingredient targets agents": the first two were counted in sentences the reader does not see.
    !/^the (?:second|third|fourth|fifth|other|next|latter|former|remaining)\b/i.test(s) &&
    // "Nvidia had already warned that…": "already" measures against a moment an earlier sentence set.
    !/\bhad already\b/i.test(s) &&
    // "Making it consumes far more wafer capacity…": what "it" is was said before.
    !/^[A-Z][a-z]+ing\s+(?:it|them|this|these|those)\b/.test(s) &&
    // "OpenAI released it on…": the thing is named in a sentence the reader does not see.
    !/^[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)?\s+[a-z]+ed\s+(?:it|them)\b/.test(s) &&
    // "Micron, he said, had made…": the speaker is named in a sentence the reader does not see.
    !/(?:^|[,;—–]\s*|\s)(?:he|she|they)\s+(?:said|says|added|told|noted|wrote|explained|argued)\b/i.test(s) &&
    // "For two decades the pitch has been…", "Until now…": a set-up whose turn comes in the next sentence.
    !/^(?:for (?:years|decades|months|a decade|two decades|a generation|most of [\w ]{1,20})|until (?:now|recently|this week|this year)|(?:a|one|two|three|a few) (?:years?|decades?|months?) ago)\b/i.test(
      s,
    ) &&
    // "…is built for that situation", "…solves this problem": a demonstrative pointing back at what was described.
    !/\b(?:that|this|these|those|such) (?:situation|situations|problem|problems|case|cases|scenario|scenarios|gap|bottleneck|challenge|challenges|need|limitation|limitations|approach|kind of|sort of|trade-off|tradeoff)\b/i.test(
      s,
    ) &&
    !/:$/.test(s)
  );
}

/** Numbers as words, "zero" to "twenty", by value. */
export const numberWords = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
  "twenty",
];

/** A sentence's identity for "printed once per issue": its letters and digits, lower-cased. */
export function sentenceKey(sentence: string): string {
  return sentence
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const trailingSmallWords =
  /\s+(?:a|an|the|of|to|for|and|or|with|on|in|at|by|from|as|its|their|his|her|into|over|after|says?|said|is|are|was|your|our|my|inside)$/i;

/**
 * A headline cut to its first clause, for a subject line or a bullet's lead: up to `maxWords` words, ending on a word
 * that carries meaning ("Nvidia plants a $2 billion stake in chip-design software maker Synopsys" → "Nvidia plants a $2
 * billion stake"), never with an ellipsis.
 */
export function shortTitle(headline: string, maxWords = 9): string {
  const pieces = headline.split(/\s*(?:[;:|]|\s[—–-]\s|,\s(?:says|said|as|while|after|and)\s)\s*/);
  // "From phone to data centre: Mistral's new family…": a kicker naming no one gives way to the clause after it.
  const kicker = (p: string) => (!/\s\p{Lu}/u.test(p) && !/\d/.test(p)) || p.split(/\s+/).length <= 2;
  const clause = ((pieces.length > 1 && kicker(pieces[0] ?? "") ? pieces[1] : pieces[0]) ?? headline).trim();
  const words = clause.split(/\s+/);
  let out = words.slice(0, maxWords).join(" ");
  if (words.length > maxWords) {
    // Cut at a preposition so the rest reads as a phrase: "stake in chip-design…" → "stake".
    const cut =
      /^(.{12,})\s+(?:in|inside|into|on|at|by|under|across|through|for|to|with|from|as|after|over|amid|while|and)\s/.exec(
        `${out} `,
      );
    if (cut?.[1]) out = cut[1];
  }
  let previous = "";
  while (previous !== out) {
    previous = out;
    out = out.replace(trailingSmallWords, "").replace(/[,;:]+$/, "");
  }
  return out;
}
