import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { parseFeed } from "../../src/ingest/feed/parse-feed.ts";
import { renderArchiveIndex, renderers, renderFeeds } from "../../src/render/index.ts";
import { hostile, hostileIssue, hostileUrl, options } from "./helpers.ts";

/** Markdown outside fenced code blocks: where a CommonMark renderer would read raw HTML. */
function outsideFences(markdown: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split("\n")) {
    const marker = /^(`{3,})/.exec(line)?.[1];
    if (fence === null && marker) fence = marker;
    else if (fence !== null && marker && marker.length >= fence.length && line.trim() === marker) fence = null;
    else if (fence === null) out.push(line);
  }
  return out.join("\n");
}

describe("hostile text renders inert", () => {
  const issue = hostileIssue();

  for (const format of ["html", "web"] as const) {
    it(`${format}: no script, no handler, no javascript: link, and the text shows as written`, async () => {
      const html = await renderers[format](issue, options);
      const { document } = new JSDOM(html).window;
      expect(document.querySelectorAll("script")).toHaveLength(0);
      expect(document.querySelectorAll("img")).toHaveLength(0);
      expect(document.querySelectorAll("[onerror]")).toHaveLength(0);
      for (const a of document.querySelectorAll("a"))
        expect(a.getAttribute("href") ?? "").not.toMatch(/^\s*javascript:/i);
      expect(html).not.toMatch(/javascript:/i);
      expect(document.title).toContain(hostile);
      expect(document.querySelector("h1")?.textContent).toContain(hostile);
    });
  }

  it("text: the words appear as plain text and the unsafe link is dropped", async () => {
    const text = await renderers.text(issue, options);
    expect(text).toContain(`alert("x")`);
    expect(text).toContain(`"Quoted" & 'single'`);
    expect(text).not.toContain("&lt;");
    expect(text).not.toMatch(/javascript:/i);
  });

  it("md: every < outside code is escaped, the prompt's fence cannot be closed early, no javascript: link", async () => {
    const md = await renderers.md(issue, options);
    const prose = outsideFences(md);
    expect(prose).not.toMatch(/(^|[^\\])</m);
    expect(prose).toContain("\\<script\\>");
    expect(md).toContain("````text\n<script>");
    expect(md).not.toMatch(/javascript:/i);
  });

  it("feeds: titles come back as the same text, content carries no script", () => {
    const feeds = renderFeeds([issue], options);
    for (const [format, body] of Object.entries(feeds)) {
      const { feed } = parseFeed(body, { url: "https://brief.example.com/feed" });
      // The project's parser reads titles as possibly-HTML and drops tags, as feed readers do: the words survive.
      expect(feed.items[0]?.title, format).toContain(`alert("x") "Quoted" & 'single'`);
      expect(body, format).not.toMatch(/javascript:/i);
    }
    // Outside CDATA sections the XML has no markup but its own; inside them, the HTML content has no script.
    for (const xml of [feeds.rss, feeds.atom]) {
      const cdata = [...xml.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1] ?? "");
      expect(xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "")).not.toMatch(/<script|<img/i);
      const html = cdata.filter((text) => text.includes("<section"));
      expect(html.length).toBeGreaterThan(0);
      for (const text of html) expect(new JSDOM(text).window.document.querySelectorAll("script, img")).toHaveLength(0);
    }
    const json = JSON.parse(feeds.json) as { items: Array<{ content_html: string }> };
    expect(new JSDOM(json.items[0]?.content_html).window.document.querySelectorAll("script, img")).toHaveLength(0);
  });

  it("archive index", () => {
    const html = renderArchiveIndex([issue], options);
    const { document } = new JSDOM(html).window;
    expect(document.querySelectorAll("script, img")).toHaveLength(0);
    expect(document.querySelector("h3")?.textContent).toContain(hostile);
  });

  it("unsafe option URLs are dropped, not linked", async () => {
    const unsafe = {
      ...options,
      tipsUrl: hostileUrl,
      unsubscribeUrl: "data:text/html,x",
      brandColor: "red;}</style><script>",
    };
    for (const format of ["html", "text", "md", "web"] as const) {
      const out = await renderers[format](issue, unsafe);
      expect(out, format).not.toMatch(/javascript:|data:text|<\/style><script/i);
    }
  });
});
