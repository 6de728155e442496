import type { Hono } from "hono";
import { DaybriefError } from "../../errors.ts";
import { deliveryStates } from "../../model/delivery.ts";
import { type SubscriberStatus, subscriberStatuses } from "../../model/subscriber.ts";
import { issueDeliveries, recentIssues } from "../../pipeline/desk-queries.ts";
import { importSubscribers, knownEditions, listSubscribers, removeSubscriber } from "../../pipeline/subscribers.ts";
import { DeskStatsRepo } from "../../store/desk-stats-repo.ts";
import { SubscribersRepo } from "../../store/subscribers-repo.ts";
import { html } from "../html.ts";
import type { DeskContext } from "./context.ts";
import { actionButton, csrfField, when } from "./layout.ts";
import { dayWindow, respond } from "./page.ts";
import type { DeskEnv } from "./security.ts";
import { confirmedByEdition, joinsAndLeaves } from "./subscriber-series.ts";
import { lineChart } from "./svg-chart.ts";
import { act } from "./today-routes.ts";

/** Subscribers: counts by status and edition over time, search, import CSV, remove, and delivery results per issue. */
export function subscribersRoutes(app: Hono<DeskEnv>, ctx: DeskContext): void {
  app.get("/subscribers", async (c) => {
    const { since, until } = dayWindow(c, 30);
    const q = (c.req.query("q") ?? "").trim().slice(0, 200);
    const statusAsked = c.req.query("status") ?? "";
    const status = (subscriberStatuses as readonly string[]).includes(statusAsked)
      ? (statusAsked as SubscriberStatus)
      : undefined;
    const editions = await knownEditions(ctx);
    const history = await new DeskStatsRepo(ctx.db).subscriberHistory();
    const byEdition = confirmedByEdition(history, editions, since, until);
    const flow = joinsAndLeaves(history, since, until);
    const counts = await new SubscribersRepo(ctx.db).countByStatus();
    const found = await listSubscribers(ctx, { ...(q ? { search: q } : {}), ...(status ? { status } : {}) });
    const issues = await recentIssues(ctx, 10);
    const deliveries = await Promise.all(issues.map(async (i) => ({ issue: i, d: await issueDeliveries(ctx, i.id) })));
    const csrf = c.get("session").csrfToken;
    return respond(
      c,
      ctx,
      "Subscribers",
      "subscribers",
      html`<p>${subscriberStatuses.map((s) => html`<a href="/desk/subscribers?status=${s}">${s}</a> <strong>${counts[s] ?? 0}</strong> · `)}</p>
<div class="grid2"><div>${lineChart(byEdition.series, byEdition.days, `Confirmed readers per edition, ${since} to ${until}`)}</div>
<div>${lineChart(flow.series, flow.days, `Sign-ups and departures per day, ${since} to ${until}`)}</div></div>
<div class="grid2"><form method="get" action="/desk/subscribers" class="card" role="search"><h2>Search</h2><label for="q">Address or name contains</label><input id="q" name="q" value="${q}"> <button type="submit">Search</button></form>
<form method="post" action="/desk/subscribers/import" enctype="multipart/form-data" class="card">${csrfField(csrf)}<h2>Import CSV</h2>
<label for="csv">CSV with a header row: email, name, editions, status</label><input id="csv" name="file" type="file" accept=".csv,text/csv" required>
<label><input type="checkbox" name="confirmed" value="1"> They opted in elsewhere (no confirmation email)</label><p><button type="submit">Import</button></p></form></div>
<h2>Readers${q ? ` matching “${q}”` : ""}${status ? ` (${status})` : ""}: ${found.length}</h2>
<table><thead><tr><th>Address</th><th>Name</th><th>Status</th><th>Editions</th><th>Bounces</th><th>Since</th><th></th></tr></thead><tbody>${found
        .slice(0, 200)
        .map(
          (s) =>
            html`<tr><td>${s.email}</td><td>${s.name ?? ""}</td><td>${s.status}</td><td>${s.editions.length ? s.editions.join(", ") : "all"}</td><td>${s.bounceCount}</td><td>${when(s.createdAt)}</td><td>${actionButton("/desk/subscribers/remove", "Remove", csrf, { email: s.email }, { kind: "danger", confirm: `Remove ${s.email}? The address is suppressed: no import brings it back.` })}</td></tr>`,
        )}</tbody></table>${found.length > 200 ? html`<p class="muted">Showing 200 of ${found.length}; narrow the search.</p>` : ""}
<h2>Delivery results per issue</h2><table><thead><tr><th>Issue</th><th>Status</th>${deliveryStates.map((s) => html`<th>${s}</th>`)}<th>First failures</th></tr></thead><tbody>${deliveries.map(
        ({ issue, d }) =>
          html`<tr><td><a href="/desk/issues/${issue.id}">${issue.date} ${issue.edition}</a></td><td>${issue.status}</td>${deliveryStates.map((s) => html`<td>${d.counts[s]}</td>`)}<td class="small">${d.failures.slice(0, 3).map((f) => html`${f.email}: ${f.code ?? ""} ${f.error ?? ""}<br>`)}</td></tr>`,
      )}</tbody></table>`,
    );
  });

  app.post("/subscribers/import", async (c) => {
    const form = await c.req.parseBody();
    const file = form.file;
    return act(c, ctx, "/desk/subscribers", async () => {
      if (!(file instanceof File) || !file.size) throw new DaybriefError("E_USAGE", "Choose a CSV file to import.");
      const report = await importSubscribers(ctx, await file.text(), { confirmed: form.confirmed === "1" });
      const rejected = report.rejected.length + report.refused.length;
      return `Imported: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, ${report.suppressed} suppressed${rejected ? `, ${rejected} rows not imported (bad address or edition)` : ""}.`;
    });
  });

  app.post("/subscribers/remove", async (c) => {
    const form = await c.req.parseBody();
    const email = typeof form.email === "string" ? form.email : "";
    return act(c, ctx, "/desk/subscribers", async () => {
      const removed = await removeSubscriber(ctx, email);
      return `Removed ${removed.email}; the address is suppressed.`;
    });
  });
}
