/** Reading start and end tags the way HTML's tokenizer does; shared by the sanitiser and the XML repair. */

export function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0x0c;
}

/** The end of a tag name starting at `from`. */
export function readName(html: string, from: number): number {
  let i = from;
  const length = html.length;
  while (i < length) {
    const code = html.charCodeAt(i);
    if (code === 0x3e || code === 0x2f || isSpace(code)) break;
    i += 1;
  }
  return i;
}

/**
 * Reads a tag's attributes from just after its name to its closing '>', as HTML's tokenizer does: attributes split
 * on whitespace or '/', values quoted or not, a quoted value may hold '>'. Collects them (the first of repeats; names
 * lower-cased unless `keepCase`; only those in `only` when given) into `into`. Returns the index after '>', or -1
 * when the input ends inside the tag.
 */
export function readAttributes(
  html: string,
  from: number,
  into: Map<string, string> | null,
  keepCase = false,
  only: ReadonlySet<string> | null = null,
): number {
  const length = html.length;
  let i = from;
  for (;;) {
    while (i < length) {
      const code = html.charCodeAt(i);
      if (code !== 0x2f && !isSpace(code)) break;
      i += 1;
    }
    if (i >= length) return -1;
    if (html.charCodeAt(i) === 0x3e) return i + 1;
    const nameStart = i;
    i += 1; // An attribute name may start with '='.
    while (i < length) {
      const code = html.charCodeAt(i);
      if (code === 0x3d || code === 0x3e || code === 0x2f || isSpace(code)) break;
      i += 1;
    }
    const nameEnd = i;
    while (i < length && isSpace(html.charCodeAt(i))) i += 1;
    let valueStart = i;
    let valueEnd = i;
    if (html.charCodeAt(i) === 0x3d) {
      i += 1;
      while (i < length && isSpace(html.charCodeAt(i))) i += 1;
      const quote = html.charCodeAt(i);
      if (quote === 0x22 || quote === 0x27) {
        const close = html.indexOf(quote === 0x22 ? '"' : "'", i + 1);
        if (close === -1) return -1;
        valueStart = i + 1;
        valueEnd = close;
        i = close + 1;
      } else {
        valueStart = i;
        while (i < length && !isSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== 0x3e) i += 1;
        valueEnd = i;
      }
    }
    if (into) {
      const raw = html.slice(nameStart, nameEnd);
      const key = keepCase ? raw : raw.toLowerCase();
      if ((only === null || only.has(key)) && !into.has(key)) into.set(key, html.slice(valueStart, valueEnd));
    }
  }
}
