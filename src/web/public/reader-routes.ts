import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { deliveryPaths } from "../../deliver/index.ts";
import { hintFor } from "../../errors.ts";
import { editionChoices } from "../../pipeline/public-site.ts";
import type { SendContext } from "../../pipeline/send-issue.ts";
import { confirmByToken, type LinkResult, unsubscribeByToken } from "../../pipeline/subscribers.ts";
import { readPreferences, savePreferences, signUpFromWeb } from "../../pipeline/web-signup.ts";
import { clientAddress } from "../client-address.ts";
import { type Html, html } from "../html.ts";
import { WindowLimiter } from "../rate-limit.ts";
import { formToken, formTokenValid } from "./form-token.ts";
import { sitePage } from "./pages.ts";
import { oneButton, preferencesForm, subscribeForm } from "./reader-pages.ts";
import { pageSecurityHeaders, sameOrigin } from "./security.ts";

type Page = { title: string; heading: string; lead?: string; content: Html };

/** Form values by name: every value of a repeated field (the edition boxes). */
async function formFields(c: Context): Promise<Map<string, string[]>> {
  const fields = new Map<string, string[]>();
  if (!/application\/x-www-form-urlencoded|multipart\/form-data/.test(c.req.header("content-type") ?? ""))
    return fields;
  const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
  for (const [name, value] of Object.entries(body)) {
    const list = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
    fields.set(name.replace(/\[\]$/, ""), list);
  }
  return fields;
}

const first = (fields: Map<string, string[]>, name: string) => fields.get(name)?.[0] ?? "";

/**
 * The reader's side of the public site: the sign-up form (double opt-in), the confirm and unsubscribe pages the
 * emails link to, and the preferences page. Every form is CSRF-safe (a signed form token and an origin check; the
 * email links are themselves signed tokens), sign-ups are rate-limited per client address with a honeypot, and the
 * answer to a sign-up never tells whether the address was on the list.
 */
