import type { Entity, EntityType } from "../../model/entity.ts";
import type { Token } from "./tokenize.ts";

/**
 * The state of one extraction: the text, its tokens, which tokens a name already claimed, what was found, and per
 * token whether it starts with a capital (1), a digit (2) or neither (0), so rules skip most words at once.
 */
export type Scan = { text: string; tokens: Token[]; taken: Uint8Array; caps: Uint8Array; found: Entity[] };

const upperFirst = /^\p{Lu}/u;

/** Starts a scan of a text's tokens. */
export function startScan(text: string, tokens: Token[]): Scan {
  const caps = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    const code = token.text.charCodeAt(0);
    if (code >= 65 && code <= 90) caps[i] = 1;
    else if (code >= 48 && code <= 57) caps[i] = 2;
    else if (code > 127 && upperFirst.test(token.text)) caps[i] = 1;
  }
  return { text, tokens, taken: new Uint8Array(tokens.length), caps, found: [] };
}

export type Found = { type: EntityType; normalized: string; ticker?: string };

/** Records an entity over tokens `from`..`to` (inclusive), `extra` characters past the last (a final "."). */
export function claim(scan: Scan, from: number, to: number, what: Found, extra = 0): Entity | null {
  const first = scan.tokens[from];
  const last = scan.tokens[to];
  if (!first || !last) return null;
  for (let i = from; i <= to; i += 1) scan.taken[i] = 1;
  const end = last.end + extra;
  return claimSpan(scan, first.start, end, what);
}

/** Records an entity over a character span inside one token (the "Nvidia" of "Nvidia-backed"). */
export function claimSpan(scan: Scan, start: number, end: number, what: Found): Entity {
  const entity: Entity = {
    type: what.type,
    text: scan.text.slice(start, end),
    normalized: what.normalized,
    start,
    end,
  };
  if (what.ticker) entity.ticker = what.ticker;
  scan.found.push(entity);
  return entity;
}

/** True when the token at `index` exists, is free, and only spaces separate it from the token before. */
export function freeAfter(scan: Scan, index: number): boolean {
  const previous = scan.tokens[index - 1];
  const token = scan.tokens[index];
  if (!previous || !token || scan.taken[index]) return false;
  for (let i = previous.end; i < token.start; i += 1) if (scan.text.charCodeAt(i) !== 32) return false;
  return token.start > previous.end;
}
