import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { deliveryPaths as engagementPaths } from "../deliver/index.ts";
import { hintFor } from "../errors.ts";
import { receiveBounceWebhook, recordClick, recordOpen } from "../pipeline/delivery-events.ts";
import type { SendContext } from "../pipeline/send-issue.ts";

/**
 * The machine-facing web handlers of delivery, as a Hono sub-app the full web app mounts at its root (the confirm and
 * unsubscribe pages readers see are the public site's: src/web/public/reader-routes.ts):
 *
 *   POST /webhooks/bounces      bounce and complaint notifications (docs/delivery.md), with deliver.webhookSecret
 *   GET  /c?i=&u=&s=[&r=]       a signed click redirect;  GET /o?i=&s=[&r=]  the open pixel
 *
 * A GET never changes anything: link scanners fetch every link of an email, and must not unsubscribe anyone.
 *
 * @example
 * app.route("/", deliveryRoutes({ config, db, log }));
 */
export function deliveryRoutes(ctx: SendContext): Hono {
  const app = new Hono();
  const site = ctx.config.siteName;

  app.post(engagementPaths.webhook, bodyLimit({ maxSize: 5 * 1024 * 1024 }), async (c) => {
    const body = await c.req.text();
    const headers = {
      ...(c.req.header("authorization") ? { authorization: c.req.header("authorization") as string } : {}),
      ...(c.req.header("x-daybrief-signature") ? { signature: c.req.header("x-daybrief-signature") as string } : {}),
    };
    const result = await receiveBounceWebhook(ctx, body, headers);
    if (!result.ok) {
      const error = { code: "E_WEBHOOK_INVALID", message: result.message, hint: hintFor("E_WEBHOOK_INVALID") };
      return c.json({ error }, result.status);
    }
    return c.json(result);
  });

  app.get(engagementPaths.click, async (c) => {
    const q = c.req.query();
    const target = await recordClick(ctx, {
      issueId: q.i ?? "",
      url: q.u ?? "",
      signature: q.s ?? "",
      ...(q.r ? { reader: q.r } : {}),
    });
    if (!target)
      return c.html(page(site, "This link is not valid", ["<p>It may have been damaged in transit.</p>"]), 400);
    return c.redirect(target, 302);
  });

  app.get(engagementPaths.open, async (c) => {
    const q = c.req.query();
    await recordOpen(ctx, { issueId: q.i ?? "", signature: q.s ?? "", ...(q.r ? { reader: q.r } : {}) });
    return c.body(pixel, 200, { "content-type": "image/gif", "cache-control": "no-store, max-age=0" });
  });

  return app;
}

/** A transparent 1×1 GIF. */
const pixel = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (text: string) => text.replace(/[&<>"']/g, (ch) => entities[ch] ?? ch);

function page(site: string, title: string, body: string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="robots" content="noindex"><title>${esc(title)} · ${esc(site)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;color:#18181b}button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:4px;background:#1d4ed8;color:#fff;cursor:pointer}</style>
</head><body><h1>${esc(title)}</h1>${body.join("\n")}<p><small>${esc(site)}</small></p></body></html>`;
}
