// Small helpers used by every page template. Each layout family writes its own markup; these only
// supply data (comments, bios) and tiny fragments (meta tags, JSON-LD).
import { addMinutes } from "../demo-lib/dates.ts";
import type { LinkRef, PageContext, ReaderComment } from "../demo-lib/site.ts";
import { escAttr, escText, hash, inline, shuffled } from "../demo-lib/text.ts";

export { escAttr as attr, escText as esc, inline };

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** <script type="application/ld+json"> with "</" escaped. */
export function jsonLd(data: Json): string {
  return `<script type="application/ld+json">${JSON.stringify(data).replace(/<\//g, "<\\/")}</script>`;
}

export function meta(attr: "name" | "property", key: string, value: string): string {
  return `<meta ${attr}="${escAttr(key)}" content="${escAttr(value)}">`;
}

/** og:* basics shared by everyone (title, site_name, url, image, description). */
export function ogBasics(ctx: PageContext, type = "article"): string[] {
  return [
    meta("property", "og:type", type),
    meta("property", "og:site_name", ctx.source.name),
    meta("property", "og:title", ctx.item.title),
    meta("property", "og:description", ctx.item.summary),
    meta("property", "og:url", ctx.entry.url),
    meta("property", "og:image", ctx.entry.imageUrl),
    meta("property", "og:image:width", "1200"),
    meta("property", "og:image:height", "675"),
  ];
}

export function canonical(ctx: PageContext): string {
  return `<link rel="canonical" href="${escAttr(ctx.entry.url)}">`;
}

export function feedAlternate(ctx: PageContext): string {
  return `<link rel="alternate" type="${escAttr(ctx.feedMime)}" title="${escAttr(ctx.source.name)}" href="${escAttr(ctx.feedUrl)}">`;
}

/** Site-internal link (origin placeholder + path under the outlet root). */
export function site(ctx: PageContext, path = ""): string {
  return `${ctx.siteUrl}${path}`;
}

export function slugify(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Nav links from labels: <li><a href="…/section/">Label</a></li>, with an optional class on each <li>. */
export function navItems(ctx: PageContext, labels: readonly string[], liClass = "", prefix = ""): string {
  const cls = liClass === "" ? "" : ` class="${liClass}"`;
  return labels
    .map((l) => `<li${cls}><a href="${escAttr(site(ctx, `${prefix}${slugify(l)}/`))}">${escText(l)}</a></li>`)
    .join("\n");
}

export function linkList(refs: readonly LinkRef[], liClass = ""): string {
  const cls = liClass === "" ? "" : ` class="${liClass}"`;
  return refs.map((r) => `<li${cls}><a href="${escAttr(r.url)}">${escText(r.title)}</a></li>`).join("\n");
}

/**
 * Body blocks with extra HTML inserted after the n-th paragraph (<p> block); an insert is skipped when
 * nothing follows that paragraph, so boilerplate never ends the body.
 */
export function withInserts(
  blocks: readonly string[],
  inserts: ReadonlyArray<{ after: number; html: string }>,
): string {
  const out: string[] = [];
  let paragraphs = 0;
  blocks.forEach((b, i) => {
    out.push(b);
    if (!b.startsWith("<p>")) return;
    paragraphs += 1;
    for (const ins of inserts)
      if (ins.after === paragraphs && i + 1 < blocks.length && ins.html !== "") out.push(ins.html);
  });
  return out.join("\n");
}

export function authorBio(ctx: PageContext): string {
  const beat = (ctx.item.categories[0] ?? "technology").toLowerCase();
  const variants = [
    `${ctx.item.author} covers ${beat} and the business of artificial intelligence for ${ctx.source.name}.`,
    `${ctx.item.author} is a reporter at ${ctx.source.name}, writing about ${beat}, cloud computing and the companies building AI models.`,
    `${ctx.item.author} writes about ${beat} for ${ctx.source.name}. Before that, they covered enterprise software.`,
  ];
  return variants[hash(ctx.item.author) % variants.length] ?? "";
}

export function authorUrl(ctx: PageContext, prefix = "author/"): string {
  return site(ctx, `${prefix}${slugify(ctx.item.author)}/`);
}

/** "Illustration: Wirebeat" style credit line; the images are generated placeholders. */
export function credit(ctx: PageContext, label = "Illustration"): string {
  return `${label}: ${ctx.source.name} staff`;
}

const COMMENTS: readonly string[] = [
  "Thanks for the clear write-up.",
  "Bookmarking this to read properly later.",
  "Would be good to see a follow-up once there is more detail.",
  "Shared this with my team this morning.",
  "Good read. The second half was the most useful part for me.",
  "Any chance of a podcast episode on this?",
  "Feels like every week has one of these stories now.",
  "Nice to read something that is not just a rewritten press release.",
  "Interesting, though I'd wait and see how it plays out.",
  "Came here from the newsletter. Keep these coming.",
  "The page loads much faster since the redesign, by the way.",
  "Printed it out for the train. Old habits.",
  "Not my field, but it was easy to follow.",
  "I'd love a version of this with more background for newcomers.",
  "Great headline.",
  "Saving this for our reading group on Friday.",
  "Hard to keep up with all of it this week.",
  "Could you add the links you mention at the end?",
];

const NAMES: readonly string[] = [
  "jmarlow",
  "Tess K.",
  "quiet_gradient",
  "R. Okonjo",
  "benchmarkbear",
  "Lina V",
  "oldschoolsysadmin",
  "Mateo R.",
  "pixelpusher42",
  "Ines",
  "DataDan",
  "kw_mueller",
  "Sara L.",
  "tinkerer_77",
  "Priyanka",
  "noodle_on_call",
];

/** 2–5 plain reader comments, deterministic per page. */
export function makeComments(key: string, published: string): ReaderComment[] {
  const n = 2 + (hash(`n:${key}`) % 4);
  const texts = shuffled(COMMENTS, (c) => `${key}:${c}`).slice(0, n);
  const names = shuffled(NAMES, (c) => `${key}/${c}`).slice(0, n);
  let minutes = 20 + (hash(`t:${key}`) % 90);
  return texts.map((text, i) => {
    minutes += 7 + (hash(`${key}#${i}`) % 240);
    return { name: names[i] ?? "reader", text, at: addMinutes(published, minutes) };
  });
}
