import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { isDaybriefError } from "../errors.ts";
import type { SendContext } from "../pipeline/send-issue.ts";
import { clientKey, submitTip } from "../pipeline/tips.ts";
import { clientAddress } from "./client-address.ts";
import { type Html, html } from "./html.ts";
import { sitePage } from "./public/pages.ts";
import { pageSecurityHeaders } from "./public/security.ts";
import { WindowLimiter } from "./rate-limit.ts";

/** The tip form's fields beyond the site style's own (a text area, a link and a name), in its colours. */
const tipFormStyle =
  ".db-form textarea,.db-form input[type=url],.db-form input[type=text]{font:inherit;width:100%;padding:8px 10px;border:1px solid var(--db-muted);border-radius:4px;background:var(--db-surface);color:var(--db-text)}.db-form textarea{min-height:9rem}.db-form textarea:focus-visible{outline:3px solid var(--db-link);outline-offset:2px}";

/**
 * The public "Have a tip? Send it our way." form: GET /tips shows it, POST /tips stores the tip for the desk. A
 * hidden field people never see catches form-filling robots (their tip is thanked and dropped); a signed form token
 * (valid for a day) makes a POST come from the form; tips are limited per sender and in size.
 *
 * @example
 * app.route("/", tipsRoutes({ config, db, log }));
 */
export function tipsRoutes(ctx: SendContext): Hono {
  const app = new Hono();
  const key = ctx.config.secret ?? randomBytes(32).toString("hex");
  const burst = new WindowLimiter({ limit: ctx.config.tips.perIpPerHour, windowMs: 3_600_000 });
  const sign = (ts: string) => createHmac("sha256", key).update(`tip-form|${ts}`).digest("base64url");
  const token = () => {
    const ts = String(Date.now());
    return `${ts}.${sign(ts)}`;
  };
  const tokenValid = (value: unknown) => {
    if (typeof value !== "string") return false;
    const [ts, mac] = value.split(".");
    if (!ts || !mac || !/^\d+$/.test(ts) || Date.now() - Number(ts) > 86_400_000) return false;
    const a = Buffer.from(mac);
    const b = Buffer.from(sign(ts));
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const page = (body: Html, status: 200 | 400 | 413 | 429 = 200, values: Record<string, string> = {}) => {
    const text = sitePage(ctx, {
      title: "Send a tip",
      heading: "Have a tip? Send it our way.",
      lead: "Tips go to our editors only; we never publish your name or address.",
      content: html`<style>${tipFormStyle}</style>${body}
<form class="db-form" method="post" action="/tips"><input type="hidden" name="token" value="${token()}">
<div><label for="tip-text">What happened?</label><textarea id="tip-text" name="text" required maxlength="${ctx.config.tips.maxChars}">${values.text ?? ""}</textarea></div>
<div><label for="tip-url">A link to the source (optional)</label><input id="tip-url" name="url" type="url" value="${values.url ?? ""}"></div>
<div><label for="tip-name">Your name (optional)</label><input id="tip-name" name="name" type="text" maxlength="100" autocomplete="name" value="${values.name ?? ""}"></div>
<div><label for="tip-email">Your email, if we may follow up (optional)</label><input id="tip-email" name="email" type="email" autocomplete="email" value="${values.email ?? ""}"></div>
<div class="db-hp" aria-hidden="true"><label for="tip-website">Leave this field empty</label><input id="tip-website" name="website" tabindex="-1" autocomplete="off"></div>
<button class="db-button" type="submit">Send the tip</button></form>`,
    });
    return new Response(text, {
      status,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        ...pageSecurityHeaders(text),
      },
    });
  };

  app.get("/tips", (c) =>
    page(
      c.req.query("sent")
        ? html`<p class="db-p" role="status"><strong>Thank you: your tip reached the editors.</strong></p>`
        : html``,
    ),
  );

  app.post(
    "/tips",
    bodyLimit({
      maxSize: 32 * 1024,
      onError: () => page(html`<p class="db-p" role="alert">That was too long to send.</p>`, 413),
    }),
    async (c) => {
      const form = await c.req.parseBody();
      const text = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");
      const values = { text: text("text"), url: text("url"), name: text("name"), email: text("email") };
      if (!tokenValid(form.token)) {
        return page(
          html`<p class="db-p" role="alert">The form was out of date; please send it again.</p>`,
          400,
          values,
        );
      }
      // A robot fills every field: thank it and keep nothing.
      if (text("website")) return c.redirect("/tips?sent=1", 303);
      const address = clientAddress(c, ctx.config.web.trustProxy);
      if (burst.blocked(address)) {
        return page(
          html`<p class="db-p" role="alert">Too many tips from here in the last hour; please try later.</p>`,
          429,
          values,
        );
      }
      try {
        await submitTip(ctx, values, clientKey(ctx, address));
        burst.record(address);
        return c.redirect("/tips?sent=1", 303);
      } catch (error) {
        if (!isDaybriefError(error)) throw error;
        if (error.code === "E_RATE_LIMITED")
          return page(
            html`<p class="db-p" role="alert">Too many tips from here in the last hour; please try later.</p>`,
            429,
            values,
          );
        return page(html`<p class="db-p" role="alert">${error.message} ${error.hint}</p>`, 400, values);
      }
    },
  );
  return app;
}
