/**
 * Control characters in feeds: ESC sequences (clear screen, OSC 8 links), BEL, C1 controls (U+009B is an 8-bit
 * CSI), bidi overrides and isolates, NUL and lone surrogates, raw or as numeric references, in every field a feed
 * carries text in. None of them may come out of parseFeed; right-to-left marks stay.
 */
import { describe, expect, it } from "vitest";
import type { ParsedFeed } from "../../model/feed.ts";
import { parseFeed } from "./parse-feed.ts";

const url = "https://hostile.example.com/feed.xml";
/** What is never allowed in parsed text (paired surrogates are fine, lone ones are not). */
const forbidden = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|&#(?:x1b|27|x9b|x202e);/iu;
const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Every string in the parsed feed, with where it was. */
function strings(value: unknown, path = "feed", out: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === "string") out.push([path, value]);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) strings(v, `${path}[${i}]`, out);
  } else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) strings(v, `${path}.${key}`, out);
  }
  return out;
}

function expectClean(feed: ParsedFeed): void {
  for (const [path, text] of strings(feed)) {
    expect(text, path).not.toMatch(forbidden);
    expect(lone.test(text), `${path}: lone surrogate`).toBe(false);
  }
}

// ESC, BEL and C1 controls are not allowed in XML 1.0 documents either, but feeds carry them anyway, raw (read by
// the repairing parser) or as character references; both forms are here.
const hostile = "Big\u001b[2J news \u001b]8;;https://evil.example/\u0007link\u001b]8;;\u0007 \u009b31mred\u202e!";
const referenced = "Big&#27;[2J news &#x1b;]8;;https://evil.example/&#7;link &#x9b;31mred&#x202e;&#x2066;!";

describe("parseFeed: control characters", () => {
  it("strips them from every text field of an RSS feed, raw or as references", () => {
    const { feed } = parseFeed(
      `<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>${hostile}</title><link>https://hostile.example.com/</link><description>${referenced}</description>
<item>
  <title>${referenced}</title><link>https://hostile.example.com/a</link><guid isPermaLink="false">id\u001b[2J-1</guid>
  <description><![CDATA[<p title="${hostile}">${hostile}</p>]]></description>
  <content:encoded>&lt;p&gt;${referenced}&lt;/p&gt;</content:encoded>
  <dc:creator>${hostile}</dc:creator><category>${referenced}</category><category>ok\u0000</category>
  <enclosure url="https://hostile.example.com/a.mp3" type="audio/mpeg\u001b[2J" length="1"/>
</item></channel></rss>`,
      { url },
    );
    expectClean(feed);
    const item = feed.items[0];
    // The XML parser decodes references: "&#x1b;]8;;…&#7;" is an OSC 8 link by then and goes whole, while
    // "&#x9b;" is read as HTML reads it, the windows-1252 "›" (a raw U+009B is a CSI, and goes with "31m").
    const referencedClean = "Big news link \u203a31mred!";
    expect(feed.title).toBe("Big news link red!");
    expect(feed.description).toBe(referencedClean);
    expect(item?.title).toBe(referencedClean);
    expect(item?.summary).toBe("<p>Big news link red!</p>");
    expect(item?.content).toBe(`<p>${referencedClean}</p>`);
    expect(item?.authors[0]?.name).toBe("Big news link red!");
    expect(item?.categories).toEqual([referencedClean, "ok"]);
    expect(item?.id).toBe("id-1");
    expect(item?.enclosures[0]?.type).toBe("audio/mpeg");
  });

  it("strips them from Atom text constructs and JSON Feed text", () => {
    const atom = parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">${referenced}</title><id>x</id>
<entry><id>e\u0007</id><title type="html">&lt;b&gt;${referenced}&lt;/b&gt;</title>
<summary type="text">${referenced}</summary><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${hostile}</div></content>
<author><name>${referenced}</name></author><category term="t" label="${referenced}"/></entry></feed>`,
      { url },
    ).feed;
    expectClean(atom);
    expect(atom.title).toBe("Big news link \u203a31mred!");
    expect(atom.items[0]?.summary).toBe("Big news link \u203a31mred!");
    expect(atom.items[0]?.content).toBe("Big news link red!");
    expect(atom.items[0]?.id).toBe("e");
    const json = parseFeed(
      JSON.stringify({
        version: "https://jsonfeed.org/version/1.1",
        title: hostile,
        items: [
          {
            id: "j\u001b[2J1",
            title: hostile,
            summary: hostile,
            content_text: `${hostile}\n\nSecond \ud800paragraph`,
            tags: [hostile],
            authors: [{ name: hostile }],
          },
        ],
      }),
      { url },
    ).feed;
    expectClean(json);
    expect(json.items[0]?.content).toBe("<p>Big news link red!</p><p>Second paragraph</p>");
    expect(json.items[0]?.id).toBe("j1");
  });

  it("keeps right-to-left marks, which RTL text needs", () => {
    const { feed } = parseFeed(
      `<rss version="2.0"><channel><title>\u05d7\u05d3\u05e9\u05d5\u05ea\u200f AI\u200e</title><item><title>\u0645\u0631\u062d\u0628\u0627\u061c</title><description>&#x200F;x</description></item></channel></rss>`,
      { url },
    );
    expect(feed.title).toBe("\u05d7\u05d3\u05e9\u05d5\u05ea\u200f AI\u200e");
    expect(feed.items[0]?.title).toBe("\u0645\u0631\u062d\u0628\u0627\u061c");
    expect(feed.items[0]?.summary).toBe("\u200fx");
  });
});
