import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { parseFeed } from "../../src/ingest/feed/parse-feed.ts";
import type { Issue } from "../../src/model/issue.ts";
import { planEmail } from "../../src/render/email.ts";
import { compileMjml, skeletonMjml, slotToken } from "../../src/render/email-skeleton.ts";
import { escapeHtml, markdownUrl } from "../../src/render/escape.ts";
import { type Format, issueUrl, renderArchiveIndex, renderers, renderFeeds } from "../../src/render/index.ts";
import { citationsOf, editions, loadIssue, maximalBriefing, options } from "./helpers.ts";

const formats = Object.keys(renderers) as Format[];
const render = async (format: Format, issue: Issue, extra = {}) => renderers[format](issue, { ...options, ...extra });

describe("email", () => {
  it("stays under 100 KB (Gmail clips larger messages), even at the edition's limits", async () => {
    for (const issue of [...editions.map(loadIssue), maximalBriefing()]) {
      const bytes = Buffer.byteLength(await render("html", issue));
      expect(bytes, issue.id).toBeLessThan(100 * 1024);
    }
  });

  it("has a hidden preheader before any visible content", async () => {
    for (const issue of editions.map(loadIssue)) {
      const { document } = new JSDOM(await render("html", issue)).window;
      const hidden = document.querySelector("body div[style*='display:none']");
      expect(hidden?.textContent).toContain(issue.preheader);
      expect(hidden?.compareDocumentPosition(document.querySelector("h1") as Element)).toBe(4); // h1 follows
    }
  });

  it("is dark-mode safe and self-contained: colour-scheme meta, dark styles, explicit colours, no web fonts, one image", async () => {
    const html = await render("html", loadIssue("briefing"));
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toContain("@media (prefers-color-scheme:dark)");
    expect(html).toContain("[data-ogsc] .db-p{");
    expect(html).not.toMatch(/fonts\.googleapis|<script/i);
    // The only image is the lead story's, from its origin, sized to the 544 px column with its shape kept.
    expect(html.match(/<img\b[^>]*>/g)).toEqual([
      expect.stringMatching(
        /^<img src="https:\/\/devdispatch\.example\/img\/briefing-lead\.png" width="544" height="286" alt="Picture from Dev Dispatch: [^"]+" border="0"/,
      ),
    ]);
    const { document } = new JSDOM(html).window;
    for (const el of document.querySelectorAll("h1, h2, h3, p, li"))
      expect(el.getAttribute("style") ?? "", el.outerHTML.slice(0, 80)).toMatch(/(^|;)color:#/);
    expect(html).toMatch(/max-width:600px/);
  });

  it("has a footer with the site name, web version, tips and unsubscribe links", async () => {
    const issue = loadIssue("digest");
    const { document } = new JSDOM(await render("html", issue)).window;
    const links = [...document.querySelectorAll("a.db-flink")].map((a) => [a.textContent, a.getAttribute("href")]);
    expect(links).toEqual([
      ["Read on the web", issueUrl(issue, options)],
      ["Send a tip", "https://brief.example.com/tips"],
      ["Unsubscribe", "{{unsubscribe_url}}"],
    ]);
    const without = await render("html", issue, { unsubscribeUrl: null, tipsUrl: null });
    expect(without).not.toContain("Unsubscribe");
    expect(document.body.textContent).toContain("Daybrief");
  });

  it("filling the cached skeleton gives exactly what compiling the whole document gives", async () => {
    for (const issue of editions.map(loadIssue)) {
      const plan = planEmail(issue, options);
      let mjml = skeletonMjml(plan.theme);
      for (const [slot, html] of Object.entries(plan.fill)) mjml = mjml.replace(slotToken(slot), () => html);
      expect(await render("html", issue)).toBe(await compileMjml(mjml));
    }
  });
});

