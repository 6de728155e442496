import { escapeHtml, safeUrl } from "./escape.ts";

export type PageHead = {
  title: string;
  description: string | null;
  canonical: string | null;
  feed: string | null;
  css: string;
  edition: string;
};

/** A standalone HTML5 page: head (meta, style sheet, feed link), a top bar, the content, and a footer. */
export function renderPage(head: PageHead, top: string, content: string, end: string): string {
  const description = head.description ? `\n<meta name="description" content="${escapeHtml(head.description)}">` : "";
  const canonicalUrl = safeUrl(head.canonical);
  const canonical =
    canonicalUrl && /^https?:/.test(canonicalUrl) ? `\n<link rel="canonical" href="${escapeHtml(canonicalUrl)}">` : "";
  const feedUrl = safeUrl(head.feed);
  const feed = feedUrl
    ? `\n<link rel="alternate" type="application/rss+xml" title="RSS" href="${escapeHtml(feedUrl)}">`
    : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(head.title)}</title>${description}${canonical}${feed}
<style>
${head.css}
</style>
</head>
<body class="db-ed-${escapeHtml(head.edition)}">
${top}
${content}
${end}
</body>
</html>
`;
}
