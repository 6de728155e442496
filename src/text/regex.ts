/**
 * Escapes the characters that have a meaning in a regular expression, so a name or a figure can be matched as
 * written.
 *
 * @example
 * new RegExp(`^${escapeRegex("$2.5bn")}`) // matches "$2.5bn" literally
 */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
