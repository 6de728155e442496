/**
 * Page furniture that is never the article: removed before Readability scores the page, so that share bars,
 * newsletter boxes, "related"/"read more" lists, comments, ads and captions cannot leak into the text.
 */

/** Elements removed wherever they are. */
const junkTags =
  "script, style, noscript, template, iframe, object, embed, svg, canvas, button, select, input, textarea, dialog, figcaption, link, meta, body title";

/** Elements removed when they hold only a small share of the page's text (a page-wide <footer> is kept). */
const structuralTags = new Set(["FOOTER"]);
/** Removed like a boilerplate class name, unless they hold real prose (some sites put the article in an <aside>). */
const weakTags = new Set(["ASIDE", "FORM"]);

const boilerplateWords = [
  "share",
  "sharing",
  "sharebar",
  "social",
  "socials",
  "newsletter",
  "subscribe",
  "subscription",
  "signup",
  "related",
  "relatedposts",
  "readmore",
  "recommended",
  "recommendations",
  "popular",
  "trending",
  "promo",
  "promoted",
  "advert",
  "advertisement",
  "ad",
  "ads",
  "adslot",
  "sponsor",
  "sponsored",
  "cookie",
  "cookies",
  "consent",
  "gdpr",
  "comment",
  "comments",
  "commentlist",
  "disqus",
  "respond",
  "breadcrumb",
  "breadcrumbs",
  "pagination",
  "pager",
  "authorbio",
  "paywall",
  "modal",
  "popup",
  "outbrain",
  "taboola",
  "sidebar",
  "footer",
  "copyright",
  "colophon",
  "disclaimer",
  "masthead",
  "navbar",
  "nav",
  "navigation",
  "menu",
  "toolbar",
  "caption",
  "credit",
  "credits",
  "skiplink",
  "banner",
  "widgets",
  "navbox",
  "tags",
  "tagcloud",
  "rating",
  "print",
  "meta",
  "byline",
  "dateline",
  "timestamp",
];
const boilerplatePhrases = [
  "read-more",
  "more-stories",
  "more-articles",
  "sign-up",
  "ad-slot",
  "ad-container",
  "ad-wrapper",
  "about-author",
  "author-box",
  "author-info",
  "bio-box",
  "post-meta",
  "entry-meta",
  "article-meta",
  "post-tags",
  "entry-tags",
  "tag-list",
  "most-read",
  "you-may-like",
  "also-read",
  "see-also",
  "next-post",
  "prev-post",
  "post-navigation",
  "wp-caption-text",
  "widget-area",
  "en-savoir-plus",
  "savoir-plus",
  "lire-aussi",
  "a-lire",
  "weiterlesen",
  "mehr-zum-thema",
  "leer-mas",
  "lee-tambien",
  "leggi-anche",
];
/** Links to other stories, however much of their text they show ("next-post" boxes often carry the whole post). */
const storyLinkPhrases = [
  "next-post",
  "prev-post",
  "previous-post",
  "more-stories",
  "more-articles",
  "most-read",
  "you-may-like",
];
const wordSet = new Set(boilerplateWords);
/** Words whose box is never the article, however much prose it holds (site footers carry long legal text). */
const strongWords = new Set(["disqus", "respond", "footer", "copyright", "colophon", "disclaimer"]);
const phrasePattern = new RegExp(`(?:^|[\\s_-])(?:${boilerplatePhrases.join("|")})(?:$|[\\s_-])`, "i");
const storyLinkPattern = new RegExp(`(?:^|[\\s_-])(?:${storyLinkPhrases.join("|")})(?:$|[\\s_-])`, "i");
/** Class tokens that look like boilerplate words but name the article ("article-body", "post-content", …). */
const contentHint =
  /(?:^|[\s_-])(?:article|post|entry|story|content|main|body|text|prose|blog)(?:[\s_-]?(?:body|content|text))?(?:$|\s)/i;
/** "leftnav", "topmenu", "subnav", "mainsidebar": one-word navigation class names. */
const navLike =
  /^(?:left|right|top|sub|main|side|site|global|primary|secondary|mobile|footer|header|mega)(?:nav|navigation|menu|sidebar|navbar)$/;
const rolesToDrop = new Set(["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert"]);

export type CleanStats = { removed: number };

