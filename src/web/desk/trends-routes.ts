import type { Hono } from "hono";
import { trendsView } from "../../pipeline/desk-trends.ts";
import { html } from "../html.ts";
import type { DeskContext } from "./context.ts";
import { dayWindow, respond } from "./page.ts";
import type { DeskEnv } from "./security.ts";
import { lineChart } from "./svg-chart.ts";

/** Trends: entity and topic mentions over time, and sentiment per ticker. */
export function trendsRoutes(app: Hono<DeskEnv>, ctx: DeskContext): void {
  app.get("/trends", async (c) => {
    const days = Math.min(60, Math.max(2, Number(c.req.query("days")) || 14));
    const { since, until } = dayWindow(c, days);
    const view = await trendsView(ctx, since, until);
    return respond(
      c,
      ctx,
      `Trends: ${since} to ${until}`,
      "trends",
      html`<form method="get" action="/desk/trends" class="tools"><label class="inline" for="until">Until</label> <input id="until" type="date" name="until" value="${until}"> <label class="inline" for="days">Days</label> <input id="days" type="number" name="days" min="2" max="60" value="${days}"> <button type="submit">Show</button></form>
<div class="grid2"><section><h2>Entities: items naming each per day</h2>${view.entities.length ? lineChart(view.entities, view.days, `Items per day naming ${view.entities.map((e) => e.name).join(", ")}`) : html`<p class="muted">No analysed items in this window.</p>`}
<p class="small">${view.entities.map((e) => `${e.name} ${e.total}`).join(" · ")}</p></section>
<section><h2>Topics: items per day</h2>${view.topics.length ? lineChart(view.topics, view.days, `Items per day by topic: ${view.topics.map((t) => t.name).join(", ")}`) : html`<p class="muted">No stories in this window.</p>`}
<p class="small">${view.topics.map((t) => `${t.name} ${t.total}`).join(" · ")}</p></section></div>
<h2>Sentiment per ticker (−1 bearish … +1 bullish)</h2>${view.tickers.length ? lineChart(view.tickers, view.days, `Daily sentiment of ${view.tickers.map((t) => t.name).join(", ")}`, { min: -1, max: 1 }) : html`<p class="muted">No listed company in this window's coverage.</p>`}
<table><thead><tr><th>Ticker</th><th>Company</th><th>Items</th><th>Latest mood</th></tr></thead><tbody>${view.tickers.map(
        (t) => {
          const latest = [...t.moods].reverse().find((m) => m);
          return html`<tr><td>${t.name}</td><td>${t.company}</td><td>${t.total}</td><td>${latest ? `${latest.label} (${latest.score.toFixed(2)}) on ${latest.day}` : "—"}</td></tr>`;
        },
      )}</tbody></table>`,
    );
  });
}
