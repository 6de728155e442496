import fc from "fast-check";
import { parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { allowedTags } from "./allow-list.ts";
import { escapeAttribute, escapeText, plainText, sanitizeHtml } from "./sanitize.ts";

const base = "https://example.com/blog/post.html";
const clean = (html: string) => sanitizeHtml(html, base);

/** Every element and attribute in `html` as a browser-like parser reads it. */
function elements(html: string): Array<{ name: string; attributes: Record<string, string> }> {
  const out: Array<{ name: string; attributes: Record<string, string> }> = [];
  const walk = (nodes: ReturnType<typeof parseDocument>["children"]) => {
    for (const node of nodes) {
      if (node.type === "tag" || node.type === "script" || node.type === "style") {
        out.push({ name: node.name, attributes: node.attribs });
        walk(node.children);
      }
    }
  };
  walk(parseDocument(html).children);
  return out;
}

describe("sanitizeHtml", () => {
  it("removes scripts and styles with their content", () => {
    expect(clean("<p>Hi<script>alert(1)</script></p><style>p{color:red}</style><p>there</p>")).toBe(
      "<p>Hi</p><p>there</p>",
    );
    expect(clean("<SCRIPT type='text/javascript'>evil()</SCRIPT >ok")).toBe("ok");
    expect(clean("<script>if (a < b) { x = '</scr' + 'ipt>' }</script>after")).toBe("after");
    // As in a browser, the first end tag ends the script, even inside a JavaScript string.
    expect(clean('<script>x = "</script>"; alert(1)')).toBe('"; alert(1)');
    expect(clean("before<script>never closed")).toBe("before");
  });

  it("removes other elements whose content is not text to show (iframe, svg, template, noscript…)", () => {
    expect(clean('<iframe src="https://evil.example/">fallback</iframe><p>a</p>')).toBe("<p>a</p>");
    expect(clean("<svg><script>alert(1)</script><text>t</text></svg>b")).toBe("b");
    expect(clean("<svg/>b")).toBe("b");
    expect(clean("<math><mi xlink:href='javascript:alert(1)'>x</mi></math>c")).toBe("c");
    expect(clean("<template><img src=x onerror=alert(1)></template>d")).toBe("d");
    expect(clean("<noscript><img src=x></noscript>e")).toBe("e");
    expect(clean("<textarea><b>not bold</b></textarea>f")).toBe("f");
  });

  it("removes event handlers, styles and classes", () => {
    expect(clean('<p onclick="x()" style="color:red" class="lead" id="p1">Hi</p>')).toBe("<p>Hi</p>");
    expect(clean('<img src="/a.png" onerror="alert(1)" alt="A">')).toBe(
      '<img src="https://example.com/a.png" alt="A">',
    );
    expect(clean("<a href=/x onmouseover=alert(1)>x</a>")).toBe('<a href="https://example.com/x">x</a>');
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "  javascript:alert(1)",
    "java\tscript:alert(1)",
    "java&#x09;script:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript&colon;alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "file:///etc/passwd",
  ])("drops a dangerous URL: %s", (href) => {
    expect(clean(`<a href="${href}">x</a>`)).toBe("<a>x</a>");
    expect(clean(`<img src="${href}">`)).toBe("<img>");
  });

  it("makes relative links and images absolute against the base", () => {
    expect(clean('<a href="other.html">o</a>')).toBe('<a href="https://example.com/blog/other.html">o</a>');
    expect(clean('<a href="/about?x=1&amp;y=2#top">a</a>')).toBe(
      '<a href="https://example.com/about?x=1&amp;y=2#top">a</a>',
    );
    expect(clean('<img src="//cdn.example.com/i.png">')).toBe('<img src="https://cdn.example.com/i.png">');
    expect(clean('<img data-src="/lazy.png" alt="">')).toBe('<img alt="" src="https://example.com/lazy.png">');
    expect(clean('<a href="mailto:desk@example.com">m</a>')).toBe('<a href="mailto:desk@example.com">m</a>');
  });

  it("drops a relative link when there is no base to resolve it against", () => {
    expect(sanitizeHtml('<a href="/x">x</a><img src="https://e.com/i.png">', null)).toBe(
      '<a>x</a><img src="https://e.com/i.png">',
    );
  });

  it("keeps text, entities and allowed structure; escapes stray markup characters", () => {
    expect(clean("<p>Fish &amp; chips &copy; 2025 &#8212; AT&T</p>")).toBe(
      "<p>Fish &amp; chips &copy; 2025 &#8212; AT&amp;T</p>",
    );
    expect(clean("<p>1 < 2 and 3 > 2</p>")).toBe("<p>1 &lt; 2 and 3 > 2</p>");
    expect(clean('<blockquote cite="/src">q</blockquote><pre><code>x</code></pre>')).toBe(
      '<blockquote cite="https://example.com/src">q</blockquote><pre><code>x</code></pre>',
    );
    expect(clean('<a href="/x" title=\'say "hi"\'>x</a>')).toBe(
      '<a href="https://example.com/x" title="say &quot;hi&quot;">x</a>',
    );
  });

  it("reads CDATA inside HTML as text and drops comments", () => {
    expect(clean("<p><![CDATA[<b>raw</b> & more]]></p>")).toBe("<p>&lt;b&gt;raw&lt;/b&gt; &amp; more</p>");
    expect(clean("a<!-- <script>alert(1)</script> -->b<!---->c")).toBe("abc");
  });

  it("closes what the input leaves open, and nests implied ends the way HTML does", () => {
    expect(clean("<p><b>bold")).toBe("<p><b>bold</b></p>");
    expect(clean("<ul><li>a<li>b</ul>")).toBe("<ul><li>a</li><li>b</li></ul>");
    expect(clean("<p>one<p>two")).toBe("<p>one</p><p>two</p>");
    expect(clean("</div></p>text</b>")).toBe("text");
    expect(clean("<div><span>a</div>b")).toBe("<div><span>a</span></div>b");
  });

  it("drops a tag cut off by the end of the input", () => {
    expect(clean('<p>ok</p><a href="/x')).toBe("<p>ok</p>");
    expect(clean("<p>ok</p><img")).toBe("<p>ok</p>");
  });

  it("removes control characters, escape sequences and bidi overrides, raw or as numeric references", () => {
    expect(clean("<p>Big\u001b[2J news\u0007 \u009b31mred\u202e</p>")).toBe("<p>Big news red</p>");
    expect(clean("<p>a&#27;[2Jb &#x9b;c &#x202E;d &#x1B;&#0;e</p>")).toBe("<p>a[2Jb &#8250;c d &#65533;e</p>");
    expect(clean('<a href="/x" title="x&#27;[2Jy\u202ez">t</a>')).toBe(
      '<a href="https://example.com/x" title="xyz">t</a>',
    );
    expect(clean("no markup\u001b]8;;https://evil.example/\u0007 here")).toBe("no markup here");
    // Right-to-left marks are text, not overrides.
    expect(clean("<p>\u05e9\u05dc\u05d5\u05dd\u200f &#x200E;x</p>")).toBe(
      "<p>\u05e9\u05dc\u05d5\u05dd\u200f &#x200E;x</p>",
    );
  });

  it("writes a windows-1252 numeric reference as the character browsers show for it", () => {
    expect(clean("<p>2024&#150;2025 &#147;quoted&#148;</p>")).toBe("<p>2024&#8211;2025 &#8220;quoted&#8221;</p>");
  });

  it("drops markup cut off by the end of the input, as browsers do", () => {
    expect(clean("<p>ok</p><?xml vers")).toBe("<p>ok</p>");
    expect(clean("<p>ok</p><!DOCTYPE ht")).toBe("<p>ok</p>");
    expect(clean("<p>ok</p></ p")).toBe("<p>ok</p>");
    expect(clean("<p>ok</p></3")).toBe("<p>ok</p>");
    expect(clean("a</ >b")).toBe("ab");
  });

  it("treats a self-closed script, style or iframe as open, as browsers do", () => {
    expect(clean("<script/>alert(1)</script>after")).toBe("after");
    expect(clean("<iframe/><b>fallback</b></iframe>after")).toBe("after");
  });

  it("returns plain text escaped without parsing, and empty for empty input", () => {
    expect(clean("just text > more")).toBe("just text > more");
    expect(clean("")).toBe("");
  });

  // Speed is measured in bench/ (`npm run bench -- --only extraction`); a quadratic reader would blow the test's
  // timeout on these sizes.
  it("reads deeply nested and tag-heavy input", { timeout: 60_000 }, () => {
    const nested = `${"<div>".repeat(50_000)}x${"</div>".repeat(50_000)}`;
    expect(clean(nested)).toContain("x");
    expect(clean("<".repeat(100_000)).length).toBe(400_000);
    expect(clean(`<a title="${"x".repeat(100_000)}`)).toBe("");
  });

  it("writes only allow-listed elements and attributes, and no script URL, whatever the input", () => {
    const fragment = fc.oneof(
      fc.string(),
      fc.constantFrom(
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">',
        "<svg><g onload=alert(1)>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        '"',
        "'",
        "<",
        ">",
        "&",
        "</p>",
        "<p>",
        "<style>",
        "<iframe src=//evil>",
        "<a href=/ok>",
        "<img src='/i.png'>",
        "<b>",
        "=",
      ),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 12 }), (parts) => {
        const output = clean(parts.join(""));
        for (const element of elements(output)) {
          const allowed = allowedTags.get(element.name);
          expect(allowed, `element <${element.name}> in ${output}`).toBeDefined();
          for (const [name, value] of Object.entries(element.attributes)) {
            expect(allowed?.has(name), `attribute ${name} in ${output}`).toBe(true);
            if (name === "href" || name === "src") expect(value).toMatch(/^(?:https?:\/\/|mailto:)/);
          }
        }
        // Sanitised output is a fixed point: nothing is left for a second pass to change.
        expect(clean(output)).toBe(output);
      }),
      { numRuns: 300 },
    );
  });
});

