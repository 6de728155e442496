import fc from "fast-check";

/** One change to a document's bytes, as the fuzz tests of parsers and extractors make them. */
export type Mutation =
  | { kind: "flip"; at: number; bit: number }
  | { kind: "truncate"; at: number }
  | { kind: "deleteTag" | "duplicateTag"; at: number }
  | { kind: "duplicateSlice"; at: number; length: number }
  | { kind: "insert"; at: number; text: string };

/**
 * Mutations of markup: bit flips, truncation, a tag deleted or doubled, (optionally) a slice of up to 2,000 bytes
 * doubled, and one of `insertions` put in.
 */
export function mutations(insertions: string[], options: { duplicateSlices?: boolean } = {}): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
    fc.record({ kind: fc.constantFrom("deleteTag" as const, "duplicateTag" as const), at: fc.nat() }),
    ...(options.duplicateSlices
      ? [
          fc.record({
            kind: fc.constant("duplicateSlice" as const),
            at: fc.nat(),
            length: fc.integer({ min: 1, max: 2000 }),
          }),
        ]
      : []),
    fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom(...insertions) }),
  );
}

/** Applies mutations to a document, as bytes (a flipped bit may break UTF-8 on purpose). */
export function mutate(seed: string, mutations: Mutation[]): Uint8Array {
  let bytes = Buffer.from(seed, "utf8");
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : m.at % bytes.length;
    if (m.kind === "flip") {
      if (bytes.length > 0) bytes[at] = (bytes[at] ?? 0) ^ (1 << m.bit);
    } else if (m.kind === "truncate") {
      bytes = bytes.subarray(0, at);
    } else if (m.kind === "insert") {
      bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text), bytes.subarray(at)]);
    } else if (m.kind === "duplicateSlice") {
      const slice = bytes.subarray(at, at + m.length);
      bytes = Buffer.concat([bytes.subarray(0, at), slice, slice, bytes.subarray(at + m.length)]);
    } else {
      const text = bytes.toString("latin1");
      const start = text.indexOf("<", at);
      const end = start === -1 ? -1 : text.indexOf(">", start);
      if (end === -1) continue;
      const tag = bytes.subarray(start, end + 1);
      const rest = bytes.subarray(end + 1);
      bytes = Buffer.concat([bytes.subarray(0, start), ...(m.kind === "duplicateTag" ? [tag, tag] : []), rest]);
    }
  }
  return bytes;
}
