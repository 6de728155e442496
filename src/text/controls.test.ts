import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanMarkup, isAllowedCodePoint, singleLine, stripControls, terminalText } from "./controls.ts";

const ESC = "\u001b";
const BEL = "\u0007";

/** XML 1.0's Char production: what may appear in a document at all. */
const xmlChar = /^[\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

/** Strings with plenty of the characters this module is about, between ordinary text. */
const hostile = fc
  .array(
    fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc.string({ unit: "binary" }),
      fc.constantFrom(
        `${ESC}[2J`,
        `${ESC}]8;;https://evil.example/${BEL}`,
        `${ESC}]8;;${ESC}\\`,
        `${ESC}]0;title`,
        ESC,
        "[",
        "]",
        BEL,
        "\u009b31m",
        "\u009d",
        "\u009c",
        "\u202e",
        "\u2066",
        "\u200f",
        "\r",
        "\n",
        "\t",
        "\u0000",
        "\ud800",
        "\udfff",
        "😀",
        "\ufffe",
      ),
    ),
    { maxLength: 16 },
  )
  .map((parts) => parts.join(""));

describe("stripControls", () => {
  it("removes terminal escape sequences whole", () => {
    expect(stripControls(`Big${ESC}[2J news`)).toBe("Big news");
    expect(stripControls(`${ESC}[1;31mred${ESC}[0m`)).toBe("red");
    expect(stripControls(`${ESC}]8;;https://evil.example/${BEL}click${ESC}]8;;${BEL} here`)).toBe("click here");
    expect(stripControls(`${ESC}]8;;https://evil.example/${ESC}\\click${ESC}]8;;${ESC}\\`)).toBe("click");
    expect(stripControls(`a${ESC}(Bb${ESC}7c${ESC}cd`)).toBe("abcd");
    expect(stripControls(`ring${BEL}${BEL}`)).toBe("ring");
  });

  it("removes C1 controls, the 8-bit CSI with its parameters included", () => {
    expect(stripControls("a\u009b2Jb")).toBe("ab");
    expect(stripControls("a\u009d8;;https://x.example/\u009cb")).toBe("ab");
    expect(stripControls("a\u0085b\u0080c\u009fd")).toBe("abcd");
  });

  it("keeps the text of a string sequence that is never terminated, dropping only its introducer", () => {
    expect(stripControls(`${ESC}]8;;https://x.example/ and on`)).toBe("8;;https://x.example/ and on");
    const long = "x".repeat(5000);
    expect(stripControls(`${ESC}]${long}${BEL}`)).toBe(long);
  });

  it("removes bidi embeddings, overrides and isolates but keeps the marks", () => {
    expect(stripControls("\u202eevil\u202c \u2066iso\u2069 \u202aemb\u202b")).toBe("evil iso emb");
    expect(stripControls("שלום\u200f world\u200e ا\u061c")).toBe("שלום\u200f world\u200e ا\u061c");
  });

  it("removes NUL and the other C0 controls but keeps tab and newline; carriage returns become newlines", () => {
    expect(stripControls("a\u0000b\u0008c\u000bd\u000ce\u001ff\u007fg")).toBe("abcdefg");
    expect(stripControls("one\r\ntwo\rthree\n\tfour")).toBe("one\ntwo\nthree\n\tfour");
  });

  it("removes lone surrogates and U+FFFE/U+FFFF but keeps characters outside the BMP", () => {
    expect(stripControls("a\ud800b\udc00c\udc00\ud800d")).toBe("abcd");
    expect(stripControls("rocket 🚀 math 𝑥\ufffe\uffff")).toBe("rocket 🚀 math 𝑥");
  });

  it("returns clean text unchanged", () => {
    const text = "Nvidia’s H200: $2bn — «up» 4.4×, 日本語, emoji 👩‍💻, tab\tand\nnewline";
    expect(stripControls(text)).toBe(text);
  });

  it("always leaves valid XML character data, is idempotent, and agrees with isAllowedCodePoint", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const clean = stripControls(text);
        expect(clean).toMatch(xmlChar);
        expect(stripControls(clean)).toBe(clean);
        for (const ch of clean) expect(isAllowedCodePoint(ch.codePointAt(0) ?? 0), JSON.stringify(ch)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("removes exactly the code points isAllowedCodePoint refuses", () => {
    for (let code = 0; code <= 0x10ffff; code += code < 0x3000 ? 1 : 0x3f) {
      if (code === 0x0d || code === 0x1b || code === 0x9b || (code >= 0x90 && code <= 0x9f)) continue; // Sequences.
      const text = `a${String.fromCodePoint(code)}b`;
      expect(stripControls(text), code.toString(16)).toBe(isAllowedCodePoint(code) ? text : "ab");
    }
  });
});

describe("cleanMarkup", () => {
  it("removes single characters only, so that the markup around them keeps its shape", () => {
    expect(cleanMarkup(`<title>a${ESC}</title><link href="x${ESC}"/>`)).toBe('<title>a</title><link href="x"/>');
    expect(cleanMarkup(`<p>${ESC}[2J\u202eb\u0000\ud800</p>\r\n`)).toBe("<p>[2Jb</p>\r\n");
    const clean = "<rss>\n\t<title>Fine — 🚀</title>\r\n</rss>";
    expect(cleanMarkup(clean)).toBe(clean);
  });

  it("always leaves valid XML characters", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(cleanMarkup(`<a>${text}</a>`)).toMatch(xmlChar);
      }),
      { numRuns: 300 },
    );
  });
});

describe("singleLine", () => {
  it("strips controls and collapses every kind of whitespace", () => {
    expect(singleLine(`  Wire\tbeat\n${BEL} ${ESC}[2J\u00a0news `)).toBe("Wire beat news");
    expect(singleLine(`${ESC}[2J${BEL}`)).toBe("");
  });
});

describe("terminalText", () => {
  it("strips controls and turns line breaks and tabs into spaces", () => {
    expect(terminalText(`${ESC}]8;;https://evil.example${BEL}click${ESC}]8;;${BEL} me`)).toBe("click me");
    expect(terminalText("safe\rEVIL\nline\ttab")).toBe("safe EVIL line tab");
    expect(terminalText("one\ntwo\tthree", { multiline: true })).toBe("one\ntwo\tthree");
  });

  it("keeps colour and weight when asked, and nothing else", () => {
    const red = `${ESC}[31mfailing${ESC}[39m`;
    expect(terminalText(red, { keepStyle: true })).toBe(red);
    expect(terminalText(red)).toBe("failing");
    expect(terminalText(`${ESC}[1m${ESC}[2Jx${ESC}[8m${ESC}[30m${ESC}[22m`, { keepStyle: true })).toBe(
      `${ESC}[1mx${ESC}[22m`,
    );
  });

  it("never lets any other escape sequence or control through", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const out = terminalText(text, { keepStyle: true });
        const withoutStyles = out.replace(/\u001b\[(?:0|1|2|22|3[1-7]|39)?m/g, "");
        expect(withoutStyles).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
      { numRuns: 500 },
    );
  });
});
