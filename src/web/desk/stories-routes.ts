import type { Hono } from "hono";
import { deskMerge, deskSplit, deskTopic, storiesView } from "../../pipeline/desk-stories.ts";
import { html } from "../html.ts";
import type { DeskContext } from "./context.ts";
import { csrfField, when } from "./layout.ts";
import { dayWindow, formField, respond } from "./page.ts";
import type { DeskEnv } from "./security.ts";
import { act } from "./today-routes.ts";

/** Stories: the ranked stories of the last days with their coverage; merge, split and re-label. */
export function storiesRoutes(app: Hono<DeskEnv>, ctx: DeskContext): void {
  app.get("/stories", async (c) => {
    const days = Math.min(30, Math.max(1, Number(c.req.query("days")) || 3));
    const { since, until } = dayWindow(c, days);
    const view = await storiesView(ctx, { since: `${since}T00:00:00.000Z`, until: `${until}T23:59:59.999Z` });
    const csrf = c.get("session").csrfToken;
    const back = `/desk/stories?days=${days}&until=${until}`;
    const options = view.stories.map((s) => html`<option value="${s.id}">${s.title.slice(0, 80)} (${s.id})</option>`);
    return respond(
      c,
      ctx,
      `Stories: ${since} to ${until}`,
      "stories",
      html`<form method="get" action="/desk/stories" class="tools"><label class="inline" for="until">Until</label> <input id="until" type="date" name="until" value="${until}"> <label class="inline" for="days">Days</label> <input id="days" type="number" name="days" min="1" max="30" value="${days}"> <button type="submit">Show</button></form>
<form method="post" action="/desk/stories/merge" class="card">${csrfField(csrf)}<input type="hidden" name="back" value="${back}"><h2>Merge two stories</h2>
<label for="merge-from">Move every item of</label><select id="merge-from" name="from">${options}</select>
<label for="merge-into">into</label><select id="merge-into" name="into">${options}</select> <button type="submit">Merge</button></form>
<p class="muted">${view.stories.length} stories, best first.</p>
${view.stories.map(
  (s) => html`<section class="card" id="${s.id}"><h2>${s.title}</h2>
<p class="factors">${s.id} · score ${s.score.toFixed(2)} · ${s.outletCount} outlets · ${s.itemCount} items · topic ${s.topic ?? "none"}${s.topicByEditor ? " (editor)" : ""}${s.pinned ? " · pinned" : ""}${s.blocked ? " · blocked" : ""} · last ${when(s.lastItemAt)}</p>
<p class="factors">${s.factors.map((f) => `${f.name} +${f.contribution.toFixed(2)} (${f.detail})`).join(" · ")}</p>
<form method="post" action="/desk/stories/${s.id}/topic" class="tools">${csrfField(csrf)}<input type="hidden" name="back" value="${back}"><label class="inline" for="topic-${s.id}">Topic</label> <select id="topic-${s.id}" name="topic">${view.topics.map((t) => html`<option value="${t.id}"${t.id === s.topic ? html` selected` : ""}>${t.label}</option>`)}</select> <button type="submit">Re-label</button></form>
<form method="post" action="/desk/stories/${s.id}/split">${csrfField(csrf)}<input type="hidden" name="back" value="${back}"><table><thead><tr><th>Split out</th><th>Outlet</th><th>Item</th><th>Published</th></tr></thead><tbody>${s.coverage.map(
    (i) =>
      html`<tr><td><input type="checkbox" name="item" value="${i.id}" aria-label="Split out ${i.title}"></td><td>${i.source}</td><td>${i.url ? html`<a href="${i.url}" rel="noreferrer noopener" target="_blank">${i.title}</a>` : i.title}</td><td>${when(i.publishedAt)}</td></tr>`,
  )}</tbody></table>${s.coverage.length > 1 ? html`<p><button type="submit">Split the ticked items into a new story</button></p>` : ""}</form></section>`,
)}`,
    );
  });

  const backOf = (form: Record<string, unknown>) => {
    const back = formField(form, "back");
    // Only a desk path: a form field never redirects anywhere else.
    return /^\/desk\/stories(\?[\w=&%.-]*)?$/.test(back) ? back : "/desk/stories";
  };

  app.post("/stories/merge", async (c) => {
    const form = await c.req.parseBody();
    return act(c, ctx, backOf(form), async () => {
      const moved = await deskMerge(ctx, formField(form, "into"), formField(form, "from"));
      return `Merged: ${moved} item(s) moved. Later clustering keeps them together.`;
    });
  });

  app.post("/stories/:id/split", async (c) => {
    const form = await c.req.parseBody({ all: true });
    const items = ([] as unknown[]).concat(form.item ?? []).filter((v): v is string => typeof v === "string");
    return act(c, ctx, backOf(form), async () => {
      const id = await deskSplit(ctx, c.req.param("id"), items);
      return `Split ${items.length} item(s) into ${id}.`;
    });
  });

  app.post("/stories/:id/topic", async (c) => {
    const form = await c.req.parseBody();
    return act(c, ctx, backOf(form), async () => {
      await deskTopic(ctx, c.req.param("id"), formField(form, "topic"));
      return `Filed under ${formField(form, "topic")}; later runs keep it there.`;
    });
  });
}