export function readerRoutes(ctx: SendContext): Hono {
  const app = new Hono();
  const site = ctx.config.siteName;
  const secret = ctx.config.secret ?? null;
  const limiter = new WindowLimiter({ limit: ctx.config.web.signupsPerHour, windowMs: 3_600_000 });
  const hours = ctx.config.deliver.optInHours;

  const show = (c: Context, page: Page, status: 200 | 400 | 403 | 404 | 429 | 503 = 200, extra = {}) => {
    const body = sitePage(ctx, page);
    return c.body(body, status, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      ...pageSecurityHeaders(body),
      ...extra,
    });
  };
  const invalidLink = (c: Context, result: Extract<LinkResult, { ok: false }>) =>
    show(
      c,
      {
        title: "Link not valid",
        heading: result.reason === "expired" ? "This link has expired." : "This link is not valid.",
        content: html`<p class="db-p">${hintFor("E_TOKEN_INVALID")}</p><p class="db-p"><a href="/subscribe">Sign up again</a> or go to the <a href="/">archive</a>.</p>`,
      },
      400,
    );
  const closed = (c: Context) =>
    show(
      c,
      {
        title: "Sign-ups closed",
        heading: "Sign-ups are closed for now",
        content: html`<p class="db-p">This site cannot sign links yet (its operator has not set DAYBRIEF_SECRET). Please try again later.</p>`,
      },
      503,
    );
  const refused = (c: Context) =>
    show(
      c,
      {
        title: "Form refused",
        heading: "This form could not be accepted",
        content: html`<p class="db-p">It came from another site, or it was open for too long. <a href="/subscribe">Open the form again</a>.</p>`,
      },
      403,
    );
  const formOk = (c: Context, fields: Map<string, string[]>, purpose: string) =>
    secret !== null && sameOrigin(c, ctx.config.siteUrl) && formTokenValid(secret, purpose, first(fields, "ft"));

  const subscribePage = async (
    c: Context,
    state: { email: string; chosen: string[]; error: string | null },
    status: 200 | 400 = 200,
  ) => {
    if (!secret) return closed(c);
    const editions = await editionChoices(ctx);
    const chosen = state.chosen.length ? state.chosen : editions.map((e) => e.id);
    return show(
      c,
      {
        title: "Subscribe",
        heading: `Subscribe to ${site}`,
        lead: "The day in AI, in your inbox. Free, and one click to leave.",
        content: subscribeForm({
          editions,
          chosen,
          email: state.email,
          token: formToken(secret, "subscribe"),
          error: state.error,
          hours,
        }),
      },
      status,
    );
  };

  app.get("/subscribe", (c) => {
    const edition = c.req.query("edition");
    return subscribePage(c, { email: "", chosen: edition ? [edition] : [], error: null });
  });

  app.post("/subscribe", bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
    if (!secret) return closed(c);
    const fields = await formFields(c);
    if (!formOk(c, fields, "subscribe")) return refused(c);
    const address = clientAddress(c, ctx.config.web.trustProxy);
    if (!limiter.take(address)) {
      return show(
        c,
        {
          title: "Too many sign-ups",
          heading: "Too many sign-ups from here",
          content: html`<p class="db-p">Please wait a while and try again.</p>`,
        },
        429,
        { "retry-after": String(limiter.retryAfterSeconds(address)) },
      );
    }
    const email = first(fields, "email").trim().slice(0, 254);
    const chosen = fields.get("edition") ?? [];
    const done = show(c, {
      title: "Check your inbox",
      heading: "Check your inbox",
      content: html`<p class="db-p">If ${email} can receive ${site}, a confirmation link is on its way to it. Click it within ${hours} hours to start receiving issues; until then, nothing else is sent.</p><p class="db-p">Meanwhile, read the <a href="/">archive</a>.</p>`,
    });
    // A filled honeypot is a robot: it is told what a reader is told, and nothing happens.
    if (first(fields, "website")) return done;
    if (!chosen.length) return subscribePage(c, { email, chosen, error: "Choose at least one edition." }, 400);
    const outcome = await signUpFromWeb(ctx, { email, editions: chosen });
    if (outcome.kind === "invalid") {
      return subscribePage(
        c,
        { email, chosen, error: `That is not an email address we can send to: ${outcome.reason}.` },
        400,
      );
    }
    return done;
  });

  app.get(deliveryPaths.confirm, (c) => {
    const token = c.req.query("t") ?? "";
    return show(c, {
      title: "Confirm your subscription",
      heading: "Confirm your subscription",
      content: html`<p class="db-p">One click and ${site} starts arriving in your inbox.</p>${oneButton(`${deliveryPaths.confirm}?t=${encodeURIComponent(token)}`, "Confirm my subscription")}`,
    });
  });
  app.post(deliveryPaths.confirm, bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
    const result = await confirmByToken(ctx, await linkToken(c));
    if (!result.ok) return invalidLink(c, result);
    return show(c, {
      title: "You are subscribed",
      heading: "You are subscribed",
      content: html`<p class="db-p">Thank you: ${result.email} is confirmed. The next issue comes to your inbox; the <a href="/">archive</a> has the earlier ones.</p>`,
    });
  });

  app.get(deliveryPaths.unsubscribe, (c) => {
    const token = c.req.query("t") ?? "";
    const query = `?t=${encodeURIComponent(token)}`;
    return show(c, {
      title: "Unsubscribe",
      heading: "Unsubscribe",
      content: html`<p class="db-p">Stop receiving every edition of ${site}? It takes effect at once, even for an issue being sent now.</p>${oneButton(`${deliveryPaths.unsubscribe}${query}`, "Unsubscribe")}<p class="db-p">Or <a href="/preferences${query}">choose which editions you receive</a>.</p>`,
    });
  });
  // Also the RFC 8058 one-click POST mail clients send (body `List-Unsubscribe=One-Click`), with no form token: the
  // signed link is the authority.
  app.post(deliveryPaths.unsubscribe, bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
    const result = await unsubscribeByToken(ctx, await linkToken(c));
    if (!result.ok) return invalidLink(c, result);
    return show(c, {
      title: "You are unsubscribed",
      heading: "You are unsubscribed",
      content: html`<p class="db-p">${result.email ? `${result.email} will` : "This address will"} receive nothing more from ${site}.</p>`,
    });
  });

  const preferencesPage = async (c: Context, token: string, saved: boolean) => {
    if (!secret) return closed(c);
    const prefs = await readPreferences(ctx, token);
    if (!prefs.ok) return invalidLink(c, prefs);
    const editions = await editionChoices(ctx);
    const { subscriber } = prefs;
    const content =
      subscriber.status === "confirmed"
        ? html`${saved ? html`<p class="db-p" role="status"><strong>Saved.</strong></p>` : ""}<p class="db-p">Editions sent to ${subscriber.email}:</p>${preferencesForm({ editions, chosen: subscriber.editions, readerToken: token, token: formToken(secret, "preferences") })}`
        : subscriber.status === "pending"
          ? html`<p class="db-p">${subscriber.email} has not confirmed the sign-up yet: click the link in the confirmation email first.</p>`
          : html`<p class="db-p">${subscriber.email} receives nothing from ${site}${saved ? " any more" : ""}. To come back, <a href="/subscribe">sign up again</a>.</p>`;
    return show(c, { title: "Your preferences", heading: "Your preferences", content });
  };
  app.get("/preferences", (c) => preferencesPage(c, c.req.query("t") ?? "", false));
  app.post("/preferences", bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
    if (!secret) return closed(c);
    const fields = await formFields(c);
    if (!formOk(c, fields, "preferences")) return refused(c);
    if (!limiter.take(clientAddress(c, ctx.config.web.trustProxy))) {
      return show(
        c,
        {
          title: "Too many changes",
          heading: "Too many changes from here",
          content: html`<p class="db-p">Please wait a while and try again.</p>`,
        },
        429,
      );
    }
    const token = first(fields, "t");
    const result = await savePreferences(ctx, token, fields.get("edition") ?? []);
    if (!result.ok) return invalidLink(c, result);
    return preferencesPage(c, token, true);
  });

  return app;
}

/** The signed token of an email link: from the query, or from a form field `t` of a POST body. */
async function linkToken(c: Context): Promise<string> {
  const fromQuery = c.req.query("t");
  if (fromQuery) return fromQuery;
  const fields = await formFields(c);
  return first(fields, "t");
}
