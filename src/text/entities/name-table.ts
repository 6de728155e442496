/**
 * Reads a name table written as text: entries separated by ";" or line breaks, a canonical name first and its
 * aliases after "|", lines starting with "#" are headings. Keeps long lists of names readable and short.
 *
 * @example
 * nameRows("# Countries\nUnited States|U.S.|US; Japan") // [["United States", "U.S.", "US"], ["Japan"]]
 */
export function nameRows(text: string): string[][] {
  return text
    .split("\n")
    .filter((line) => !line.trim().startsWith("#"))
    .flatMap((line) => line.split(";"))
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => entry.split("|").map((name) => name.trim()));
}

/** The canonical names of a name table. */
export function names(text: string): string[] {
  return nameRows(text).map((row) => row[0] ?? "");
}
