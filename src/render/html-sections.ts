import type { Issue, Section } from "../model/issue.ts";
import { formatLongDate, formatMediumDate } from "./dates.ts";
import { escapeHtml } from "./escape.ts";
import { fullStory, headlineItem, rapidItem, sourcesLine, withColon } from "./html-blocks.ts";
import { box, type HtmlContext, lines, link } from "./html-context.ts";
import { siteLink } from "./options.ts";
import { isBanner, sectionIcon } from "./theme.ts";

/**
 * The top of an issue: the edition's name, the title, and the date unless an intro section says it (the digest's
 * date line, the briefing's greeting).
 */
export function renderMasthead(ctx: HtmlContext, issue: Issue): string {
  const kicker = `<p${ctx.attrs("kicker")}>${escapeHtml(issue.editionName)}</p>`;
  const title = `<h1${ctx.attrs("title")}>${escapeHtml(issue.title)}</h1>`;
  const datedByIntro = issue.sections.some((s) => s.kind === "intro");
  const date = datedByIntro ? "" : `<p${ctx.attrs("date")}>${escapeHtml(formatLongDate(issue.date))}</p>`;
  return kicker + title + date;
}

/** A section's heading: a banner for a themed headline list, else an h2 with the section's icon when it has one. */
function heading(ctx: HtmlContext, section: Section, text: string | null = section.heading): string {
  if (!text) return "";
  if (isBanner(section)) return `<h2${ctx.attrs("banner")}>${escapeHtml(text)}</h2>`;
  const icon = sectionIcon(section, ctx.options.emoji);
  return `<h2${ctx.attrs("h2")}>${icon ? `<span aria-hidden="true">${icon}</span> ` : ""}${escapeHtml(text)}</h2>`;
}

/** One section as an HTML fragment (no wrapper: the email puts it in its own row, the web page in a <section>). */
export function renderSection(ctx: HtmlContext, section: Section): string {
  const a = ctx.attrs;
  switch (section.kind) {
    case "intro": {
      const part = section.id === "greeting" ? "greeting" : "intro";
      const paragraphs = section.text.split(/\n\s*\n/).filter((t) => t.trim());
      return heading(ctx, section) + paragraphs.map((t) => `<p${a(part)}>${lines(t)}</p>`).join("");
    }
    case "stories": {
      if (section.style === "full") {
        return (
          heading(ctx, section) +
          section.stories.map((s, i) => fullStory(ctx, s, section.numbered ? i + 1 : null)).join("")
        );
      }
      const list = section.numbered ? "ol" : "ul";
      const item = section.style === "rapid" ? rapidItem : headlineItem;
      return `${heading(ctx, section)}<${list}${a("ul")}>${section.stories.map((s) => item(ctx, s)).join("")}</${list}>`;
    }
    case "groups":
      return (
        heading(ctx, section) +
        section.groups
          .map((group) => {
            const emoji =
              ctx.options.emoji && group.emoji ? `<span aria-hidden="true">${escapeHtml(group.emoji)}</span> ` : "";
            const items = group.stories.map((s) => rapidItem(ctx, s)).join("");
            return `<h3${a("group")}>${emoji}${escapeHtml(group.label)}</h3><ul${a("ul")}>${items}</ul>`;
          })
          .join("")
      );
    case "bullets": {
      const items = section.lines.map((line) => {
        const text = line.text.trim();
        // A lead with no text after it (an episode title) stands alone, without a colon.
        const lead = line.lead?.trim()
          ? `<strong${a("lead")}>${escapeHtml(text ? withColon(line.lead) : line.lead.trim())}</strong>${text ? " " : ""}`
          : "";
        return `<li${a("li")}>${lead}${escapeHtml(text)}</li>`;
      });
      return `${heading(ctx, section)}<ul${a("ul")}>${items.join("")}</ul>${sourcesLine(ctx, section.citations)}`;
    }
    case "market": {
      const title = section.heading.includes(section.ticker)
        ? section.heading
        : `${section.heading}: ${section.ticker}`;
      const part = section.sentiment === "Bullish" ? "bull" : section.sentiment === "Bearish" ? "bear" : "flat";
      const dot = `<span aria-hidden="true"${a("dot")}></span>`;
      const company = section.company ? `${escapeHtml(section.company)} (${escapeHtml(section.ticker)}) · ` : "";
      const meta = `<p${a("meta")}>${company}Sentiment: <span${a(part)}>${dot}${section.sentiment}</span></p>`;
      return `${heading(ctx, section, title)}${meta}<p${a("p")}>${escapeHtml(section.paragraph)}</p>${sourcesLine(ctx, section.citations)}`;
    }
    case "quote": {
      const text = /^\s*["“‘']/.test(section.quote) ? section.quote.trim() : `“${section.quote.trim()}”`;
      const source = section.citation
        ? `, via ${link(ctx, "src", section.citation.url, section.citation.outlet, section.citation.title)}`
        : "";
      const by = `<p${a("by")}>— ${escapeHtml(section.speaker)}${source}</p>`;
      return `${heading(ctx, section)}<blockquote${a("bq")}><p${a("quote")}>${escapeHtml(text)}</p>${by}</blockquote>`;
    }
    case "prompt": {
      const title = section.title ? `<p${a("ptitle")}>${escapeHtml(section.title)}</p>` : "";
      const use = section.use ? `<p${a("use")}>${escapeHtml(section.use)}</p>` : "";
      return `${heading(ctx, section)}${title}<p${a("plabel")}>Prompt</p>${box(ctx, "prompt", lines(section.prompt))}${use}`;
    }
    case "links": {
      if (section.links.length === 0) return `${heading(ctx, section)}<p${a("empty")}>${escapeHtml(section.empty)}</p>`;
      const items = section.links.map((l) => {
        const when = l.date ? ` <span${a("when")}>· ${escapeHtml(formatMediumDate(l.date))}</span>` : "";
        return `<li${a("li")}>${link(ctx, "a", siteLink(ctx.options, l.url), l.title)}${when}</li>`;
      });
      return `${heading(ctx, section)}<ul${a("ul")}>${items.join("")}</ul>`;
    }
    case "cta": {
      const url = section.url ?? ctx.options.tipsUrl;
      const text = section.text ? `<p${a("p")}>${escapeHtml(section.text)}</p>` : "";
      const button = link(ctx, "button", url, "Send us a tip");
      return `${heading(ctx, section)}${text}${button.startsWith("<a") ? `<p${a("p")}>${button}</p>` : ""}`;
    }
  }
}
