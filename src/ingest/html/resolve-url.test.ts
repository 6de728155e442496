import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveUrl } from "./resolve-url.ts";

/** What resolveUrl must return: the WHATWG parser's answer, kept only for http(s) (and mailto: when allowed). */
function reference(href: string, base: string | null, allowMailto = false): string | null {
  const value = href.trim();
  if (!value) return null;
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" || (allowMailto && url.protocol === "mailto:")
      ? url.href
      : null;
  } catch {
    return null;
  }
}

describe("resolveUrl", () => {
  it.each([
    ["https://example.com/a?b=1&c=2#d", null, "https://example.com/a?b=1&c=2#d"],
    ["HTTPS://Example.COM:443/a", null, "https://example.com/a"],
    ["https://example.com", null, "https://example.com/"],
    ["/x/y?z=1", "https://example.com/feed", "https://example.com/x/y?z=1"],
    ["x/../y", "https://example.com/a/b", "https://example.com/a/y"],
    ["//cdn.example.com/i.png", "https://example.com/", "https://cdn.example.com/i.png"],
    ["https://example.com/a b", null, "https://example.com/a%20b"],
    ["http://127.1/", null, "http://127.0.0.1/"],
  ])("resolves %j against %j", (href, base, expected) => {
    expect(resolveUrl(href, base)).toBe(expected);
  });

  it.each([
    "javascript:alert(1)",
    " JavaScript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,x",
    "file:///etc/passwd",
  ])("refuses %j", (href) => {
    expect(resolveUrl(href, "https://example.com/")).toBeNull();
  });

  it("allows mailto: only when asked, and needs a base for relative links", () => {
    expect(resolveUrl("mailto:a@example.com", null)).toBeNull();
    expect(resolveUrl("mailto:a@example.com", null, true)).toBe("mailto:a@example.com");
    expect(resolveUrl("/a", null)).toBeNull();
    expect(resolveUrl("https://example.com/a", "not a url")).toBe("https://example.com/a");
  });

  it("agrees with the URL parser on any URL-like input", () => {
    const piece = fc.constantFrom(
      "a",
      "Z",
      "0",
      "9",
      ".",
      "-",
      "_",
      "/",
      "//",
      "?",
      "#",
      "%",
      "%2e",
      "%2E",
      "2",
      "e",
      ":",
      "@",
      "&",
      "=",
      "'",
      '"',
      " ",
      "\t",
      "|",
      "\\",
      "é",
      "0x",
      "..",
      "./",
      "/./",
      "/../",
      "~",
      "+",
      "[",
      "]",
      "{",
      "}",
    );
    const text = fc.array(piece, { maxLength: 10 }).map((parts) => parts.join(""));
    const href = fc
      .tuple(
        fc.constantFrom("", "http://", "https://", "HTTP://", "javascript:", "mailto:", "//", "/", " https://"),
        text,
        text,
      )
      .map(([scheme, host, rest]) => `${scheme}${host}${rest}`);
    const base = fc.constantFrom(null, "https://example.com/feed/", "http://news.example.org", "https://a.b/c?d#e");
    fc.assert(
      fc.property(href, base, fc.boolean(), (value, against, mailto) => {
        expect(resolveUrl(value, against, mailto)).toBe(reference(value, against, mailto));
      }),
      { numRuns: 3000 },
    );
  });
});