/** Removes boilerplate from the document in place. */
export function removeBoilerplate(document: Document): CleanStats {
  let removed = 0;
  for (const el of [...document.querySelectorAll(junkTags)]) {
    el.remove();
    removed += 1;
  }
  const body = document.body ?? document.documentElement;
  if (!body) return { removed };
  const total = textLength(body) || 1;
  for (const el of [...body.querySelectorAll("*")]) {
    if (!el.isConnected) continue;
    const verdict: Verdict = isAuthorBox(el) ? "strong" : judge(el);
    if (verdict === "keep") continue;
    // A container holding most of the page's text is kept: its name is lying or too generic ("has-sidebar"), unless
    // it is a box that cannot hold the article (comments, a site footer: the headline is not in it). Boxes linking
    // to other stories may hold more, since they often carry those stories in full. <nav> and <menu> always go:
    // a page of nothing but links has no article.
    const share = textLength(el) / total;
    if (verdict !== "navigation" && share > (verdict === "story" ? 0.7 : 0.4)) {
      if (verdict !== "strong" || holdsArticle(el)) continue;
    }
    // A name match alone does not outweigh real prose ("TestReport__Section--Ads" is the report itself).
    if (verdict === "weak" && proseLength(el) > 500) continue;
    el.remove();
    removed += 1;
  }
  return { removed };
}

/**
 * Text and headings are judged by their containers, never by their own ids ("nav_chapter_2" anchors), except for
 * names no paragraph of an article carries ("newsletter-teaser", "promo", "sponsored").
 */
const leafJunk =
  /(?:^|[\s_-])(?:newsletter|subscribe|signup|promo|advert|advertisement|sponsored|paywall|cookie|consent)(?:$|[\s_-])/i;
const leafTags = new Set([
  "P",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "A",
  "B",
  "STRONG",
  "EM",
  "I",
  "BLOCKQUOTE",
  "PRE",
  "CODE",
  "SUP",
  "SUB",
]);

type Verdict = "keep" | "weak" | "strong" | "story" | "navigation";

function judge(el: Element): Verdict {
  if (el.hasAttribute("hidden") || el.getAttribute("aria-hidden") === "true") return "strong";
  const role = el.getAttribute("role");
  if (role && rolesToDrop.has(role)) return "strong";
  if (el.tagName === "NAV" || el.tagName === "MENU") return "navigation";
  if (structuralTags.has(el.tagName)) return "strong";
  if (weakTags.has(el.tagName)) return "weak";
  if (el.tagName === "HEADER" && !el.closest("article")) return "strong";
  const names = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`.trim();
  if (leafTags.has(el.tagName)) return leafJunk.test(names) ? "strong" : "keep";
  if (!names) return "keep";
  if (storyLinkPattern.test(names)) return "story";
  if (phrasePattern.test(names)) return "weak";
  for (const token of names.toLowerCase().split(/[\s_-]+/)) {
    if (!wordSet.has(token) && !navLike.test(token)) continue;
    if (strongWords.has(token) || token.startsWith("comment")) return "strong";
    return contentHint.test(names) && token !== "related" ? "keep" : "weak";
  }
  return "keep";
}

/** "About the author", "AUTOR", "About the hosts" opening a small box: a biography of whoever wrote it. */
const authorLabel =
  /^(?:about the (?:authors?|hosts?|writers?|contributors?)|the authors?|authors?|autor(?:in|en)?|die autorin|der autor|über (?:den|die) autor(?:in|en)?|zum autor|zur autorin|l'auteur|à propos de l'auteur|sobre el autor|el autor|l'autore|sull'autore|over de auteur)\s*:?$/i;
const boxTags = new Set(["DIV", "SECTION", "ASIDE", "FOOTER"]);

function isAuthorBox(el: Element): boolean {
  if (!boxTags.has(el.tagName)) return false;
  const first = firstText(el);
  return first !== null && first.length <= 40 && authorLabel.test(first) && textLength(el) <= 1200;
}

/** The first non-blank text inside an element, looking at no more than a few dozen nodes. */
function firstText(el: Element): string | null {
  let node: Node | null = el.firstChild;
  for (let steps = 0; node && steps < 40; steps += 1) {
    if (node.nodeType === 3) {
      const text = (node.nodeValue ?? "").trim();
      if (text) return text;
    }
    if (node.firstChild) node = node.firstChild;
    else {
      while (node && node !== el && !node.nextSibling) node = node.parentNode;
      node = node && node !== el ? node.nextSibling : null;
    }
  }
  return null;
}

/** Characters of running text in paragraphs with few links: what an article has and furniture lacks. */
function proseLength(el: Element): number {
  let total = 0;
  for (const p of el.querySelectorAll("p")) {
    const text = (p.textContent ?? "").trim();
    if (text.length < 80) continue;
    let links = 0;
    for (const a of p.querySelectorAll("a")) links += (a.textContent ?? "").length;
    if (links / text.length < 0.3) total += text.length;
  }
  return total;
}

function holdsArticle(el: Element): boolean {
  return el.querySelector("h1, article, main, [itemprop='articleBody']") !== null;
}

function textLength(el: Element): number {
  return (el.textContent ?? "").replace(/\s+/g, " ").length;
}

export { cutAtSectionBreak, isJunkParagraph, withoutJunkLines } from "./junk-lines.ts";
