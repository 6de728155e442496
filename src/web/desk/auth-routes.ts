import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie } from "hono/cookie";
import { isDaybriefError } from "../../errors.ts";
import { login, logout } from "../../pipeline/users.ts";
import { clientAddress } from "../client-address.ts";
import { html } from "../html.ts";
import type { DeskContext } from "./context.ts";
import { deskPage } from "./layout.ts";
import {
  clearSessionCookie,
  crossSite,
  csrfRefusal,
  type DeskEnv,
  loginToken,
  sessionCookie,
  setSessionCookie,
  tokensMatch,
} from "./security.ts";

/** GET and POST /desk/login, POST /desk/logout. Sign-ins are limited per client address and per account. */
export function authRoutes(app: Hono<DeskEnv>, ctx: DeskContext): void {
  const page = (c: Context, message: string | null, email = "", status: 200 | 401 | 403 | 429 = 200) => {
    const token = loginToken(c, ctx.config);
    return c.html(
      deskPage(
        { title: "Sign in", user: null, siteName: ctx.config.siteName },
        html`<form method="post" action="/desk/login" class="login card">
${message ? html`<p class="error" role="alert">${message}</p>` : ""}
<input type="hidden" name="_csrf" value="${token}">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required value="${email}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<p><button type="submit" class="primary">Sign in</button></p></form>`,
      ),
      status,
    );
  };

  app.get("/login", (c) => page(c, null));

  app.post("/login", bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
    const form = await c.req.parseBody();
    if (crossSite(c) || !tokensMatch(form._csrf, getCookie(c, "daybrief_desk_login") ?? "")) return csrfRefusal(c);
    const email = typeof form.email === "string" ? form.email.trim().toLowerCase().slice(0, 320) : "";
    const password = typeof form.password === "string" ? form.password.slice(0, 1024) : "";
    const ip = `ip:${clientAddress(c, ctx.config.desk.trustProxy)}`;
    const account = `account:${email}`;
    if (ctx.limits.loginIp.blocked(ip) || ctx.limits.loginAccount.blocked(account)) {
      const wait = Math.max(
        ctx.limits.loginIp.retryAfterSeconds(ip),
        ctx.limits.loginAccount.retryAfterSeconds(account),
      );
      c.header("retry-after", String(wait));
      ctx.log.warn({ ip, account: email }, "desk sign-in rate-limited");
      return page(
        c,
        `Too many failed sign-ins (E_RATE_LIMITED). Try again in ${Math.ceil(wait / 60)} min.`,
        email,
        429,
      );
    }
    try {
      const session = await login(ctx.db, email, password, ctx.config.desk.sessionHours);
      ctx.limits.loginAccount.clear(account);
      // Whatever session cookie came with the request is dropped: the new id is the only one that works.
      const old = getCookie(c, sessionCookie);
      if (old) await logout(ctx.db, old);
      setSessionCookie(c, ctx.config, session.id, ctx.config.desk.sessionHours * 3600);
      ctx.log.info({ user_id: session.userId }, "desk sign-in");
      return c.redirect("/desk", 303);
    } catch (error) {
      if (!isDaybriefError(error, "E_LOGIN_FAILED")) throw error;
      ctx.limits.loginIp.record(ip);
      ctx.limits.loginAccount.record(account);
      ctx.log.warn({ ip, account: email }, "desk sign-in failed");
      return page(c, "That address and password do not match an account.", email, 401);
    }
  });

  app.post("/logout", async (c) => {
    const session = c.get("session");
    const form = await c.req.parseBody();
    if (!session || crossSite(c) || !tokensMatch(form._csrf, session.csrfToken)) return csrfRefusal(c);
    const id = getCookie(c, sessionCookie);
    if (id) await logout(ctx.db, id);
    clearSessionCookie(c);
    return c.redirect("/desk/login", 303);
  });
}
