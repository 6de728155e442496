import { Hono } from "hono";
import type { SendContext } from "../../pipeline/send-issue.ts";
import { archiveRoutes } from "./archive-routes.ts";
import { readerRoutes } from "./reader-routes.ts";

/**
 * The public site as one Hono sub-app, mounted at the root of the web app: the archive, issue pages and feeds
 * (archive-routes.ts), and subscribe, confirm, unsubscribe and preferences (reader-routes.ts). docs/web.md lists the
 * routes, their caching and their security.
 *
 * @example
 * app.route("/", publicSite(ctx));
 */
export function publicSite(ctx: SendContext): Hono {
  const app = new Hono();
  app.route("/", archiveRoutes(ctx));
  app.route("/", readerRoutes(ctx));
  return app;
}
