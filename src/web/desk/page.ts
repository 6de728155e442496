import type { Context } from "hono";
import type { Html } from "../html.ts";
import type { DeskContext } from "./context.ts";
import { deskPage } from "./layout.ts";
import { type DeskEnv, takeFlash } from "./security.ts";

/** A desk page for the signed-in editor, with the one-time message of the action that led here. */
export function respond(
  c: Context<DeskEnv>,
  ctx: DeskContext,
  title: string,
  active: string,
  body: Html,
  status: 200 | 400 | 404 | 422 = 200,
) {
  const session = c.get("session");
  return c.html(
    deskPage(
      {
        title,
        user: { email: session.email, csrf: session.csrfToken },
        active,
        flash: takeFlash(c),
        siteName: ctx.config.siteName,
      },
      body,
    ),
    status,
  );
}

export const formField = (form: Record<string, unknown>, name: string): string =>
  typeof form[name] === "string" ? (form[name] as string) : "";

/** `?until=YYYY-MM-DD` or today (UTC), and the first day of a window of `days` ending then. */
export function dayWindow(c: Context, days: number): { since: string; until: string } {
  const asked = c.req.query("until") ?? "";
  const until = /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : new Date().toISOString().slice(0, 10);
  const since = new Date(Date.parse(`${until}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { since, until };
}
