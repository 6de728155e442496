import type { Context } from "hono";

/**
 * The client's address, the key of every per-client limit: the socket's, or with `trustProxy` (`web.trustProxy`
 * for the public forms, `desk.trustProxy` for the desk's sign-in) the first X-Forwarded-For entry. A request handed
 * to `app.request()` in-process has no socket: "local".
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "local";
}
