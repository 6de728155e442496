import { escapeHtml } from "../render/index.ts";

/**
 * HTML built from template literals where every interpolated value is escaped unless it is already `Html` (made by
 * this tag or `raw`): escaping is the default, not something each page remembers. The desk and the public site
 * build their pages with it.
 *
 * @example
 * const row = html`<td>${story.title}</td>`; // "<" in the title arrives as "&lt;"
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | boolean | null | undefined | Part[];

/** The renderers' escaping: the five markup characters, and no control character, escape or bidi override. */
export { escapeHtml };

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return "";
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join("");
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return new Html(out);
}

/** Markup trusted as it is: only for strings this code built, never for anything a user or a feed wrote. */
export function raw(markup: string): Html {
  return new Html(markup);
}
