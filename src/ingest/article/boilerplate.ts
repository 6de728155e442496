/**
 * Page furniture that is never the article: removed before Readability scores the page, so that share bars,
 * newsletter boxes, "related"/"read more" lists, comments, ads and captions cannot leak into the text.
 */

/** Elements removed wherever they are. */
const junkTags =
  "script, style, noscript, template, iframe, object, embed, svg, canvas, button, select, input, textarea, dialog, figcaption, link, meta";

/** Elements removed when they hold only a small share of the page's text (a page-wide <form> or <footer> is kept). */
const structuralTags = new Set(["NAV", "ASIDE", "FOOTER", "FORM", "MENU"]);

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
  "widget",
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
];
const wordSet = new Set(boilerplateWords);
const phrasePattern = new RegExp(`(?:^|[\\s_-])(?:${boilerplatePhrases.join("|")})(?:$|[\\s_-])`, "i");
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
    const verdict = judge(el);
    if (verdict === "keep") continue;
    // Never drop a container that holds most of the page's text: its class name is lying or too generic.
    if (textLength(el) / total > 0.4) continue;
    // A name match alone does not outweigh real prose ("TestReport__Section--Ads" is the report itself).
    if (verdict === "weak" && proseLength(el) > 500) continue;
    el.remove();
    removed += 1;
  }
  return { removed };
}

/** Text and headings are judged by their containers, never by their own ids ("nav_chapter_2" anchors). */
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

