import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { DaybriefError } from "../../errors.ts";
import { parseFeed } from "./parse-feed.ts";

const url = "https://news.example.com/feed.xml";

function parsed(input: string | Uint8Array, options: Parameters<typeof parseFeed>[1] = { url }) {
  return parseFeed(input, options);
}

function failure(input: string | Uint8Array): DaybriefError {
  try {
    parseFeed(input, { url });
  } catch (error) {
    if (error instanceof DaybriefError) return error;
    throw error;
  }
  throw new Error("parseFeed did not throw");
}

describe("parseFeed: RSS", () => {
  it("reads RSS 2.0 with Dublin Core, content:encoded, Media RSS, iTunes and atom:link", () => {
    const { feed, warnings } = parsed(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
  xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>AI &amp; Chips   Daily</title>
    <link>https://news.example.com/</link>
    <atom:link href="https://news.example.com/feed.xml" rel="self" type="application/rss+xml"/>
    <description>News about &lt;b&gt;compute&lt;/b&gt;</description>
    <language>en-gb</language>
    <lastBuildDate>Mon, 01 Dec 2025 10:00:00 +0100</lastBuildDate>
    <managingEditor>desk@news.example.com (The Desk)</managingEditor>
    <itunes:image href="https://news.example.com/cover.png"/>
    <item>
      <title>Nvidia &amp;#8217;s  new chip</title>
      <link>/2025/12/01/nvidia?utm_source=rss</link>
      <guid isPermaLink="false">news-123</guid>
      <pubDate>Mon, 1 Dec 2025 09:05 EST</pubDate>
      <dc:creator>Jane Doe</dc:creator>
      <category>Chips</category><category>chips</category><dc:subject>Nvidia</dc:subject>
      <description><![CDATA[<p onclick="x()">Short <a href="/about">teaser</a></p><script>evil()</script>]]></description>
      <content:encoded><![CDATA[<p>Full <img src="img/chip.png" alt="chip"> text</p>]]></content:encoded>
      <media:thumbnail url="https://cdn.example.com/thumb.jpg"/>
      <enclosure url="https://cdn.example.com/ep1.mp3" length="12345" type="audio/mpeg"/>
      <itunes:keywords>gpu, datacentre</itunes:keywords>
    </item>
  </channel>
</rss>`);
    expect(warnings).toEqual([]);
    expect(feed).toMatchObject({
      format: "rss",
      version: "2.0",
      title: "AI & Chips Daily",
      link: "https://news.example.com/",
      description: "News about <b>compute</b>",
      language: "en-gb",
      updated: "2025-12-01T09:00:00Z",
      image: "https://news.example.com/cover.png",
      authors: [{ name: "The Desk", email: "desk@news.example.com", url: null }],
    });
    expect(feed.items).toEqual([
      {
        id: "news-123",
        title: "Nvidia ’s new chip",
        link: "https://news.example.com/2025/12/01/nvidia?utm_source=rss",
        summary: '<p>Short <a href="https://news.example.com/about">teaser</a></p>',
        content: '<p>Full <img src="https://news.example.com/2025/12/01/img/chip.png" alt="chip"> text</p>',
        published: "2025-12-01T14:05:00Z",
        updated: null,
        authors: [{ name: "Jane Doe", email: null, url: null }],
        categories: ["Chips", "gpu", "datacentre", "Nvidia"],
        enclosures: [{ url: "https://cdn.example.com/ep1.mp3", type: "audio/mpeg", length: 12345 }],
        image: "https://cdn.example.com/thumb.jpg",
        imageAlt: null,
        idIsPermalink: false,
      },
    ]);
  });

  it("reads RSS 0.91 and 0.92, taking a permalink guid as the link", () => {
    const v091 = parsed(`<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old</title><link>http://old.example.com/</link><description>d</description>
<language>en-us</language><item><title>One</title><link>http://old.example.com/1</link><description>First &amp; only</description></item>
</channel></rss>`).feed;
    expect(v091).toMatchObject({ format: "rss", version: "0.91", title: "Old", language: "en-us" });
    expect(v091.items[0]).toMatchObject({
      title: "One",
      link: "http://old.example.com/1",
      summary: "First &amp; only",
    });

    const v092 = parsed(`<rss version="0.92"><channel><title>T</title>
<item><guid>https://e.example.com/p/7</guid><description>x</description>
<enclosure url="http://e.example.com/a.mp3" length="99" type="audio/mpeg"/></item></channel></rss>`).feed;
    expect(v092.version).toBe("0.92");
    expect(v092.items[0]).toMatchObject({
      id: "https://e.example.com/p/7",
      link: "https://e.example.com/p/7",
      idIsPermalink: true,
      enclosures: [{ url: "http://e.example.com/a.mp3", type: "audio/mpeg", length: 99 }],
    });
  });

  it("reads RSS 1.0 (RDF) with Dublin Core dates and creators", () => {
    const { feed } = parsed(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example.org/"><title>RDF news</title><link>https://rdf.example.org/</link>
    <description>d</description><dc:language>de</dc:language><dc:date>2025-12-01T08:00:00+01:00</dc:date></channel>
  <item rdf:about="https://rdf.example.org/a"><title>A</title><link>https://rdf.example.org/a</link>
    <dc:date>2025-11-30T12:00:00Z</dc:date><dc:creator>Max Muster</dc:creator></item>
</rdf:RDF>`);
    expect(feed).toMatchObject({
      format: "rss",
      version: "1.0",
      title: "RDF news",
      language: "de",
      updated: "2025-12-01T07:00:00Z",
    });
    expect(feed.items[0]).toMatchObject({
      title: "A",
      link: "https://rdf.example.org/a",
      published: "2025-11-30T12:00:00Z",
      authors: [{ name: "Max Muster", email: null, url: null }],
    });
  });

  it("reads an item's image from media:content, an image enclosure or the first <img>", () => {
    const { feed } = parsed(`<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
<link>https://m.example.com/</link>
<item><title>a</title><media:content url="https://m.example.com/a.jpg" medium="image"/></item>
<item><title>b</title><enclosure url="https://m.example.com/b.png" type="image/png" length="1"/></item>
<item><title>c</title><description>&lt;p&gt;&lt;img src="/c.gif"&gt;&lt;/p&gt;</description></item>
</channel></rss>`);
    expect(feed.items.map((item) => item.image)).toEqual([
      "https://m.example.com/a.jpg",
      "https://m.example.com/b.png",
      "https://m.example.com/c.gif",
    ]);
  });

  it("keeps the Media RSS description of an item's image as its alt text, for RSS and Atom", () => {
    const { feed } = parsed(`<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
<link>https://m.example.com/</link>
<item><title>a</title><media:content url="https://m.example.com/a.jpg" medium="image"><media:description>A robot arm
 folding a shirt</media:description></media:content></item>
<item><title>b</title><media:thumbnail url="https://m.example.com/b.jpg"/><media:description>Jensen Huang on stage</media:description></item>
<item><title>c</title><enclosure url="https://m.example.com/c.png" type="image/png" length="1"/></item>
</channel></rss>`);
    expect(feed.items.map((item) => item.imageAlt)).toEqual([
      "A robot arm folding a shirt",
      "Jensen Huang on stage",
      null,
    ]);
    const atom = parsed(`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
<title>T</title><id>urn:t</id><updated>2025-12-01T00:00:00Z</updated>
<entry><title>e</title><id>urn:e</id><updated>2025-12-01T00:00:00Z</updated>
<media:thumbnail url="https://m.example.com/e.jpg"/><media:title>A data hall</media:title></entry></feed>`);
    expect(atom.feed.items[0]?.imageAlt).toBe("A data hall");
  });

  it("reads a podcast's iTunes fields", () => {
    const { feed } = parsed(`<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel><title>Pod</title><link>https://pod.example.com/</link><itunes:author>Pod People</itunes:author>
<itunes:summary>About &lt;i&gt;AI&lt;/i&gt;</itunes:summary><itunes:image href="https://pod.example.com/art.jpg"/>
<item><title>Ep 1</title><guid>ep-1</guid><itunes:author>Host</itunes:author><itunes:summary>Episode notes</itunes:summary>
<itunes:image href="/ep1.jpg"/><enclosure url="/ep1.mp3" length="1000" type="audio/mpeg"/>
<itunes:keywords>ai, chips</itunes:keywords><itunes:duration>12:34</itunes:duration></item></channel></rss>`);
    expect(feed).toMatchObject({
      description: "About <i>AI</i>",
      image: "https://pod.example.com/art.jpg",
      authors: [{ name: "Pod People", email: null, url: null }],
    });
    expect(feed.items[0]).toMatchObject({
      id: "ep-1",
      link: null,
      summary: "Episode notes",
      authors: [{ name: "Host", email: null, url: null }],
      categories: ["ai", "chips"],
      image: "https://pod.example.com/ep1.jpg",
      enclosures: [{ url: "https://pod.example.com/ep1.mp3", type: "audio/mpeg", length: 1000 }],
    });
  });

  it("never passes on javascript: or data: links", () => {
    const { feed } = parsed(`<rss version="2.0"><channel><title>T</title><link>javascript:alert(1)</link>
<item><title>x</title><link>javascript:alert(document.cookie)</link>
<enclosure url="data:audio/mpeg;base64,AAAA" type="audio/mpeg"/></item></channel></rss>`);
    expect(feed.link).toBeNull();
    expect(feed.items[0]).toMatchObject({ link: null, enclosures: [] });
  });
});

