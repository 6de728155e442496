import type { Dispatcher } from "undici";
import { DaybriefError, isDaybriefError } from "../../errors.ts";
import type { FetchResponse } from "./fetcher.ts";

/** One try at a URL: a response, or an error with the wait the server asked for before the next try. */
export type Attempt = { response: FetchResponse } | { error: DaybriefError; retryAfterMs: number | null };

export function statusError(url: string, status: number, headers: Record<string, string>): Attempt {
  const retryAfterMs = parseRetryAfter(headers["retry-after"]);
  const details = { status, retryAfterSeconds: retryAfterMs === null ? null : Math.ceil(retryAfterMs / 1000) };
  if (status === 410) {
    return { error: new DaybriefError("E_FETCH_GONE", `${url} answered 410 Gone.`, { details }), retryAfterMs: null };
  }
  if (status === 429) {
    const wait = details.retryAfterSeconds === null ? "" : ` and asked us to wait ${details.retryAfterSeconds} s`;
    return {
      error: new DaybriefError("E_FETCH_RATE_LIMITED", `${url} answered 429${wait}.`, { details }),
      retryAfterMs,
    };
  }
  return { error: new DaybriefError("E_FETCH_HTTP", `${url} answered HTTP ${status}.`, { details }), retryAfterMs };
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export function isRetryable(error: DaybriefError): boolean {
  if (error.code === "E_FETCH_TIMEOUT" || error.code === "E_FETCH_NETWORK" || error.code === "E_FETCH_RATE_LIMITED") {
    return true;
  }
  const status = Number(error.details.status);
  return error.code === "E_FETCH_HTTP" && (status >= 500 || status === 408);
}

export function mapError(error: unknown, url: string, timeoutMs: number, timedOut: boolean): DaybriefError {
  if (isDaybriefError(error)) return error;
  const cause = (error as { cause?: unknown }).cause;
  if (isDaybriefError(cause)) return cause;
  const err = error as NodeJS.ErrnoException & { name?: string };
  const code = err.code ?? "";
  const name = err.name ?? "";
  if (timedOut || name === "TimeoutError" || (code.startsWith("UND_ERR_") && code.includes("TIMEOUT"))) {
    const message = `No complete response from ${url} within ${timeoutMs / 1000} s (redirects and retries included).`;
    return new DaybriefError("E_FETCH_TIMEOUT", message, { cause: error });
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return new DaybriefError("E_DNS_LOOKUP", `Could not resolve the host of ${url} (${code}).`, { cause: error });
  }
  return new DaybriefError("E_FETCH_NETWORK", `Connection to ${url} failed: ${err.message || code}.`, { cause: error });
}

export function header(headers: Dispatcher.ResponseData["headers"], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function flattenHeaders(headers: Dispatcher.ResponseData["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/** The error for a fetch stopped by its caller's signal (Ctrl-C). */
export function interrupted(url: string): DaybriefError {
  return new DaybriefError("E_INTERRUPTED", `Fetching ${url} was interrupted.`);
}
