import type { Issue, Section } from "../model/issue.ts";
import { type Frame, frameBackground, skeletonFor } from "./email-skeleton.ts";
import { escapeHtml } from "./escape.ts";
import { type HtmlContext, htmlContext, link } from "./html-context.ts";
import { renderMasthead, renderSection } from "./html-sections.ts";
import { type RenderOptions, resolveOptions, webVersionUrl } from "./options.ts";
import { partStyles } from "./parts.ts";
import { type Theme, themeFor } from "./theme.ts";

/** Invisible characters after the preheader, so clients do not fill the preview line with the body's first words. */
const previewFiller = "&#847;&zwnj;&nbsp;".repeat(40);

function frameOf(theme: Theme, section: Section): Frame {
  if (section.kind === "intro") return "intro";
  return theme.panelKinds.includes(section.kind) ? "panel" : "plain";
}

/** Padding and top border of each frame (the masthead of a "rule" theme gets the accent bar). */
function frameStyle(theme: Theme, frame: Frame): { padding: string; border: string } {
  const c = theme.light;
  const inverse = theme.masthead === "inverse";
  switch (frame) {
    case "mast":
      return {
        padding: inverse ? "30px 28px 26px" : "28px 28px 4px",
        border: inverse ? "" : `border-top:5px solid ${c.accent};`,
      };
    case "intro":
      return { padding: inverse ? "26px 28px 6px" : "4px 28px 22px", border: "" };
    case "foot":
      return { padding: "22px 28px 30px", border: "" };
    default:
      return { padding: "26px 28px 14px", border: `border-top:1px solid ${c.rule};` };
  }
}

/** A row of the email: a full-width one-cell table with its own background, as MJML writes a section. */
function row(theme: Theme, frame: Frame, inner: string): string {
  const bg = frameBackground(theme, frame, false);
  const { padding, border } = frameStyle(theme, frame);
  const align = frame === "foot" ? "text-align:center;" : "";
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="${bg}" class="db-f-${frame}" style="width:100%;background-color:${bg};${border}"><tr><td class="db-fp" style="padding:${padding};${align}overflow-wrap:anywhere;word-break:break-word">${inner}</td></tr></table>`;
}

/** What an issue puts into the skeleton: its theme and the HTML for every slot. */
export type EmailPlan = { theme: Theme; fill: Record<string, string> };

export function planEmail(issue: Issue, options: RenderOptions): EmailPlan {
  const resolved = resolveOptions(options);
  const theme = themeFor(issue.edition, resolved.brandColor);
  const ctx = htmlContext("email", theme, resolved, partStyles(theme, theme.light));
  const rows = [
    row(theme, "mast", renderMasthead(ctx, issue)),
    ...issue.sections.map((s) => row(theme, frameOf(theme, s), renderSection(ctx, s))),
    row(theme, "foot", renderFooter(ctx, issue)),
  ];
  return {
    theme,
    fill: {
      title: escapeHtml(issue.title),
      preview: escapeHtml(issue.preheader) + previewFiller,
      body: rows.join("\n"),
    },
  };
}

/**
 * The issue as a responsive HTML email: MJML layout, 600 px wide, system fonts, every colour explicit (light
 * inline, dark by media query), a hidden preheader, and a footer with the web version, tips and unsubscribe links.
 *
 * @example
 * const html = await renderEmail(issue, { siteName: "Daybrief", siteUrl: "https://brief.example.com" });
 */
export async function renderEmail(issue: Issue, options: RenderOptions): Promise<string> {
  const plan = planEmail(issue, options);
  const skeleton = await skeletonFor(plan.theme);
  let out = skeleton.parts[0] ?? "";
  skeleton.slots.forEach((slot, i) => {
    out += (plan.fill[slot] ?? "") + (skeleton.parts[i + 1] ?? "");
  });
  return out;
}

function renderFooter(ctx: HtmlContext, issue: Issue): string {
  const { options } = ctx;
  const links = [
    link(ctx, "flink", webVersionUrl(issue, options), "Read on the web"),
    link(ctx, "flink", options.tipsUrl, "Send a tip"),
    link(ctx, "flink", options.unsubscribeUrl, "Unsubscribe"),
  ].filter((html) => html.startsWith("<a"));
  const name = `<p${ctx.attrs("foot")}><strong>${escapeHtml(options.siteName)}</strong> · ${escapeHtml(issue.editionName)}</p>`;
  const line = links.length ? `<p${ctx.attrs("foot")}>${links.join(" · ")}</p>` : "";
  const why = `<p${ctx.attrs("foot")}>You are receiving this email because you subscribed to ${escapeHtml(issue.editionName)}.</p>`;
  const extra = options.footerLines.map((l) => `<p${ctx.attrs("foot")}>${escapeHtml(l)}</p>`).join("");
  return name + line + why + extra;
}
