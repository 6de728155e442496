import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { isDaybriefError } from "../errors.ts";
import type { SendContext } from "../pipeline/send-issue.ts";
import { clientKey, submitTip } from "../pipeline/tips.ts";
import { clientAddress } from "./client-address.ts";
import { html } from "./html.ts";
import { WindowLimiter } from "./rate-limit.ts";

const policy =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

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

  const page = (
    body: ReturnType<typeof html>,
    status: 200 | 400 | 413 | 429 = 200,
    values: Record<string, string> = {},
  ) =>
    new Response(
      html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Send a tip · ${ctx.config.siteName}</title>
<style>body{font:17px/1.55 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1c1917}label{display:block;font-weight:600;margin:.9rem 0 .2rem}input,textarea{font:inherit;width:100%;padding:.45rem;border:1px solid #78716c;border-radius:4px}textarea{min-height:9rem}button{font:inherit;margin-top:1rem;padding:.6rem 1.3rem;border:0;border-radius:4px;background:#1d4ed8;color:#fff;cursor:pointer}.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}.error{background:#fee2e2;border:1px solid #b91c1c;padding:.5rem .8rem}.ok{background:#ecfccb;border:1px solid #4d7c0f;padding:.5rem .8rem}small{color:#57534e}</style></head>
<body><header><p><strong>${ctx.config.siteName}</strong></p></header><main><h1>Have a tip? Send it our way.</h1>${body}
<form method="post" action="/tips"><input type="hidden" name="token" value="${token()}">
<label for="tip-text">What happened?</label><textarea id="tip-text" name="text" required maxlength="${ctx.config.tips.maxChars}">${values.text ?? ""}</textarea>
<label for="tip-url">A link to the source (optional)</label><input id="tip-url" name="url" type="url" value="${values.url ?? ""}">
<label for="tip-name">Your name (optional)</label><input id="tip-name" name="name" maxlength="100" value="${values.name ?? ""}">
<label for="tip-email">Your email, if we may follow up (optional)</label><input id="tip-email" name="email" type="email" value="${values.email ?? ""}">
<div class="hp" aria-hidden="true"><label for="tip-website">Leave this empty</label><input id="tip-website" name="website" tabindex="-1" autocomplete="off"></div>
<button type="submit">Send the tip</button></form><p><small>Tips go to our editors only; we never publish your name or address.</small></p></main></body></html>`
        .value,
      {
        status,
        headers: {
          "content-type": "text/html; charset=utf-8",
          "content-security-policy": policy,
          "x-frame-options": "DENY",
          "referrer-policy": "same-origin",
          "x-content-type-options": "nosniff",
          "cache-control": "no-store",
        },
      },
    );

  app.get("/tips", (c) =>
    page(c.req.query("sent") ? html`<p class="ok" role="status">Thank you: your tip reached the editors.</p>` : html``),
  );

  app.post(
    "/tips",
    bodyLimit({
      maxSize: 32 * 1024,
      onError: () => page(html`<p class="error" role="alert">That was too long to send.</p>`, 413),
    }),
    async (c) => {
      const form = await c.req.parseBody();
      const text = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");
      const values = { text: text("text"), url: text("url"), name: text("name"), email: text("email") };
      if (!tokenValid(form.token)) {
        return page(
          html`<p class="error" role="alert">The form was out of date; please send it again.</p>`,
          400,
          values,
        );
      }
      // A robot fills every field: thank it and keep nothing.
      if (text("website")) return c.redirect("/tips?sent=1", 303);
      const address = clientAddress(c, ctx.config.web.trustProxy);
      if (burst.blocked(address)) {
        return page(
          html`<p class="error" role="alert">Too many tips from here in the last hour; please try later.</p>`,
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
            html`<p class="error" role="alert">Too many tips from here in the last hour; please try later.</p>`,
            429,
            values,
          );
        return page(html`<p class="error" role="alert">${error.message} ${error.hint}</p>`, 400, values);
      }
    },
  );
  return app;
}