function judge(el: Element): "keep" | "weak" | "strong" {
  if (el.hasAttribute("hidden") || el.getAttribute("aria-hidden") === "true") return "strong";
  const role = el.getAttribute("role");
  if (role && rolesToDrop.has(role)) return "strong";
  if (structuralTags.has(el.tagName)) return "strong";
  if (el.tagName === "HEADER" && !el.closest("article")) return "strong";
  if (leafTags.has(el.tagName)) return "keep";
  const names = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`.trim();
  if (!names) return "keep";
  if (phrasePattern.test(names)) return "weak";
  for (const token of names.toLowerCase().split(/[\s_-]+/)) {
    if (!wordSet.has(token) && !navLike.test(token)) continue;
    if (token.startsWith("comment") || token === "disqus" || token === "respond") return "strong";
    return contentHint.test(names) && token !== "related" ? "keep" : "weak";
  }
  return "keep";
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

function textLength(el: Element): number {
  return (el.textContent ?? "").replace(/\s+/g, " ").length;
}

/** Lines that are furniture even when they sit inside the article body. */
const junkLine =
  /^(?:advertisement|anzeige:?|werbung|publicité|sponsored( content)?|share( this)?( (?:article|story|on \w+))?|copy link|print|e-?mail|tweet|read more[.…]*|continue reading[.…]*|related( stories| articles| posts)?:?|see also:?|sign up( for| to)? .{0,60}|subscribe( now| to .{0,60})?|follow us .{0,40}|click here .{0,40}|beitragsbild|titelbild|aufmacherbild)$/i;
const readMoreLead =
  /^(?:read more|more|related|see also|also read|recommended|read next|watch|lesen sie (?:auch|mehr)|mehr zum thema|auch interessant)\s*[:»›>|-]/i;
const creditLead =
  /^(?:photo(?:graph)?s?|image|picture|foto|bild|beitragsbild|titelbild|aufmacherbild|credit|credits|quelle|illustration|video)(?: by| credit)?\s*[:©]|^(?:photo(?:graph)?|image|illustration)s? (?:by|courtesy of) |^©/i;
/** "23.10.2018", "3:59 PM", "Mon, 12 May 2020 19:49": a line that is only a timestamp. */
const timestampOnly =
  /^[\p{L}\s.,|/:-]{0,20}\d{1,4}[./:-]\d{1,2}(?:[./:-]\d{1,4})?[\p{L}\s.,|/:-]{0,14}(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|uhr|h)?)?\s*$/iu;

/** "Most read", "Trending now", "Editor's picks": list headings left behind when their list was removed. */
const listHeading =
  /^(?:most (?:read|popular|viewed|shared|commented)|popular(?: now| stories| posts)?|trending(?: now| stories)?|editor'?s picks|top stories|latest (?:news|stories|posts)|in (?:this|other) news|more news|meistgelesen|beliebt)[:.]?$/i;
const shareWords =
  /^(?:share(?: on \w+| this.*)?|tweet|e-?mail(?: this.*)?|print(?:er-friendly.*)?|copy link|download\b.*|save|bookmark|comments?(?: \(\d+\))?|facebook|linkedin|reddit|whatsapp|x|\d+)$/i;
const newsletterPitch = /\b(?:newsletter|inbox)\b/i;
const newsletterVerb = /\b(?:sign up|subscribe|get (?:the|our)|delivered|free)\b/i;

/** "[ Print | Email this story | Share on X | Copy link ]": a share bar flattened to a line. */
function isShareBar(line: string): boolean {
  const segments = line
    .replace(/^\[|\]$/g, "")
    .split(/\s*[|·•]\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (segments.length < 2) return false;
  return segments.filter((s) => shareWords.test(s)).length * 2 >= segments.length;
}

/** "Home > News > Chips", "Start » Politik » Inland": a breadcrumb trail. */
function isBreadcrumb(line: string): boolean {
  const parts = line.split(/\s+[>»›/]\s+/);
  return parts.length >= 3 && parts.every((part) => part.split(/\s+/).length <= 4);
}
const labelLine =
  /^(?:filed under|tags?|topics?|categories|category|posted in|keywords|schlagwörter|schlagworte|themen|mots-clés)\s*:/i;
const authorBio = /^(?:about the author|über (?:den|die) autor(?:in)?|à propos de l'auteur)\b/i;
const bylineLine =
  /^(?:(?:posted|published|updated|written|veröffentlicht|aktualisiert)(?: on| am)?\b.{0,100}|by [A-Z][\p{L}.'-]+(?: [A-Z][\p{L}.'-]+){0,3}(?: and [A-Z][\p{L}.'-]+(?: [A-Z][\p{L}.'-]+){0,3})?(?: [|·,-] .{0,60})?)$/u;

/** Drops furniture lines; a paragraph made of several lines (joined by <br>) is judged line by line. */
export function withoutJunkLines(paragraph: string): string {
  if (!paragraph.includes("\n")) return isJunkParagraph(paragraph) ? "" : paragraph;
  return paragraph
    .split("\n")
    .filter((line) => !isJunkParagraph(line))
    .join("\n")
    .trim();
}

export function isJunkParagraph(text: string): boolean {
  const line = text.trim();
  if (!line) return true;
  if (line.length <= 160 && (isBreadcrumb(line) || labelLine.test(line) || bylineLine.test(line))) return true;
  if (line.length <= 400 && authorBio.test(line)) return true;
  if (line.length <= 40 && listHeading.test(line)) return true;
  if (line.length <= 160 && isShareBar(line)) return true;
  if (line.length <= 140 && newsletterPitch.test(line) && newsletterVerb.test(line)) return true;
  if (line.length <= 80 && junkLine.test(line)) return true;
  if (line.length <= 120 && creditLead.test(line)) return true;
  if (line.length <= 40 && timestampOnly.test(line)) return true;
  return line.length <= 200 && readMoreLead.test(line);
}

/** Headings after which a page has only comments or links to other pages. */
const sectionBreak = new RegExp(
  [
    "(?:\\d+\\s+)?(?:comments?|responses?|replies|kommentare?|commentaires?|reaktionen)(?:\\s*\\(\\d+\\))?:?",
    "(?:leave|post|write|add) a (?:reply|comment|response)",
    "join the (?:discussion|conversation)",
    "(?:you )?(?:might|may) also (?:like|enjoy)|more from .{1,40}|more stories|read next|recommended (?:for you|reading|stories)",
    "related (?:articles|posts|stories|content|reading|links)|see also|further reading",
    "(?:das )?(?:thema )?(?:könnte|dürfte) (?:dich|sie|euch) auch interessieren|auch interessant|mehr zum thema|weitere artikel|weiterführende? links?",
    "ähnliche (?:artikel|beiträge)|verwandte (?:artikel|themen)|lesen sie (?:auch|hier|mehr)|highlights aus dem heft|lade weitere inhalte|kommentar schreiben|kommentare (?:schreiben|geschlossen|insgesamt)|hinterlasse (?:einen kommentar|eine antwort)",
    "(?:à )?lire aussi|articles similaires|sur le même sujet",
  ].join("|"),
  "i",
);
const sectionBreakLine = new RegExp(`^(?:${sectionBreak.source})[\\s:.!…]*$`, "i");

/**
 * Cuts the tail of an article at the first "Comments" or "You might also like" heading found past the opening
 * paragraphs: what follows is someone else's text.
 */
export function cutAtSectionBreak(paragraphs: string[]): string[] {
  const total = paragraphs.reduce((sum, p) => sum + p.length, 0);
  let seen = 0;
  for (let i = 0; i < paragraphs.length; i += 1) {
    const p = paragraphs[i] as string;
    if (i > 0 && seen > total * 0.25 && p.length <= 80 && sectionBreakLine.test(p.trim()))
      return paragraphs.slice(0, i);
    seen += p.length;
  }
  return paragraphs;
}
