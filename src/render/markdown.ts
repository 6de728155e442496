import type { Citation, Issue, Section, StoryBlock } from "../model/issue.ts";
import { formatLongDate, formatMediumDate } from "./dates.ts";
import { escapeMarkdown, markdownUrl } from "./escape.ts";
import { compactCitations, withColon } from "./html-blocks.ts";
import { imageSrc } from "./lead-image.ts";
import { type RenderOptions, type Resolved, resolveOptions, siteLink, webVersionUrl } from "./options.ts";
import { isBanner, sectionIcon } from "./theme.ts";

const md = escapeMarkdown;

function mdLink(text: string, url: string | null | undefined): string {
  const href = markdownUrl(url);
  return href === null ? md(text) : `[${md(text)}](${href})`;
}

function sources(citations: Citation[]): string {
  const { shown, more } = compactCitations(citations);
  if (shown.length === 0) return "";
  const links = shown.map((c) => mdLink(c.label, c.url)).join(", ");
  return `${shown.length === 1 && !more ? "Source" : "Sources"}: ${links}${more ? ` +${more} more` : ""}`;
}

const bold = (text: string) => `**${md(text)}**`;

function heading(section: Section, options: Resolved, text: string | null = section.heading): string {
  if (!text) return "";
  const icon = isBanner(section) ? null : sectionIcon(section, options.emoji);
  return `## ${icon ? `${icon} ` : ""}${md(text)}`;
}

/** The lead image as a linked Markdown image with its credit, or nothing when its URL is not a safe one. */
function leadImage(image: StoryBlock["image"]): string[] {
  const src = markdownUrl(imageSrc(image?.url));
  if (!image || !src || !(image.width > 0 && image.height > 0)) return [];
  // CommonMark has no size for an image: the alt text and the credit carry what a reader needs.
  const picture = `![${md(image.alt)}](${src})`;
  const href = markdownUrl(image.link);
  return [href ? `[${picture}](${href})` : picture, `_Image: ${mdLink(image.credit, image.link)}_`];
}

function fullStory(story: StoryBlock, number: number | null): string[] {
  const out = [`### ${number === null ? "" : `${number}. `}${md(story.headline)}`, ...leadImage(story.image)];
  for (const p of story.paragraphs) out.push(md(p));
  for (const note of story.notes) out.push(`${bold(withColon(note.label))} ${md(note.text)}`);
  const src = sources(story.citations);
  if (src) out.push(src);
  return out;
}

/** A list item of the Rapid Fire kind: the "Company: what happened." line, then notes and sources as its paragraphs. */
function rapidItem(story: StoryBlock): string {
  const what = md(
    [story.headline, ...story.paragraphs]
      .map((t) => t.trim())
      .filter(Boolean)
      .join(" "),
  );
  const subject = story.subject?.trim();
  const lines = [`- ${subject ? `${bold(withColon(subject))} ` : ""}${what}`];
  for (const note of story.notes) lines.push(`  ${bold(withColon(note.label))} ${md(note.text)}`);
  const src = sources(story.citations);
  if (src) lines.push(`  ${src}`);
  return lines.join("\n\n");
}

/** The longest run of backticks in the text, plus one (at least three): a fence the text cannot close. */
function fenceFor(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return "`".repeat(Math.max(3, longest + 1));
}

function renderSection(section: Section, options: Resolved): string[] {
  switch (section.kind) {
    case "intro":
      return [heading(section, options), ...section.text.split(/\n\s*\n/).map((t) => md(t.trim()))];
    case "stories": {
      if (section.style === "full") {
        return [
          heading(section, options),
          ...section.stories.flatMap((s, i) => fullStory(s, section.numbered ? i + 1 : null)),
        ];
      }
      if (section.style === "rapid") return [heading(section, options), section.stories.map(rapidItem).join("\n\n")];
      const items = section.stories.map((s, i) => {
        const src = sources(s.citations).replace(/^Sources?: /, "");
        return `${section.numbered ? `${i + 1}.` : "-"} ${md(s.headline)}${src ? ` — ${src}` : ""}`;
      });
      return [heading(section, options), items.join("\n")];
    }
    case "groups":
      return [
        heading(section, options),
        ...section.groups.flatMap((g) => [
          `### ${options.emoji && g.emoji ? `${md(g.emoji)} ` : ""}${md(g.label)}`,
          g.stories.map(rapidItem).join("\n\n"),
        ]),
      ];
    case "bullets": {
      const items = section.lines.map((l) => {
        const text = l.text.trim();
        const lead = l.lead?.trim() ? `${bold(text ? withColon(l.lead) : l.lead.trim())}${text ? " " : ""}` : "";
        return `- ${lead}${md(text)}`;
      });
      return [heading(section, options), items.join("\n"), sources(section.citations)];
    }
    case "market": {
      const title = section.heading.includes(section.ticker)
        ? section.heading
        : `${section.heading}: ${section.ticker}`;
      const company = section.company ? `${md(section.company)} (${md(section.ticker)}) · ` : "";
      return [
        heading(section, options, title),
        `${company}Sentiment: **${section.sentiment}**`,
        md(section.paragraph),
        sources(section.citations),
      ];
    }
    case "quote": {
      const text = /^\s*["“‘']/.test(section.quote) ? section.quote.trim() : `“${section.quote.trim()}”`;
      const via = section.citation ? `, via ${mdLink(section.citation.outlet, section.citation.url)}` : "";
      return [heading(section, options), `> ${md(text)}\n>\n> — ${md(section.speaker)}${via}`];
    }
    case "prompt": {
      const fence = fenceFor(section.prompt);
      return [
        heading(section, options),
        section.title ? bold(section.title) : "",
        `${fence}text\n${section.prompt.trim()}\n${fence}`,
        md(section.use),
      ];
    }
    case "links": {
      if (section.links.length === 0) return [heading(section, options), `_${md(section.empty)}_`];
      const items = section.links.map(
        (l) => `- ${mdLink(l.title, siteLink(options, l.url))}${l.date ? ` · ${md(formatMediumDate(l.date))}` : ""}`,
      );
      return [heading(section, options), items.join("\n")];
    }
    case "cta": {
      const url = markdownUrl(section.url ?? options.tipsUrl);
      return [heading(section, options), md(section.text), url ? `[Send us a tip](${url})` : ""];
    }
  }
}

/**
 * The issue as CommonMark: ATX headings, lists, links with the source outlets as text, the prompt in a fenced
 * block. Every character that could be read as markup is escaped, so pasted anywhere it shows what was written.
 *
 * @example
 * writeFileSync("2025-12-02.md", renderMarkdown(issue, { siteName: "Daybrief", siteUrl: null }));
 */
export function renderMarkdown(issue: Issue, options: RenderOptions): string {
  const resolved = resolveOptions(options);
  const datedByIntro = issue.sections.some((s) => s.kind === "intro");
  const blocks = [
    `**${md(issue.editionName)}**`,
    `# ${md(issue.title)}`,
    datedByIntro ? "" : md(formatLongDate(issue.date)),
  ];
  for (const section of issue.sections) blocks.push(...renderSection(section, resolved));
  const links = [
    mdLink("Read on the web", webVersionUrl(issue, resolved)),
    mdLink("Send a tip", resolved.tipsUrl),
    mdLink("Unsubscribe", resolved.unsubscribeUrl),
  ].filter((l) => l.startsWith("["));
  blocks.push("---", [bold(resolved.siteName), md(issue.editionName), ...links].join(" · "));
  return `${blocks.filter((b) => b.trim()).join("\n\n")}\n`;
}
