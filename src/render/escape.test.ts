import { describe, expect, it } from "vitest";
import { cleanDocument, cleanJson, escapeHtml, escapeMarkdown, markdownUrl, safeUrl } from "./escape.ts";

describe("escapeHtml", () => {
  it("escapes markup and both quote kinds", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});

describe("control characters", () => {
  const hostile =
    "Big\u001b[2J \u001b]8;;https://evil.example/\u0007news\u001b]8;;\u0007\u0007 \u009b31mnow\u202e\u2066\ud800";

  it("never reach HTML or Markdown through the escaping", () => {
    expect(escapeHtml(hostile)).toBe("Big news now");
    expect(escapeMarkdown(hostile)).toBe("Big news now");
    expect(escapeHtml("\u05e9\u05dc\u05d5\u05dd\u200f <b>")).toBe("\u05e9\u05dc\u05d5\u05dd\u200f &lt;b&gt;");
  });

  it("are taken out of whole documents one character at a time, and out of JSON strings whole", () => {
    expect(cleanDocument(`<rss><title>${hostile}</title></rss>`)).toBe(
      "<rss><title>Big[2J ]8;;https://evil.example/news]8;; 31mnow</title></rss>",
    );
    expect(JSON.parse(cleanJson({ title: hostile, items: [{ tags: [hostile] }] }))).toEqual({
      title: "Big news now",
      items: [{ tags: ["Big news now"] }],
    });
  });

  it("cannot disguise a URL's scheme", () => {
    expect(safeUrl("java\u202escript:alert(1)")).toBeNull();
    expect(safeUrl("archive/\u202ex.html")).toBe("archive/x.html");
  });
});

describe("safeUrl", () => {
  it("keeps http(s), mailto, relative paths and mail-merge placeholders", () => {
    expect(safeUrl("https://example.com/a b?q=1")).toBe("https://example.com/a%20b?q=1");
    expect(safeUrl("mailto:tips@example.com")).toBe("mailto:tips@example.com");
    expect(safeUrl("archive/digest/2025-12-02.html")).toBe("archive/digest/2025-12-02.html");
    expect(safeUrl("../index.html")).toBe("../index.html");
    expect(safeUrl("{{unsubscribe_url}}")).toBe("{{unsubscribe_url}}");
    expect(safeUrl("%%unsubscribe%%")).toBe("%%unsubscribe%%");
  });

  it("refuses other schemes, however they are disguised", () => {
    for (const url of [
      "javascript:alert(1)",
      " JavaScript:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,x",
      "vbscript:x",
      "//evil.example/x",
      "",
      null,
    ]) {
      expect(safeUrl(url), String(url)).toBeNull();
    }
  });
});

describe("escapeMarkdown", () => {
  it("escapes inline markup, dollars and HTML", () => {
    expect(escapeMarkdown("a *b* _c_ [d](e) <script> $2 & `f` | ~g~ &amp; &#60;")).toBe(
      "a \\*b\\* \\_c\\_ \\[d\\](e) \\<script\\> \\$2 & \\`f\\` \\| \\~g\\~ \\&amp; \\&#60;",
    );
  });

  it("escapes what would start a block, and only at the start", () => {
    expect(escapeMarkdown("# not a heading")).toBe("\\# not a heading");
    expect(escapeMarkdown("> not a quote")).toBe("\\> not a quote");
    expect(escapeMarkdown("- not a list")).toBe("\\- not a list");
    expect(escapeMarkdown("2025. A year")).toBe("2025\\. A year");
    expect(escapeMarkdown("Up 4.4x - a # sign")).toBe("Up 4.4x - a # sign");
  });

  it("keeps a paragraph on one line", () => {
    expect(escapeMarkdown("one\n\n# two")).toBe("one # two");
  });
});

describe("markdownUrl", () => {
  it("percent-encodes what would end a link destination, and drops unsafe URLs", () => {
    expect(markdownUrl("https://example.com/a_(b)")).toBe("https://example.com/a_%28b%29");
    expect(markdownUrl("javascript:alert(1)")).toBeNull();
  });
});
