import { Hono } from "hono";
import { sql } from "kysely";
import type { SendContext } from "../pipeline/send-issue.ts";
import { BackgroundWork } from "./background.ts";
import { deliveryRoutes } from "./delivery-routes.ts";
import { deskApp } from "./desk/index.ts";
import { publicSite } from "./public/index.ts";
import { notFoundPage } from "./public/pages.ts";
import { tipsRoutes } from "./tips-routes.ts";

export type CreateAppOptions = {
  /** Where work that outlives a request runs (desk sends); `serve` stops it at shutdown. */
  background?: BackgroundWork;
};

/**
 * The web app: `/healthz`, the delivery handlers (delivery-routes.ts), the public site (public/), the editor desk
 * at `/desk` (desk/) and the reader tips form (tips-routes.ts).
 *
 * @example
 * serve({ fetch: createApp({ config, db, log }).fetch, port: 8080 });
 */
export function createApp(ctx: SendContext, options: CreateAppOptions = {}): Hono {
  const app = new Hono();
  app.get("/healthz", async (c) => {
    try {
      await sql`select 1`.execute(ctx.db.kysely);
      return c.json({ ok: true, store: ctx.db.dialect });
    } catch {
      return c.json({ ok: false, store: ctx.db.dialect }, 503);
    }
  });
  app.route("/", deliveryRoutes(ctx));
  app.route("/", publicSite(ctx));
  app.route("/desk", deskApp(ctx, options.background ?? new BackgroundWork()));
  app.route("/", tipsRoutes(ctx));
  // Any other address: the public site's 404 page (its look, its security headers); on the desk, a way back.
  app.notFound((c) =>
    /^\/desk(\/|$)/.test(c.req.path)
      ? c.text("No such page on the desk. Go back to /desk.", 404)
      : notFoundPage(ctx, c),
  );
  app.onError((error, c) => {
    ctx.log.error({ err: error, path: c.req.path }, "request failed");
    return c.text("Something went wrong on our side.", 500);
  });
  return app;
}
