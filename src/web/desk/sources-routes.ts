import type { Hono } from "hono";
import { DaybriefError } from "../../errors.ts";
import { type SourceKind, sourceKinds } from "../../model/source.ts";
import { createFetcher } from "../../pipeline/fetcher.ts";
import { addSource, editSource, importOpml, removeSource } from "../../pipeline/sources.ts";
import { DeskStatsRepo, daysBetween } from "../../store/desk-stats-repo.ts";
import { SourcesRepo } from "../../store/sources-repo.ts";
import { html } from "../html.ts";
import type { DeskContext } from "./context.ts";
import { actionButton, csrfField, when } from "./layout.ts";
import { dayWindow, formField, respond } from "./page.ts";
import type { DeskEnv } from "./security.ts";
import { sparkBars } from "./svg-chart.ts";
import { act } from "./today-routes.ts";

/** Sources: health (last fetch, errors, items per day as a chart), and add, pause, resume, remove, import OPML. */
export function sourcesRoutes(app: Hono<DeskEnv>, ctx: DeskContext): void {
  const repo = new SourcesRepo(ctx.db);

  app.get("/sources", async (c) => {
    const { since, until } = dayWindow(c, 14);
    const days = daysBetween(since, until);
    const stats = new DeskStatsRepo(ctx.db);
    const perDay = new Map<string, number>();
    for (const r of await stats.itemsPerDay(since, until)) perDay.set(`${r.key}|${r.day}`, r.n);
    const errors = new Map<string, number>();
    for (const r of await stats.fetchErrorsPerDay(since, until)) errors.set(r.key, (errors.get(r.key) ?? 0) + r.n);
    const sources = await repo.list();
    const csrf = c.get("session").csrfToken;
    return respond(
      c,
      ctx,
      "Sources",
      "sources",
      html`<div class="grid2"><form method="post" action="/desk/sources" class="card">${csrfField(csrf)}<h2>Add a source</h2>
<label for="src-url">Feed or site URL</label><input id="src-url" name="url" type="url" required size="50">
<label for="src-name">Name (optional)</label><input id="src-name" name="name">
<label for="src-kind">Kind</label><select id="src-kind" name="kind">${sourceKinds.map((k) => html`<option>${k}</option>`)}</select>
<p><button type="submit" class="primary">Add</button> <span class="muted small">The feed is fetched first; a site's advertised feed is used.</span></p></form>
<form method="post" action="/desk/sources/import" enctype="multipart/form-data" class="card">${csrfField(csrf)}<h2>Import OPML</h2>
<label for="opml">OPML file from another reader</label><input id="opml" name="file" type="file" accept=".opml,.xml,text/xml" required>
<p><button type="submit">Import</button></p></form></div>
<form method="get" action="/desk/sources" class="tools"><label class="inline" for="until">Items per day up to</label> <input id="until" type="date" name="until" value="${until}"> <button type="submit">Show</button></form>
<table><thead><tr><th>Source</th><th>Health</th><th>Last fetch</th><th>Errors (14 d)</th><th>Items per day, ${since} – ${until}</th><th></th></tr></thead><tbody>${sources.map(
        (s) => {
          const values = days.map((d) => perDay.get(`${s.id}|${d}`) ?? 0);
          const health = s.health.gone
            ? "gone (410)"
            : !s.enabled
              ? "paused"
              : !s.health.lastFetchAt
                ? "new"
                : s.health.consecutiveFailures >= 3
                  ? "failing"
                  : s.health.consecutiveFailures
                    ? "retrying"
                    : "ok";
          return html`<tr><td><strong>${s.name}</strong><br><span class="small muted">${s.id} · ${s.kind} · weight ${s.weight}</span><br><a class="small" href="${s.url}" rel="noreferrer noopener" target="_blank">${s.url}</a></td>
<td>${health}${s.health.lastErrorCode && s.health.consecutiveFailures ? html`<br><span class="small warn">${s.health.lastErrorCode}: ${s.health.lastErrorMessage ?? ""}</span>` : ""}</td>
<td>${when(s.health.lastFetchAt)}<br><span class="small muted">ok ${when(s.health.lastSuccessAt)}</span></td><td>${errors.get(s.id) ?? 0}</td>
<td>${sparkBars(values, days, `${s.name}: ${values.reduce((a, b) => a + b, 0)} items over ${days.length} days`)}</td>
<td class="tools">${actionButton(`/desk/sources/${encodeURIComponent(s.id)}/${s.enabled ? "pause" : "resume"}`, s.enabled ? "Pause" : "Resume", csrf)}${actionButton(`/desk/sources/${encodeURIComponent(s.id)}/remove`, "Remove", csrf, {}, { kind: "danger", confirm: `Remove ${s.name} and its ${s.health.itemsSeen} items?` })}</td></tr>`;
        },
      )}</tbody></table>`,
    );
  });

  app.post("/sources", async (c) => {
    const form = await c.req.parseBody();
    const kind = formField(form, "kind") as SourceKind;
    return act(c, ctx, "/desk/sources", async () => {
      if (!sourceKinds.includes(kind)) throw new DaybriefError("E_USAGE", `Unknown kind "${kind}".`);
      const fetcher = createFetcher(ctx.config);
      const notes: string[] = [];
      try {
        const name = formField(form, "name").trim();
        const source = await addSource(
          { sources: repo, fetcher },
          formField(form, "url").trim(),
          { ...(name ? { name } : {}), kind, weight: 1, check: true },
          (note) => notes.push(note),
        );
        return `Added ${source.name} (${source.id}).${notes.length ? ` ${notes.join(" ")}` : ""}`;
      } finally {
        await fetcher.close();
      }
    });
  });

  app.post("/sources/import", async (c) => {
    const form = await c.req.parseBody();
    const file = form.file;
    return act(c, ctx, "/desk/sources", async () => {
      if (!(file instanceof File) || !file.size) throw new DaybriefError("E_USAGE", "Choose an OPML file to import.");
      const { added, skipped } = await importOpml({ sources: repo }, await file.text());
      return `Imported ${added} source(s) (${skipped} already present).`;
    });
  });

  for (const [action, enabled] of [
    ["pause", false],
    ["resume", true],
  ] as const) {
    app.post(`/sources/:id/${action}`, (c) =>
      act(c, ctx, "/desk/sources", async () => {
        const source = await editSource({ sources: repo }, c.req.param("id"), { enabled });
        return `${source.name} is ${enabled ? "read again" : "paused; its items are kept"}.`;
      }),
    );
  }

  app.post("/sources/:id/remove", (c) =>
    act(c, ctx, "/desk/sources", async () => {
      const source = await removeSource({ sources: repo }, c.req.param("id"));
      return `Removed ${source.name} and its items.`;
    }),
  );
}
