import { configSchema, keyTable, otherVariables } from "./schema.ts";

/**
 * Names a configuration key or variable Daybrief does not know, and suggests the known one nearest to it
 * ("fetch.timeoutMS" → "fetch.timeoutMs"), so a typo is refused instead of silently ignored.
 */

/** Edit distance counting an insertion, deletion, substitution or swap of neighbours as one (optimal alignment). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => i || j));
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[rows - 1] as number[])[cols - 1] as number;
}

/** How far a word is from a candidate: a word that is the start of the other (a dropped suffix) counts as one. */
function distanceTo(word: string, candidate: string): number {
  const [a, b] = [word.toLowerCase(), candidate.toLowerCase()];
  if (a === b) return 0;
  if (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a))) return 1;
  return editDistance(a, b);
}

/**
 * The candidates nearest to a word, ignoring case, within a distance that grows with the word's length.
 *
 * @example
 * nearest("timeoutMS", [{ name: "timeoutMs", shown: "fetch.timeoutMs" }]) // ["fetch.timeoutMs"]
 */
export function nearest(word: string, candidates: Array<{ name: string; shown: string }>): string[] {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best = Number.POSITIVE_INFINITY;
  let found: string[] = [];
  for (const candidate of candidates) {
    const distance = distanceTo(word, candidate.name);
    if (distance > limit || distance > best) continue;
    if (distance < best) found = [];
    best = distance;
    if (!found.includes(candidate.shown)) found.push(candidate.shown);
  }
  return found;
}

type Introspectable = { def?: { innerType?: unknown; element?: unknown }; shape?: Record<string, unknown> };

function unwrap(schema: unknown): Introspectable {
  let current = schema as Introspectable;
  while (current?.def?.innerType) current = current.def.innerType as Introspectable;
  return current;
}

/** The keys the schema allows in the object at a path (numbers index lists), or [] when the path is not an object. */
export function keysAt(path: ReadonlyArray<PropertyKey>): string[] {
  let node = unwrap(configSchema);
  for (const part of path) {
    if (typeof part === "number") node = unwrap(node.def?.element);
    else node = unwrap(node.shape?.[String(part)]);
  }
  return Object.keys(node?.shape ?? {});
}

/** A path as the user writes it about the file: "fetch.timeoutMs", "sources[2].weight". */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (text, part) => (typeof part === "number" ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
    "",
  );
}

/**
 * The line for an unknown key: "fetch.timeoutMS: unknown key; did you mean fetch.timeoutMs?". Keys of the same
 * object are suggested first; outside lists (sources, topics), any key of the file whose last part is near.
 */
export function describeUnknownKey(container: ReadonlyArray<PropertyKey>, key: string): string {
  const prefix = formatPath(container);
  const at = (name: string) => (prefix ? `${prefix}.${name}` : name);
  let suggestions = nearest(
    key,
    keysAt(container).map((name) => ({ name, shown: at(name) })),
  );
  if (!suggestions.length && !container.some((part) => typeof part === "number")) {
    suggestions = nearest(
      key,
      Object.keys(keyTable).map((dotted) => ({ name: dotted.split(".").at(-1) as string, shown: dotted })),
    );
  }
  const hint = suggestions.length ? `; did you mean ${suggestions.join(" or ")}?` : "; docs/config.md lists every key";
  return `${at(key)}: unknown key${hint}`;
}

/** Lines for DAYBRIEF_* variables that name no key (a misspelt variable would otherwise be ignored). */
export function unknownVariables(env: NodeJS.ProcessEnv): string[] {
  const known = new Set(Object.values(keyTable).map((info) => info.env));
  const prefixes = Object.keys(otherVariables).filter((name) => name.endsWith("_"));
  const lines: string[] = [];
  for (const name of Object.keys(env).sort()) {
    if (!name.startsWith("DAYBRIEF_") || known.has(name) || name in otherVariables) continue;
    if (prefixes.some((prefix) => name.startsWith(prefix))) continue;
    const suggestions = nearest(name.slice("DAYBRIEF_".length), [
      ...Object.entries(keyTable).map(([key, info]) => ({
        name: info.env.slice("DAYBRIEF_".length),
        shown: `${info.env} (${key})`,
      })),
      ...Object.keys(otherVariables)
        .filter((v) => !v.endsWith("_"))
        .map((v) => ({ name: v.slice("DAYBRIEF_".length), shown: v })),
    ]);
    const hint = suggestions.length
      ? `; did you mean ${suggestions.join(" or ")}?`
      : "; docs/config.md lists every variable";
    lines.push(`${name}: not a Daybrief variable${hint}`);
  }
  return lines;
}
