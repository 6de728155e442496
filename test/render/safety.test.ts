import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { parseFeed } from "../../src/ingest/feed/parse-feed.ts";
import type { Issue, LeadImage } from "../../src/model/issue.ts";
import { renderArchiveIndex, renderers, renderFeeds } from "../../src/render/index.ts";
import { hostile, hostileIssue, hostileUrl, loadIssue, options } from "./helpers.ts";

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

  it("a lead image with hostile alt text and credit, or a URL of another scheme, is inert", async () => {
    const base = loadIssue("briefing");
    const withImage = (image: Partial<LeadImage>): Issue => ({
      ...base,
      sections: base.sections.map((s) =>
        s.id === "deep-dive" && s.kind === "stories"
          ? {
              ...s,
              stories: s.stories.map((st, i) =>
                i === 0 && st.image ? { ...st, image: { ...st.image, ...image } } : st,
              ),
            }
          : s,
      ),
    });
    const evil = withImage({ alt: hostile, credit: hostile, link: "https://devdispatch.example/a?b=1&c=2" });
    for (const format of ["html", "web"] as const) {
      const { document } = new JSDOM(await renderers[format](evil, options)).window;
      const img = document.querySelectorAll("img");
      expect(img, format).toHaveLength(1);
      expect(img[0]?.getAttribute("alt"), format).toBe(hostile);
      expect(img[0]?.getAttributeNames().sort(), format).toEqual(
        format === "web"
          ? ["alt", "class", "decoding", "height", "src", "width"]
          : ["alt", "border", "class", "height", "src", "style", "width"],
      );
      expect(document.querySelectorAll("script, [onerror]"), format).toHaveLength(0);
      for (const url of ["data:image/png;base64,AAAA", "javascript:alert(1)", "mailto:a@b.example", "{{image}}"]) {
        const html = await renderers[format](withImage({ url }), options);
        expect(new JSDOM(html).window.document.querySelectorAll("img"), `${format} ${url}`).toHaveLength(0);
      }
    }
    const md = await renderers.md(evil, options);
    expect(md).toContain("![\\<script\\>");
    expect(outsideFences(md)).not.toMatch(/(^|[^\\])</m);
    for (const url of ["data:image/png;base64,AAAA", "javascript:alert(1)"])
      expect(await renderers.md(withImage({ url }), options)).not.toContain("![");
  });

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

/** ESC sequences (clear screen, an OSC 8 link), BEL, the 8-bit CSI, NUL and a right-to-left override. */
const controls = "\u001b[2J\u001b]8;;https://evil.example/\u0007here\u001b]8;;\u0007\u0007\u009b31m\u0000\u202e";
const anyControl = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The digest with control characters in every text an issue holds (not in its ids, URLs and dates). */
function issueWithControls(): Issue {
  const skip = new Set(["id", "url", "storyId", "date", "createdAt", "status", "kind", "edition", "level", "code"]);
  const walk = (value: unknown, key = ""): unknown => {
    if (typeof value === "string") return skip.has(key) || !value ? value : `${value}${controls}`;
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(loadIssue("digest")) as Issue;
}

describe("control characters in an issue's text", () => {
  const issue = issueWithControls();

  it("reach none of the four formats", async () => {
    for (const format of ["html", "web", "text", "md"] as const) {
      const out = await renderers[format](issue, options);
      expect(out, format).toContain("here");
      expect(anyControl.exec(out)?.[0], format).toBeUndefined();
    }
    expect(anyControl.test(renderArchiveIndex([issue], options))).toBe(false);
  });

  it("leave the feeds well-formed XML and JSON with none of them", () => {
    const feeds = renderFeeds([issue], options);
    for (const [format, body] of Object.entries(feeds)) expect(anyControl.exec(body)?.[0], format).toBeUndefined();
    // jsdom's XML parser refuses a document that is not well-formed (a raw ESC is not an XML character).
    for (const xml of [feeds.rss, feeds.atom]) {
      const { document } = new JSDOM(xml, { contentType: "application/xml" }).window;
      expect(document.querySelector("parsererror")).toBeNull();
      expect(document.documentElement.textContent).toContain("here");
    }
    expect(() => JSON.parse(feeds.json)).not.toThrow();
  });
});
