import type { Hono } from "hono";
import { acceptTip, dismissTip, listTips } from "../../pipeline/tips.ts";
import { html } from "../html.ts";
import type { DeskContext } from "./context.ts";
import { actionButton, when } from "./layout.ts";
import { respond } from "./page.ts";
import type { DeskEnv } from "./security.ts";
import { act } from "./today-routes.ts";

/** Tips: what readers sent through /tips, to accept (it becomes a candidate item for the day's stories) or dismiss. */
export function deskTipsRoutes(app: Hono<DeskEnv>, ctx: DeskContext): void {
  app.get("/tips", async (c) => {
    const waiting = await listTips(ctx, "new");
    const reviewed = (await listTips(ctx)).filter((t) => t.status !== "new").slice(0, 50);
    const csrf = c.get("session").csrfToken;
    return respond(
      c,
      ctx,
      `Tips (${waiting.length} waiting)`,
      "tips",
      html`${waiting.length ? "" : html`<p class="muted">No tips waiting. Readers send them at <a href="/tips">/tips</a>.</p>`}
${waiting.map(
  (
    t,
  ) => html`<section class="card"><p class="small muted">${when(t.createdAt)} · ${t.name ?? "anonymous"}${t.email ? ` <${t.email}>` : ""}</p>
<p>${t.text.split(/\n+/).map((line) => html`${line}<br>`)}</p>${t.url ? html`<p><a href="${t.url}" rel="noreferrer noopener nofollow" target="_blank">${t.url}</a></p>` : ""}
<div class="tools">${actionButton(`/desk/tips/${t.id}/accept`, "Accept as a candidate item", csrf, {}, { kind: "primary" })}${actionButton(`/desk/tips/${t.id}/dismiss`, "Dismiss", csrf)}</div></section>`,
)}
<h2>Reviewed</h2><table><thead><tr><th>Received</th><th>Tip</th><th>Decision</th><th>By</th></tr></thead><tbody>${reviewed.map(
        (t) =>
          html`<tr><td>${when(t.createdAt)}</td><td>${t.text.slice(0, 140)}</td><td>${t.status}${t.itemId ? html` <span class="small muted">(${t.itemId})</span>` : ""}</td><td>${t.reviewedBy ?? ""}</td></tr>`,
      )}</tbody></table>`,
    );
  });

  app.post("/tips/:id/accept", (c) =>
    act(c, ctx, "/desk/tips", async () => {
      const item = await acceptTip(ctx, c.req.param("id"), c.get("session").email);
      return `Accepted: item ${item} joins the stories at the next build (rebuild a draft, or write a section again).`;
    }),
  );
  app.post("/tips/:id/dismiss", (c) =>
    act(c, ctx, "/desk/tips", async () => {
      await dismissTip(ctx, c.req.param("id"), c.get("session").email);
      return "Dismissed.";
    }),
  );
}
