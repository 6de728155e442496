import { compile, type FormatCallback } from "html-to-text";
import type { Issue } from "../model/issue.ts";
import { safeUrl } from "./escape.ts";
import { type RenderOptions, resolveOptions, webVersionUrl } from "./options.ts";
import { renderIssueBody } from "./web.ts";

const width = 78;
const rule = "-".repeat(width);

/** The links of the conversion under way, in order of first use. html-to-text converts synchronously, so one list suffices. */
let footnotes: string[] = [];
let footnoteIndex = new Map<string, number>();

/** A link becomes its text and a footnote number ("Market Tape [3]"); the URLs are listed at the end. */
const footnoteLink: FormatCallback = (elem, walk, builder) => {
  walk(elem.children, builder);
  const href = safeUrl((elem.attribs as Record<string, string> | undefined)?.href);
  if (!href) return;
  let n = footnoteIndex.get(href);
  if (n === undefined) {
    footnotes.push(href);
    n = footnotes.length;
    footnoteIndex.set(href, n);
  }
  builder.addInline(` [${n}]`, { noWordTransform: true });
};

/** The themed header of the briefing, as "--- [THE THEME] ---". */
const banner: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 3 });
  builder.addInline("--- ", { noWordTransform: true });
  walk(elem.children, builder);
  builder.addInline(" ---", { noWordTransform: true });
  builder.closeBlock({ trailingLineBreaks: 2 });
};

const convert = compile({
  wordwrap: width,
  formatters: { footnoteLink, banner },
  selectors: [
    { selector: "a", format: "footnoteLink" },
    { selector: "h1", options: { uppercase: false, leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: "h2", options: { uppercase: true, leadingLineBreaks: 3, trailingLineBreaks: 2 } },
    { selector: "h2.db-banner", format: "banner" },
    { selector: "h3", options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 2 } },
    { selector: "ul", options: { itemPrefix: " * ", leadingLineBreaks: 2, trailingLineBreaks: 2 } },
    {
      selector: "div.db-prompt",
      format: "blockquote",
      options: { leadingLineBreaks: 1, trailingLineBreaks: 1, trimEmptyLines: false },
    },
    { selector: "img", format: "skip" },
    // The lead image and its credit: a picture a plain-text reader cannot see.
    { selector: "figure", format: "skip" },
  ],
});

/**
 * The issue as plain text for the email's text part and `issue show --format text`: wrapped at 78 columns, links
 * as numbered footnotes listed after the body, then the footer links in full.
 *
 * @example
 * const text = renderText(issue, { siteName: "Daybrief", siteUrl: "https://brief.example.com" });
 */
export function renderText(issue: Issue, options: RenderOptions): string {
  const resolved = resolveOptions(options);
  footnotes = [];
  footnoteIndex = new Map();
  let body: string;
  let links: string[];
  try {
    body = convert(renderIssueBody(issue, options));
    links = footnotes.map((url, i) => `[${i + 1}] ${url}`);
  } finally {
    footnotes = [];
    footnoteIndex = new Map();
  }
  const footer = [
    `${resolved.siteName} · ${issue.editionName}`,
    line("Read on the web", webVersionUrl(issue, resolved)),
    line("Send a tip", resolved.tipsUrl),
    line("Unsubscribe", resolved.unsubscribeUrl),
    ...resolved.footerLines,
  ].filter((l): l is string => l !== null);
  const blocks = [
    body.trim(),
    links.length ? `${rule}\nLinks\n\n${links.join("\n")}` : "",
    `${rule}\n${footer.join("\n")}`,
  ];
  return `${blocks.filter(Boolean).join("\n\n")}\n`;
}

function line(label: string, url: string | null): string | null {
  const safe = safeUrl(url);
  return safe ? `${label}: ${safe}` : null;
}
