import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { cutAtSectionBreak, isJunkParagraph, removeBoilerplate, withoutJunkLines } from "./boilerplate.ts";

const prose =
  "The committee published its findings on Tuesday after a year of hearings, and the report runs to four hundred pages.";

function cleaned(bodyHtml: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${bodyHtml}</body></html>`);
  removeBoilerplate(document);
  const texts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) texts.push(node.nodeValue ?? "");
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
  };
  walk(document.body);
  return texts.join(" ").replace(/\s+/g, " ").trim();
}

describe("removeBoilerplate", () => {
  it("removes scripts, forms' controls, captions, navigation and the site footer", () => {
    const body = `<nav><a href="/">Home</a></nav><script>track()</script><article><p>${prose}</p>
      <figure><img src="a.jpg"><figcaption>Photo: Agency</figcaption></figure><button>Like</button></article>
      <footer>About us · Contact</footer>`;
    expect(cleaned(body)).toBe(prose);
  });

  it("removes boxes named as furniture: share bars, newsletters, related lists, comments, cookie banners, ads", () => {
    const body = `<article><p>${prose}</p>
      <div class="social-share">Share on X</div><div id="newsletter">Sign up</div>
      <div class="related-posts"><a href="/a">Another story</a></div><div class="ad-container">Ad</div>
      <div id="comments"><p>${prose}</p><p>${prose}</p><p>${prose}</p><p>${prose}</p><p>${prose}</p></div>
      <div class="cookie-consent">We use cookies</div></article>`;
    expect(cleaned(body)).toBe(prose);
  });

  it("removes hidden elements, ARIA landmarks that are not content, and an author's biography box", () => {
    const body = `<div hidden>Hidden offer</div><div role="complementary">Trending</div><main><p>${prose}</p>
      <div class="box"><h4>About the author</h4><p>Jane writes about science.</p></div></main>`;
    expect(cleaned(body)).toBe(prose);
  });

  it("removes links to the next and previous story even when they carry that story's text", () => {
    const next = `<div class="next-post"><h2><a href="/next">Next</a></h2><p>${prose}</p><p>${prose}</p><p>${prose}</p></div>`;
    expect(cleaned(`<article><p>${prose}</p><p>${prose}</p></article>${next}`)).toBe(`${prose} ${prose}`);
  });

  it("keeps a container whose name looks like furniture when it holds the page's prose", () => {
    const body = `<div class="share-price-report sidebar-left"><p>${prose}</p><p>${prose}</p><p>${prose}</p></div><div class="ad">Buy</div>`;
    expect(cleaned(body)).toBe(`${prose} ${prose} ${prose}`);
  });

  it("keeps names that only contain a furniture word as part of a content name", () => {
    expect(cleaned(`<div class="post-content share"><p>${prose}</p></div><div class="share">x</div>`)).toBe(prose);
  });

  it("keeps an <aside> that holds the article", () => {
    expect(
      cleaned(
        `<aside class="main-panel"><p>${prose}</p><p>${prose}</p><p>${prose}</p><p>${prose}</p><p>${prose}</p></aside>`,
      ),
    ).toBe(Array(5).fill(prose).join(" "));
  });
});

describe("isJunkParagraph", () => {
  it.each([
    "Advertisement",
    "Anzeige",
    "Share on Facebook",
    "Read more: Why chips are scarce",
    "Lesen Sie auch: Der neue Chip",
    "Home > News > Chips",
    "Start » Politik » Inland » Die lange Überschrift des Artikels steht am Ende",
    "Photo: Jane Roe/Agency",
    "(Credit: Clayton Aldern / Grist)",
    "Image illustrative : Lots of Lego by Someone",
    "By Jane Doe",
    "By Jane Doe and John Smith | Reuters",
    "By A. Writer",
    "Von Max Muster, dpa",
    "Par Jean Dupont",
    "Author: Jane Doe",
    "Posted on December 1, 2025 by Sam Okonjo",
    "Veröffentlicht am 20. März 2014",
    "Updated: 10:09am, 20 Jan, 2020",
    "14. May 2019",
    "Montag, 24. März 2004, 19:49",
    "June 18, 2019",
    "3 de mayo de 2020",
    "23.10.2018",
    "Views: 1120 | Added by: Posh | Rating: 0.0/0",
    "Kommentarfeed | Kommentare geschlossen | Trackback-URL",
    "Get the daily briefing in your inbox. Sign up now.",
    "Abonnieren Sie kostenlos unseren Newsletter",
    "Skip to content",
    "Zum Inhalt springen",
    "Most read",
    "Tags: chips, deals",
    "About the author Jane Doe covers chips.",
    "Mehr anzeigen",
    "December 1, 2025 · 48 min · Hosted by Jo Doe",
    "The full transcript is available to members. Become a member",
    "© 2025 Example Media. All rights reserved.",
    "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis bieten zu können.",
    "Please enable JavaScript to view the comments.",
    "Back to top",
    "Click to share on Twitter (Opens in new window)",
  ])("drops %j", (line) => expect(isJunkParagraph(line)).toBe(true));

  it.each([
    "The chipmaker said it would share more details next week.",
    "Updated figures released by the agency on Monday show 5% growth.",
    "Published research shows three things about memory.",
    "By 2030 the market could be twice as large.",
    "By the way, this is a sentence.",
    "By The Numbers",
    "PAR LES TEMPS QUI COURENT",
    "Di Maio ha detto che il governo non cambierà idea.",
    "Photosynthesis: how plants turn light into sugar",
    "The newsletter business has grown fast, the report says, and free products lead the way in Europe and Asia alike.",
    "May 2019 was the wettest month on record, and June was not much better.",
    "12 May 2020 | The company announced today that it would buy a rival.",
    "Browsers will block third-party cookies by default from next year, the company said in a blog post.",
  ])("keeps %j", (line) => expect(isJunkParagraph(line)).toBe(false));
});

describe("withoutJunkLines", () => {
  it("removes furniture lines from a paragraph of several lines", () => {
    expect(withoutJunkLines("Advertisement\nA real sentence stays.\nShare on X")).toBe("A real sentence stays.");
    expect(withoutJunkLines("Advertisement")).toBe("");
  });
});

describe("cutAtSectionBreak", () => {
  const body = ["A long opening paragraph of the article, well past a quarter of the text.", "Second paragraph."];

  it.each([
    "Comments",
    "3 Comments",
    "Leave a Reply",
    "You might also like",
    "Related articles",
    "Kommentare (12)",
    "Lire aussi",
    "Weiterführender Link",
  ])("cuts at %j", (heading) => expect(cutAtSectionBreak([...body, heading, "Someone else's words."])).toEqual(body));

  it("does not cut at the opening paragraphs or at a sentence that merely mentions comments", () => {
    expect(cutAtSectionBreak(["Comments", ...body])).toEqual(["Comments", ...body]);
    const sentence = "Comments from readers poured in after the first story ran last week.";
    expect(cutAtSectionBreak([...body, sentence])).toEqual([...body, sentence]);
  });
});
