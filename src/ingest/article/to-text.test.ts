import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { htmlElementToText } from "./to-text.ts";

function text(bodyHtml: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${bodyHtml}</body></html>`);
  return htmlElementToText(document.body);
}

describe("htmlElementToText", () => {
  it("puts one block per paragraph, separated by blank lines, with inline whitespace collapsed", () => {
    expect(text("<h2>A  heading</h2>\n<p>First   <b>bold</b>\n  words.</p><div>Second <em>block</em>.</div>")).toBe(
      "A heading\n\nFirst bold words.\n\nSecond block.",
    );
  });

  it("keeps line breaks inside a paragraph and the layout of preformatted text", () => {
    expect(text("<p>Line one<br>Line two</p><pre>  indented\n    code()\n</pre>")).toBe(
      "Line one\nLine two\n\n  indented\n    code()",
    );
  });

  it("writes table rows as cells separated by bars and list items as paragraphs", () => {
    expect(text("<table><tr><th>Model</th><th>Params</th></tr><tr><td>Large</td><td>675B</td></tr></table>")).toBe(
      "Model | Params\n\nLarge | 675B",
    );
    expect(text("<ul><li>One item</li><li>Another item</li></ul>")).toBe("One item\n\nAnother item");
  });

  it("drops soft hyphens, zero-width and control characters, and turns no-break spaces into spaces", () => {
    expect(text("<p>Ver\u00adöffent\u00adlichung\u200b und\u00a0mehr\ufeff\u0007</p>")).toBe(
      "Veröffentlichung und mehr",
    );
  });

  it("drops furniture lines and repeated paragraphs", () => {
    expect(
      text(
        "<p>Advertisement</p><p>Real text of the story.</p><p>Real text of the story.</p><p>Share on X | Email | Print</p>",
      ),
    ).toBe("Real text of the story.");
  });

  it("judges lines joined by <br> one by one", () => {
    expect(text("<p>Photo: Jane Roe<br>The caption is gone, the sentence stays.</p>")).toBe(
      "The caption is gone, the sentence stays.",
    );
  });

  it("cuts the text at a comments heading that follows the article", () => {
    const article = "<p>The first paragraph of the story, long enough to count.</p><p>The second paragraph.</p>";
    expect(text(`${article}<h3>Leave a Reply</h3><p>Nice post!</p>`)).toBe(
      "The first paragraph of the story, long enough to count.\n\nThe second paragraph.",
    );
  });

  it("returns an empty string for an element without text", () => {
    expect(text("<div><img src='a.png'><br></div>")).toBe("");
  });
});
