/** Words that make a headline piece a clause: an auxiliary, a modal, or headline-style "to" + verb ("Micron to shut"). */
const auxiliaries =
  /^(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|shall|should|does|do|did|gets?|got)$/i;

/** A present-tense verb in a headline: "plants", "claims", "puts" — not a possessive, "-ss", "-us" or "-ous" word. */
const presentVerb = /^[a-z][a-z-]*[^su'’]s$/;

/** A past tense or participle a headline uses as its verb: "valued", "sold", "cut". */
const pastVerb = /^[a-z][a-z-]{2,}ed$/;

const determiner = /^(?:a|an|the|its|their|his|her|our|your|this|that|these|those|every|each|some|no)$/i;

/** "Thirty days", "$2 billion deals": a count before a plural. */
const quantity =
  /^(?:[$€£]?\d[\d.,]*%?|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|many|few|several|more|most|all|both)$/i;

/** A piece led by one of these depends on another clause ("When models learn to cheat"). */
const subordinate =
  /^(?:when|while|if|as|because|since|after|before|until|unless|although|though|how|why|where|whether|which|that|who)\b/i;

/**
 * A headline piece is a clause when a word after its first reads as a verb: the lead "Nvidia plants a $2 billion stake"
 * is one, "Huang's Washington day" and "Notes on a study" are not. Title Case headlines ("OpenAI Names First
 * Recipients") are read lower-cased.
 */
export function isClause(piece: string): boolean {
  const words = piece.trim().split(/\s+/);
  if (words.length < 3 || subordinate.test(piece.trim())) return false;
  const long = words.filter((w) => /^\p{L}{4,}/u.test(w));
  const titleCase = long.length >= 3 && long.every((w) => /^\p{Lu}/u.test(w));
  return words.slice(1).some((raw, i) => {
    const w = (titleCase ? raw.toLowerCase() : raw).replace(/[,;:.?!)]+$/, "");
    if (auxiliaries.test(w)) return true;
    // Headline "to" ("Micron to shut") follows a name; "phone to data centre" is a noun phrase.
    if (w === "to")
      return (
        /^\p{Lu}/u.test(words[i] ?? "") && /^[a-z]+$/.test(words[i + 2] ?? "") && !determiner.test(words[i + 2] ?? "")
      );
    // "a shelved act" is a noun phrase: a participle after a determiner describes, it does not assert.
    if (pastVerb.test(w)) return !determiner.test(words[i] ?? "");
    // "the laws that take effect", "recipients of": a plural noun, not a verb, when a determiner, a relative
    // pronoun, "of" or a list's comma sits beside it.
    const next = (words[i + 2] ?? "").toLowerCase();
    const noun =
      determiner.test(words[i] ?? "") ||
      quantity.test(words[i] ?? "") ||
      /[,;]$/.test(raw) ||
      /^(?:that|which|who|whose|of|and|or)$/.test(next);
    return presentVerb.test(w) && !noun;
  });
}

/** A main clause may end before one of these: what follows is a further clause, not a verb's object or place. */
const clauseBreak = /\s(?:as|after|while|amid|because|despite|even as|but|since|though|although|and then)\s/g;

/**
 * The bold lead of a bullet, from a story's headline: a complete clause that stands alone — the headline's first
 * clause whole when it has at most `maxWords` words, else that clause up to where a further clause begins ("… as
 * demand …"). Never cut at a preposition, since that may cut a verb from its object ("Kling O1 puts video generation
 * and video editing" [in one model]). Null when no piece of the headline is such a clause: the caller leaves the
 * bullet out rather than lead with a fragment.
 *
 * @example leadClause("Nvidia plants a $2 billion stake in chip-design software maker Synopsys") // whole: 11 words
 */
export function leadClause(headline: string, maxWords = 12): string | null {
  const pieces = headline
    .replace(/[.;:]+$/, "")
    .split(/\s*(?:[;:|]|\s[—–-]\s|,\s(?:says|said|as|while|after|and|but)\s)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  const kicker = (p: string) => (!/\s\p{Lu}/u.test(p) && !/\d/.test(p)) || p.split(/\s+/).length <= 2;
  const ordered = [...pieces.filter((p) => !kicker(p)), ...pieces.filter(kicker)];
  for (const piece of ordered) {
    if (!isClause(piece)) continue;
    const words = piece.split(/\s+/);
    if (words.length <= maxWords) return piece.replace(/,$/, "");
    let best: string | null = null;
    for (const m of piece.matchAll(clauseBreak)) {
      const head = piece.slice(0, m.index).replace(/,$/, "");
      const n = head.split(/\s+/).length;
      if (n >= 4 && n <= maxWords && isClause(head)) best = head;
    }
    if (best) return best;
  }
  return null;
}
