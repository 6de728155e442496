import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie } from "hono/cookie";
import type { SendContext } from "../../pipeline/send-issue.ts";
import { sessionFor } from "../../pipeline/users.ts";
import type { BackgroundWork } from "../background.ts";
import { deskCss, deskJs } from "./assets.ts";
import { authRoutes } from "./auth-routes.ts";
import { deskContext } from "./context.ts";
import {
  clearSessionCookie,
  crossSite,
  csrfRefusal,
  type DeskEnv,
  deskHeaders,
  sessionCookie,
  tokensMatch,
} from "./security.ts";
import { sourcesRoutes } from "./sources-routes.ts";
import { storiesRoutes } from "./stories-routes.ts";
import { subscribersRoutes } from "./subscribers-routes.ts";
import { deskTipsRoutes } from "./tips-routes.ts";
import { todayRoutes } from "./today-routes.ts";
import { trendsRoutes } from "./trends-routes.ts";

/**
 * The editor's desk, mounted at /desk: sign-in, then Today, Stories, Sources, Subscribers, Tips and Trends. Every
 * page needs a live session; every POST needs the session's CSRF token and must come from the desk itself.
 *
 * @example
 * app.route("/desk", deskApp({ config, db, log }, new BackgroundWork()));
 */
export function deskApp(base: SendContext, background: BackgroundWork): Hono<DeskEnv> {
  const ctx = deskContext(base, background);
  const app = new Hono<DeskEnv>();
  app.use("*", deskHeaders());
  app.get("/assets/desk.css", (c) =>
    c.body(deskCss, 200, { "content-type": "text/css; charset=utf-8", "cache-control": "max-age=300" }),
  );
  app.get("/assets/desk.js", (c) =>
    c.body(deskJs, 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "max-age=300" }),
  );

  // Imports (OPML, CSV) are the largest forms; anything bigger is refused before it is read.
  app.use("*", bodyLimit({ maxSize: 5 * 1024 * 1024 }));
  app.use("*", async (c, next) => {
    const path = c.req.path.replace(/^\/desk/, "") || "/";
    if (path === "/login") return next();
    const id = getCookie(c, sessionCookie);
    const session = id ? await sessionFor(ctx.db, id) : null;
    if (!session) {
      if (id) clearSessionCookie(c);
      if (c.req.method === "GET" || c.req.method === "HEAD") return c.redirect("/desk/login", 303);
      return c.text("Sign in first: your session has expired or you signed out.", 401);
    }
    c.set("session", session);
    if (c.req.method === "POST" && path !== "/logout") {
      if (crossSite(c)) return csrfRefusal(c);
      const form = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
      if (!tokensMatch(form._csrf, session.csrfToken)) return csrfRefusal(c);
    }
    return next();
  });

  authRoutes(app, ctx);
  todayRoutes(app, ctx);
  storiesRoutes(app, ctx);
  sourcesRoutes(app, ctx);
  subscribersRoutes(app, ctx);
  deskTipsRoutes(app, ctx);
  trendsRoutes(app, ctx);
  return app;
}
