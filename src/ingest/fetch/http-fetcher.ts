import { setTimeout as sleep } from "node:timers/promises";
import { Agent, type Dispatcher, request } from "undici";
import { DaybriefError, isDaybriefError } from "../../errors.ts";
import { hostKey } from "../url.ts";
import type { Fetcher, FetchRequest, FetchResponse } from "./fetcher.ts";
import { HostLimiter } from "./host-limiter.ts";
import { formatBytes, readBody } from "./read-body.ts";
import { assertPublicUrl, guardedLookup } from "./ssrf.ts";

export type HttpFetcherOptions = {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  concurrency: number;
  perHostConcurrency: number;
  politenessDelayMs: number;
  retries: number;
  retryBaseMs: number;
  maxRetryAfterSeconds: number;
  allowPrivateNetworks: boolean;
};

type Attempt = { response: FetchResponse } | { error: DaybriefError; retryAfterMs: number | null };

/**
 * The network adapter: conditional GET, bounded redirects (each hop checked against the SSRF guard), gzip/deflate/br,
 * a deadline and size limit per response, per-host concurrency and politeness, and retries with backoff that honour
 * Retry-After.
 */
export class HttpFetcher implements Fetcher {
  readonly #options: HttpFetcherOptions;
  readonly #agent: Agent;
  readonly #limiter: HostLimiter;

  constructor(options: HttpFetcherOptions) {
    this.#options = options;
    this.#agent = new Agent({
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connections: options.perHostConcurrency,
      connect: {
        timeout: Math.min(options.timeoutMs, 15_000),
        ...(options.allowPrivateNetworks ? {} : { lookup: guardedLookup }),
      },
    });
    this.#limiter = new HostLimiter({
      concurrency: options.concurrency,
      perHost: options.perHostConcurrency,
      delayMs: options.politenessDelayMs,
    });
  }

  async fetch(req: FetchRequest): Promise<FetchResponse> {
    let attempt = 0;
    for (;;) {
      attempt += 1;
      const result = await this.#limiter.run(hostKey(req.url), () => this.#follow(req, attempt));
      if ("response" in result) return result.response;
      const { error, retryAfterMs } = result;
      const retryable = isRetryable(error);
      if (!retryable || attempt > this.#options.retries) throw error;
      if (retryAfterMs !== null && retryAfterMs > this.#options.maxRetryAfterSeconds * 1000) throw error;
      const backoff = this.#options.retryBaseMs * 2 ** (attempt - 1) * (1 + Math.random() * 0.25);
      await sleep(retryAfterMs ?? backoff);
    }
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }

  async #follow(req: FetchRequest, attempts: number): Promise<Attempt> {
    let url = req.url;
    let permanent = true;
    for (let hop = 0; hop <= this.#options.maxRedirects; hop += 1) {
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        return { error: new DaybriefError("E_URL_INVALID", `"${url}" is not a valid URL.`), retryAfterMs: null };
      }
      if (target.protocol !== "http:" && target.protocol !== "https:") {
        const error = new DaybriefError("E_URL_INVALID", `"${url}" is not an http(s) URL.`);
        return { error, retryAfterMs: null };
      }
      const deadline = AbortSignal.timeout(this.#options.timeoutMs);
      try {
        if (!this.#options.allowPrivateNetworks) assertPublicUrl(target);
        const { statusCode, headers, body } = await this.#request(target, req, hop === 0, deadline);
        const location = header(headers, "location");
        if (statusCode >= 300 && statusCode < 400 && statusCode !== 304 && location) {
          body.resume();
          permanent &&= statusCode === 301 || statusCode === 308;
          url = new URL(location, target).toString();
          continue;
        }
        return await this.#finish(target.toString(), statusCode, headers, body, {
          permanentUrl: hop > 0 && permanent ? target.toString() : null,
          attempts,
        });
      } catch (error) {
        const timedOut = deadline.aborted && !isDaybriefError(error);
        return { error: mapError(error, url, this.#options.timeoutMs, timedOut), retryAfterMs: null };
      }
    }
    const error = new DaybriefError(
      "E_FETCH_REDIRECTS",
      `${req.url} redirected more than ${this.#options.maxRedirects} times.`,
    );
    return { error, retryAfterMs: null };
  }

  #request(target: URL, req: FetchRequest, conditional: boolean, signal: AbortSignal) {
    const headers: Record<string, string> = {
      "user-agent": this.#options.userAgent,
      accept: req.accept ?? "*/*",
      "accept-encoding": "gzip, deflate, br",
    };
    if (conditional && req.etag) headers["if-none-match"] = req.etag;
    if (conditional && req.lastModified) headers["if-modified-since"] = req.lastModified;
    return request(target, {
      method: "GET",
      headers,
      dispatcher: this.#agent,
      signal,
    });
  }

  async #finish(
    url: string,
    status: number,
    headers: Dispatcher.ResponseData["headers"],
    body: Dispatcher.ResponseData["body"],
    extra: { permanentUrl: string | null; attempts: number },
  ): Promise<Attempt> {
    const flat = flattenHeaders(headers);
    const base = { url, status, headers: flat, contentType: flat["content-type"] ?? null, ...extra };
    if (status === 304) {
      body.resume();
      return { response: { ...base, notModified: true, body: Buffer.alloc(0) } };
    }
    if (status < 200 || status >= 300) {
      body.resume();
      return statusError(url, status, flat);
    }
    const declared = Number(flat["content-length"]);
    if (Number.isFinite(declared) && declared > this.#options.maxBytes) {
      body.destroy();
      const error = new DaybriefError(
        "E_FETCH_TOO_LARGE",
        `Response from ${url} is ${formatBytes(declared)}, over the ${formatBytes(this.#options.maxBytes)} limit.`,
      );
      return { error, retryAfterMs: null };
    }
    const data = await readBody(body, flat["content-encoding"], this.#options.maxBytes, url);
    return { response: { ...base, notModified: false, body: data } };
  }
}

function statusError(url: string, status: number, headers: Record<string, string>): Attempt {
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

function isRetryable(error: DaybriefError): boolean {
  if (error.code === "E_FETCH_TIMEOUT" || error.code === "E_FETCH_NETWORK" || error.code === "E_FETCH_RATE_LIMITED") {
    return true;
  }
  const status = Number(error.details.status);
  return error.code === "E_FETCH_HTTP" && (status >= 500 || status === 408);
}

function mapError(error: unknown, url: string, timeoutMs: number, timedOut: boolean): DaybriefError {
  if (isDaybriefError(error)) return error;
  const cause = (error as { cause?: unknown }).cause;
  if (isDaybriefError(cause)) return cause;
  const err = error as NodeJS.ErrnoException & { name?: string };
  const code = err.code ?? "";
  const name = err.name ?? "";
  if (timedOut || name === "TimeoutError" || (code.startsWith("UND_ERR_") && code.includes("TIMEOUT"))) {
    return new DaybriefError("E_FETCH_TIMEOUT", `No complete response from ${url} within ${timeoutMs / 1000} s.`, {
      cause: error,
    });
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return new DaybriefError("E_DNS_LOOKUP", `Could not resolve the host of ${url} (${code}).`, { cause: error });
  }
  return new DaybriefError("E_FETCH_NETWORK", `Connection to ${url} failed: ${err.message || code}.`, { cause: error });
}

function header(headers: Dispatcher.ResponseData["headers"], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function flattenHeaders(headers: Dispatcher.ResponseData["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}