describe("parseFeed: Atom", () => {
  it("reads Atom 1.0 text constructs by type, honouring xml:base", () => {
    const { feed } = parsed(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/" xml:lang="en">
  <title type="html">Research &lt;em&gt;Notes&lt;/em&gt;</title>
  <subtitle type="text">Models &lt;and&gt; more</subtitle>
  <link href="/" rel="alternate" type="text/html"/><link href="/atom.xml" rel="self"/>
  <updated>2025-12-01T09:00:00Z</updated><logo>/logo.png</logo>
  <author><name>Ada</name><email>ada@example.org</email><uri>/ada</uri></author>
  <entry xml:base="/2025/">
    <id>tag:blog.example.org,2025:1</id>
    <title type="text">A &lt;b&gt; is not bold</title>
    <link href="post-1.html"/>
    <link rel="enclosure" href="https://cdn.example.org/talk.mp3" type="audio/mpeg" length="42"/>
    <updated>2025-12-01T08:00:00-05:00</updated>
    <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>See <a href="notes.html">notes</a></p></div></summary>
    <content type="html" xml:base="https://other.example.net/x/">&lt;p&gt;&lt;a href="y.html"&gt;y&lt;/a&gt;&lt;/p&gt;</content>
    <category term="llm" label="LLMs"/><category term="agents"/>
  </entry>
</feed>`);
    expect(feed).toMatchObject({
      format: "atom",
      version: "1.0",
      title: "Research Notes",
      description: "Models &lt;and&gt; more",
      link: "https://blog.example.org/",
      language: "en",
      updated: "2025-12-01T09:00:00Z",
      image: "https://blog.example.org/logo.png",
      authors: [{ name: "Ada", email: "ada@example.org", url: "https://blog.example.org/ada" }],
    });
    expect(feed.items[0]).toEqual({
      id: "tag:blog.example.org,2025:1",
      title: "A <b> is not bold",
      link: "https://blog.example.org/2025/post-1.html",
      summary: '<p>See <a href="https://blog.example.org/2025/notes.html">notes</a></p>',
      content: '<p><a href="https://other.example.net/x/y.html">y</a></p>',
      published: "2025-12-01T13:00:00Z",
      updated: "2025-12-01T13:00:00Z",
      authors: [],
      categories: ["LLMs", "agents"],
      enclosures: [{ url: "https://cdn.example.org/talk.mp3", type: "audio/mpeg", length: 42 }],
      image: null,
      imageAlt: null,
      idIsPermalink: true,
    });
  });

  it("reads Atom 0.3 (modified, issued, tagline, mode=base64)", () => {
    const { feed } = parsed(`<?xml version="1.0"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#">
  <title>Old Atom</title><tagline>Since 2004</tagline><link rel="alternate" type="text/html" href="http://old.example.org/"/>
  <modified>2004-01-01T19:48:21Z</modified>
  <entry><title mode="base64">SGVsbG8gd29ybGQ=</title><link rel="alternate" href="http://old.example.org/1"/>
    <id>urn:1</id><issued>2003-12-13T08:29:29-04:00</issued><modified>2003-12-13T18:30:02Z</modified>
    <content type="text/html" mode="escaped">&lt;p&gt;Body&lt;/p&gt;</content></entry>
</feed>`);
    expect(feed).toMatchObject({ format: "atom", version: "0.3", title: "Old Atom", description: "Since 2004" });
    expect(feed.items[0]).toMatchObject({
      title: "Hello world",
      link: "http://old.example.org/1",
      published: "2003-12-13T12:29:29Z",
      updated: "2003-12-13T18:30:02Z",
      content: "<p>Body</p>",
    });
  });
});

describe("parseFeed: JSON Feed", () => {
  it("reads JSON Feed 1.1 (authors, language) and 1.0 (author)", () => {
    const v11 = parsed(
      JSON.stringify({
        version: "https://jsonfeed.org/version/1.1",
        title: "JSON <b>news</b>",
        home_page_url: "https://j.example.com/",
        feed_url: "https://j.example.com/feed.json",
        language: "fr",
        authors: [{ name: "Zoé", url: "https://j.example.com/zoe" }],
        items: [
          {
            id: 42,
            url: "/p/42",
            title: "Post",
            content_html: '<p>Hi <img src="i.png"></p>',
            summary: "A <summary>",
            date_published: "2025-12-01T09:00:00+01:00",
            tags: ["ai", "AI", "chips"],
            attachments: [{ url: "https://j.example.com/a.mp3", mime_type: "audio/mpeg", size_in_bytes: 10 }],
          },
        ],
      }),
    ).feed;
    expect(v11).toMatchObject({
      format: "json",
      version: "1.1",
      title: "JSON news",
      link: "https://j.example.com/",
      language: "fr",
      updated: "2025-12-01T08:00:00Z",
      authors: [{ name: "Zoé", email: null, url: "https://j.example.com/zoe" }],
    });
    expect(v11.items[0]).toMatchObject({
      id: "42",
      link: "https://news.example.com/p/42",
      content: '<p>Hi <img src="https://news.example.com/p/i.png"></p>',
      summary: "A &lt;summary&gt;",
      categories: ["ai", "chips"],
      image: "https://news.example.com/p/i.png",
      enclosures: [{ url: "https://j.example.com/a.mp3", type: "audio/mpeg", length: 10 }],
    });

    const v10 = parsed(`{"version":"https://jsonfeed.org/version/1","title":"T","author":{"name":"Old"},
      "items":[{"id":"1","content_text":"Para one.\\n\\nPara <two>."}]}`).feed;
    expect(v10).toMatchObject({ version: "1.0", authors: [{ name: "Old", email: null, url: null }] });
    expect(v10.items[0]?.content).toBe("<p>Para one.</p><p>Para &lt;two&gt;.</p>");
  });
});

describe("parseFeed: charsets", () => {
  const body = (encoding: string) =>
    `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>Caf\u00e9 \u201cnews\u201d \u20ac</title></channel></rss>`;

  it("reads windows-1252 bytes as the XML declaration says (0x80–0x9F included)", () => {
    expect(parsed(iconv.encode(body("windows-1252"), "windows-1252")).feed.title).toBe("Café “news” €");
  });

  it("reads the charset from the HTTP header when the document names none", () => {
    const bytes = iconv.encode(body("x").replace(' encoding="x"', ""), "windows-1252");
    expect(parsed(bytes, { url, contentType: "application/rss+xml; charset=windows-1252" }).feed.title).toBe(
      "Café “news” €",
    );
  });

  it("strips a byte order mark (UTF-8 and UTF-16)", () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body("utf-8"))]);
    expect(parsed(utf8).feed.title).toBe("Café “news” €");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(body("utf-16"), "utf-16le")]);
    expect(parsed(utf16).feed.title).toBe("Café “news” €");
  });

  it("reads a feed that claims UTF-8 but is windows-1252, and says so", () => {
    const { feed, warnings } = parsed(iconv.encode(body("utf-8"), "windows-1252"));
    expect(feed.title).toBe("Café “news” €");
    expect(warnings.map((w) => w.code)).toContain("charset");
  });
});

describe("parseFeed: dates", () => {
  it("turns every date form into ISO 8601 UTC and reports the unreadable", () => {
    const { feed, warnings } = parsed(`<rss version="2.0"><channel><title>T</title>
<item><title>a</title><pubDate>Tue, 2 Dec 2025 7:30 PST</pubDate></item>
<item><title>b</title><pubDate>2025-12-02T07:30:00</pubDate></item>
<item><title>c</title><pubDate>Tue, 02 Dec 2025 07:30 +0530</pubDate></item>
<item><title>d</title><pubDate>sometime soon</pubDate></item></channel></rss>`);
    expect(feed.items.map((item) => item.published)).toEqual([
      "2025-12-02T15:30:00Z",
      "2025-12-02T07:30:00Z",
      "2025-12-02T02:00:00Z",
      null,
    ]);
    expect(warnings).toEqual([expect.objectContaining({ code: "date_unparsed" })]);
  });
});

describe("parseFeed: malformed XML", () => {
  it("reads bad entities and bare ampersands as text", () => {
    const { feed } = parsed(`<rss version="2.0"><channel><title>Fish & Chips &nbsp;&bogus; &eacute;t&eacute;</title>
<item><title>?page=1&copy=2</title></item></channel></rss>`);
    expect(feed.title).toBe("Fish & Chips &bogus; été");
    expect(feed.items[0]?.title).toBe("?page=1&copy=2");
  });

  it("recovers items from unclosed and mismatched tags, with a warning", () => {
    const { feed, warnings } = parsed(`<rss version="2.0"><channel><title>a < b</title>
<item><title>One</titl><link>https://e.example.com/1</link></item>
<item><title>Two</title><link>https://e.example.com/2</link>
<item><title>Three</title><link>https://e.example.com/3</link></item></channel></rss>`);
    expect(feed.title).toBe("a < b");
    expect(feed.items.map((item) => item.link)).toEqual([
      "https://e.example.com/1",
      "https://e.example.com/2",
      "https://e.example.com/3",
    ]);
    expect(warnings.map((w) => w.code)).toContain("recovered");
  });

  it("recovers the items of a truncated feed, with a warning", () => {
    const full = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
<entry><title>E1</title><link href="https://e.example.com/1"/><id>1</id></entry>
<entry><title>E2</title><link href="https://e.example.com/2"/><id>2</id><summary type="html">&lt;p&gt;cut here</summary></entry></feed>`;
    const { feed, warnings } = parsed(full.slice(0, full.indexOf("cut here") + 3));
    expect(feed.items.map((item) => [item.id, item.link])).toEqual([
      ["1", "https://e.example.com/1"],
      ["2", "https://e.example.com/2"],
    ]);
    expect(feed.items[1]?.summary).toBe("<p>cut</p>");
    expect(warnings.map((w) => w.code)).toEqual(["recovered"]);
  });

  it("skips junk before the root element, with a warning", () => {
    const { feed, warnings } = parsed(
      `Warning: include(): failed in /var/www/feed.php on line 3\n<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>`,
    );
    expect(feed.title).toBe("T");
    expect(warnings.map((w) => w.code)).toEqual(["recovered"]);
  });

  it("reads a feed root with nothing in it as an empty feed", () => {
    expect(parsed('<rss version="2.0"><channel></channel></rss>').feed).toMatchObject({ format: "rss", items: [] });
    expect(parsed('<feed xmlns="http://www.w3.org/2005/Atom"/>').feed).toMatchObject({ format: "atom", items: [] });
  });

  it("keeps the first maxItems items and says so", () => {
    const items = Array.from({ length: 5 }, (_, i) => `<item><title>${i}</title></item>`).join("");
    const { feed, warnings } = parseFeed(`<rss version="2.0"><channel>${items}</channel></rss>`, { maxItems: 2 });
    expect(feed.items.map((item) => item.title)).toEqual(["0", "1"]);
    expect(warnings.map((w) => w.code)).toEqual(["item_skipped"]);
  });
});

describe("parseFeed: not a feed", () => {
  it("names the feeds an HTML page advertises (E_FEED_NOT_FEED)", () => {
    const error = failure(`<!DOCTYPE html><html><head><title>Blog</title>
<link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.xml">
<link rel="alternate" type="application/atom+xml" href="https://news.example.com/atom?x=1&amp;y=2">
<link rel="stylesheet" href="/s.css"></head><body><p>Hello</p></body></html>`);
    expect(error.code).toBe("E_FEED_NOT_FEED");
    expect(error.details.feeds).toEqual(["https://news.example.com/feed.xml", "https://news.example.com/atom?x=1&y=2"]);
    expect(error.message).toContain("https://news.example.com/feed.xml");
  });

  it.each([
    ["an empty document", ""],
    ["whitespace", " \n\t "],
    ["plain text", "Service Unavailable"],
    ["another XML document", "<note><to>Tove</to></note>"],
    ["JSON that is not a JSON Feed", '{"error": "not found"}'],
    ["broken JSON", '{"version": "https://jsonfeed.org/version/1.1", "items": ['],
    ["binary garbage", "\u0000\u0001\u0002\u00ff"],
  ])("rejects %s with E_FEED_PARSE", (_name, input) => {
    expect(failure(input).code).toBe("E_FEED_PARSE");
  });
});

describe("parseFeed: hostile documents", () => {
  it("does not expand entities (billion laughs): small output", () => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join("");
    const doc = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${entities}]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>x &lol9;</title><description>&lol9;</description></item></channel></rss>`;
    const { feed } = parsed(doc);
    expect(JSON.stringify(feed).length).toBeLessThan(1000);
    expect(JSON.stringify(feed)).not.toContain("lollol");
  });

  it("does not read external entities (XXE): no file content in the output", () => {
    for (const doc of [
      `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title><item><title>a&xxe;</title></item></channel></rss>`,
      `<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><feed xmlns="http://www.w3.org/2005/Atom"><title>&xxe;</title></feed>`,
      `<?xml version="1.0"?><!-- c --><!DOCTYPE rss SYSTEM "file:///etc/passwd"><rss version="2.0"><channel><title>t</title></channel></rss>`,
    ]) {
      let output = "";
      try {
        output = JSON.stringify(parsed(doc));
      } catch (error) {
        expect(error).toBeInstanceOf(DaybriefError);
        output = String((error as Error).message);
      }
      expect(output).not.toMatch(/root:|\/bin\/(?:ba)?sh/);
      expect(output.length).toBeLessThan(2000);
    }
  });
});
