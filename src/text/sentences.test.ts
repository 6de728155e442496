import { describe, expect, it } from "vitest";
import { sentenceSpans, splitSentences } from "./sentences.ts";

describe("splitSentences", () => {
  it("ends sentences at a stop before a capital, a digit or a quote, not after abbreviations or initials", () => {
    expect(
      splitSentences(
        'Nvidia Corp. rose 2.5% on Dec. 3 in the U.S. market. J. P. Morgan agreed. "It is early," she said. 2026 is next.',
      ),
    ).toEqual([
      "Nvidia Corp. rose 2.5% on Dec. 3 in the U.S. market.",
      "J. P. Morgan agreed.",
      '"It is early," she said.',
      "2026 is next.",
    ]);
  });

  it("always ends a sentence at a paragraph break or a bullet, and collapses white space", () => {
    expect(splitSentences("First line\nwraps here\n\nSecond paragraph without a stop\n- a bullet")).toEqual([
      "First line wraps here",
      "Second paragraph without a stop",
      "- a bullet",
    ]);
  });

  it("gives spans that point into the text as given", () => {
    const text = "  Alpha rose.\n\n  Beta fell?  Gamma held!  ";
    const spans = sentenceSpans(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["Alpha rose.", "Beta fell?", "Gamma held!"]);
  });
});