describe("every format", () => {
  it("links every citation of the issue", async () => {
    for (const issue of editions.map(loadIssue)) {
      const urls = [...new Set(citationsOf(issue).map((c) => c.url))];
      expect(urls.length).toBeGreaterThan(5);
      for (const format of formats) {
        const out = await render(format, issue);
        for (const url of urls) {
          const expected =
            format === "md" ? `(${markdownUrl(url)})` : format === "text" ? url : `href="${escapeHtml(url)}"`;
          expect(out, `${format} ${issue.edition}`).toContain(expected);
        }
      }
    }
  });

  it("carries the house format of the digest, section by section", async () => {
    const parts = [
      "Daybrief Digest",
      "December 2, 2025",
      "1. Nvidia puts",
      "2. AWS makes",
      "3. DeepSeek releases",
      "What It Means for Developers, Creators & Prompt-Based Platforms",
      "Chip design itself is being accelerated:",
      "Prompt Tip of the Day",
      "Decode a chip announcement",
      "You are a semiconductor analyst",
      "Paste a launch press release",
      "Newest Articles",
    ];
    for (const format of formats) {
      const out = (await render(format, loadIssue("digest")))
        .replace(/<[^>]+>|\\|\*\*/g, "")
        .replace(/&amp;/g, "&")
        .toLowerCase();
      for (const part of parts) expect(out, `${format}: ${part}`).toContain(part.toLowerCase());
    }
  });

  it("carries the house format of the briefing, section by section", async () => {
    const parts = [
      "Hey friend. It's Tuesday, December 2, 2025",
      "[THE CUSTOM SILICON SQUEEZE]",
      "Market Pulse: SNPS",
      "Sentiment: Bullish",
      "I was crying to sell Nvidia shares.",
      "— Masayoshi Son",
      "The Deep Dive",
      "The Tactical Edge:",
      "The Alpha:",
      "Rapid Fire",
      "The Compute Moat",
      "AWS: Launched AI Factories",
      "Insight:",
      "Research Corner",
      "The Insight:",
      "Builder Use Case:",
      "Podcast of the Day",
      "Have a tip? Send it our way.",
      "Keep Reading",
    ];
    for (const format of formats) {
      const out = (await render(format, loadIssue("briefing")))
        .replace(/<[^>]+>|\\|\*\*/g, "")
        .replace(/&#39;/g, "'")
        .toLowerCase();
      for (const part of parts) expect(out, `${format}: ${part}`).toContain(part.toLowerCase());
    }
  });

  it("prints no emoji by default: headings and the sentiment read as words alone", async () => {
    for (const format of formats) {
      const out = await render(format, loadIssue("briefing"));
      expect(out, format).not.toMatch(/\p{Extended_Pictographic}/u);
      expect(out.replace(/<[^>]+>|\*\*/g, ""), format).toContain("Sentiment: Bullish");
    }
  });

  it("shows an edition's icons as hidden decoration beside the words, and none when a render turns emoji off", async () => {
    const issue = loadIssue("briefing");
    const icons: Record<string, string> = { "market-pulse": "📈", "deep-dive": "🔍", "rapid-fire": "⚡" };
    const decorated: Issue = {
      ...issue,
      sections: issue.sections.map((s) =>
        s.kind === "groups"
          ? { ...s, icon: icons[s.id] ?? null, groups: s.groups.map((g) => ({ ...g, emoji: "🏗️" })) }
          : { ...s, icon: icons[s.id] ?? null },
      ),
    };
    const web = await render("web", decorated);
    expect(web).toContain('<span aria-hidden="true">📈</span> Market Pulse: SNPS');
    expect(web).toContain('<span aria-hidden="true">🔍</span> The Deep Dive');
    expect(await render("md", decorated)).toContain("## ⚡ Rapid Fire");
    for (const format of formats) {
      const out = await render(format, decorated, { emoji: false });
      expect(out, format).not.toMatch(/\p{Extended_Pictographic}/u);
      expect(out.replace(/<[^>]+>|\*\*|\\/g, ""), format).toMatch(/Market Pulse: SNPS/i);
    }
  });

  it("shows a links section's empty text when there is nothing to link", async () => {
    const issue = loadIssue("digest");
    const empty = { ...issue, sections: issue.sections.map((s) => (s.kind === "links" ? { ...s, links: [] } : s)) };
    for (const format of formats) expect(await render(format, empty), format).toContain("No earlier issues yet.");
  });
});

describe("text", () => {
  it("wraps at 78 columns (only URLs may run longer) and lists links as footnotes", async () => {
    for (const issue of editions.map(loadIssue)) {
      const text = await render("text", issue);
      for (const line of text.split("\n"))
        if (!/https?:\/\/|\{\{/.test(line)) expect(line.length, line).toBeLessThanOrEqual(78);
      expect(text).toMatch(/Market Tape \[\d+\]/);
      expect(text).toMatch(/^\[1\] https:\/\//m);
      expect(text).not.toMatch(/<[a-z]/i);
    }
  });
});

describe("web page and archive", () => {
  it("is a standalone HTML5 page with every section, unique ids and one h1", async () => {
    const issue = loadIssue("briefing");
    const html = await render("web", issue, { next: { title: "Wednesday", url: "2025-12-03.html" } });
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    const { document } = new JSDOM(html).window;
    expect(document.querySelector("meta[charset]")?.getAttribute("charset")).toBe("utf-8");
    expect(document.querySelector("meta[name=viewport]")).not.toBeNull();
    expect(document.querySelectorAll("h1")).toHaveLength(1);
    expect(document.querySelectorAll("main section")).toHaveLength(issue.sections.length);
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(document.querySelector("a[rel=next]")?.getAttribute("href")).toBe("2025-12-03.html");
    expect(document.querySelector("link[rel=canonical]")?.getAttribute("href")).toBe(issueUrl(issue, options));
  });

  it("links back to the archive: page-relative without a site URL, absolute with one", async () => {
    const issue = loadIssue("digest");
    const relative = new JSDOM(await render("web", issue, { siteUrl: null })).window.document;
    expect(relative.querySelector("a.db-home")?.getAttribute("href")).toBe("../../archive/index.html");
    expect(relative.querySelector("link[rel=alternate]")?.getAttribute("href")).toBe("../../feed.xml");
    const absolute = new JSDOM(await render("web", issue)).window.document;
    expect(absolute.querySelector("a.db-home")?.getAttribute("href")).toBe("https://brief.example.com/archive/");
  });

  it("lists issues newest first, grouped by month, each linking to its page", () => {
    const [digest, briefing] = editions.map(loadIssue) as [Issue, Issue];
    const older = { ...digest, id: "old", date: "2025-11-28", title: "A November issue" };
    const html = renderArchiveIndex([older, digest, briefing], options);
    const { document } = new JSDOM(html).window;
    expect([...document.querySelectorAll("h2")].map((h) => h.textContent)).toEqual(["December 2025", "November 2025"]);
    expect([...document.querySelectorAll("h3 a")].map((a) => a.getAttribute("href"))).toEqual([
      "https://brief.example.com/archive/briefing/2025-12-02.html",
      "https://brief.example.com/archive/digest/2025-12-02.html",
      "https://brief.example.com/archive/digest/2025-11-28.html",
    ]);
    const relative = new JSDOM(renderArchiveIndex([digest], { ...options, siteUrl: null })).window.document;
    expect(relative.querySelector("h3 a")?.getAttribute("href")).toBe("digest/2025-12-02.html");
    const rootRelative = new JSDOM(renderArchiveIndex([digest], { ...options, siteUrl: "" })).window.document;
    expect(rootRelative.querySelector("h3 a")?.getAttribute("href")).toBe("/archive/digest/2025-12-02.html");
  });
});

describe("feeds", () => {
  it("parse back with the project's parser: every issue, newest first, linking to its page", () => {
    const [digest, briefing] = editions.map(loadIssue) as [Issue, Issue];
    const older = {
      ...briefing,
      id: "old",
      date: "2025-12-01",
      createdAt: "2025-12-01T06:05:00.000Z",
      title: "Monday's briefing",
    };
    const issues = [older, digest, briefing];
    const feeds = renderFeeds(issues, options);
    const expected = [briefing, digest, older];
    for (const [format, body] of Object.entries(feeds)) {
      const { feed } = parseFeed(body, { url: "https://brief.example.com/feed.xml" });
      expect(feed.format).toBe(format);
      expect(
        feed.items.map((i) => i.link),
        format,
      ).toEqual(expected.map((i) => issueUrl(i, options)));
      expect(
        feed.items.map((i) => i.title),
        format,
      ).toEqual(expected.map((i) => i.title));
      expect(feed.items[0]?.summary, format).toBe(briefing.preheader);
      expect(feed.items[0]?.content ?? "", format).toContain("Market Pulse: SNPS");
      // Dated by the issue's day when never published, never by its build time (createdAt).
      expect(feed.items[0]?.published, format).toBe("2025-12-02T12:00:00Z");
    }
  });

  it("date an entry by when the issue was published", () => {
    const digest = { ...loadIssue("digest"), publishedAt: "2025-12-02T07:31:00.000Z" };
    for (const [format, body] of Object.entries(renderFeeds([digest], options))) {
      const { feed } = parseFeed(body, { url: "https://brief.example.com/feed.xml" });
      expect(feed.items[0]?.published, format).toBe("2025-12-02T07:31:00Z");
    }
  });

  it("parse back without a site URL, links resolved against the feed's address", () => {
    const feeds = renderFeeds([loadIssue("digest")], { ...options, siteUrl: null });
    for (const body of Object.values(feeds)) {
      const { feed } = parseFeed(body, { url: "https://mirror.example/feed.xml" });
      expect(feed.items).toHaveLength(1);
      expect(feed.items[0]?.link).toBe("https://mirror.example/archive/digest/2025-12-02.html");
    }
  });
});