describe("plainText", () => {
  it("removes markup, decodes entities, collapses whitespace", () => {
    expect(plainText("  <b>AT&amp;T</b>\n  results&nbsp;<i>today</i> ")).toBe("AT&T results today");
    expect(plainText("<![CDATA[Title]]>")).toBe("Title");
    expect(plainText("a<!-- note -->b")).toBe("a b");
  });

  it("keeps text that only looks like markup, and entities without their semicolon", () => {
    expect(plainText("Fish & Chips & more <3")).toBe("Fish & Chips & more <3");
    expect(plainText("?page=1&copy=2")).toBe("?page=1&copy=2");
    expect(plainText("x <y@example.com>")).toBe("x <y@example.com>");
  });

  it("drops control characters and returns null for nothing", () => {
    expect(plainText("ab\u0008cd\u0000")).toBe("abcd");
    expect(plainText("Big\u001b[2J \u001b]8;;https://evil.example/\u0007news\u001b]8;;\u0007\u202e")).toBe("Big news");
    expect(plainText("C1 &#x9b;&#27;[31mcsi \u009b2J\ud800 ok")).toBe("C1 \u203acsi ok");
    expect(plainText("   ")).toBeNull();
    expect(plainText(null)).toBeNull();
    expect(plainText(undefined)).toBeNull();
  });
});

describe("escapeText and escapeAttribute", () => {
  it("escape what HTML needs escaped", () => {
    expect(escapeText('a < b & c > "d"')).toBe('a &lt; b &amp; c &gt; "d"');
    expect(escapeAttribute('say "hi" & <go>')).toBe("say &quot;hi&quot; &amp; &lt;go&gt;");
    expect(escapeText("plain")).toBe("plain");
  });
});
