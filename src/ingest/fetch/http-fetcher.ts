import { setTimeout as sleep } from "node:timers/promises";
import { Agent, type Dispatcher, request } from "undici";
import { DaybriefError, isDaybriefError } from "../../errors.ts";
import { hostKey } from "../url.ts";
import type { Fetcher, FetchRequest, FetchResponse } from "./fetcher.ts";
import { HostLimiter } from "./host-limiter.ts";
import {
  type Attempt,
  flattenHeaders,
  header,
  interrupted,
  isRetryable,
  mapError,
  statusError,
} from "./http-errors.ts";
import { formatBytes, readBody } from "./read-body.ts";
import { assertPublicUrl, guardedLookupWith, isBlockedAddress } from "./ssrf.ts";

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
  /** The address policy (default: isBlockedAddress); tests let their one loopback address through. */
  isBlockedAddress?: (address: string) => boolean;
};

/** The one deadline of a fetch, started when its first try gets a slot, and the caller's signal. */
type Clock = { timeout: AbortSignal; signal: AbortSignal; endsAt: number; caller: AbortSignal | undefined };

/**
 * The network adapter: conditional GET, bounded redirects (each hop checked against the SSRF guard), gzip/deflate/br,
 * a size limit, per-host concurrency and politeness, and retries with backoff that honour Retry-After. One deadline,
 * `timeoutMs`, covers a URL's redirects and retries together: no server holds a fetch longer than that.
 */
export class HttpFetcher implements Fetcher {
  readonly #options: HttpFetcherOptions;
  readonly #agent: Agent;
  readonly #limiter: HostLimiter;
  readonly #isBlocked: (address: string) => boolean;

  constructor(options: HttpFetcherOptions) {
    this.#options = options;
    this.#isBlocked = options.isBlockedAddress ?? isBlockedAddress;
    this.#agent = new Agent({
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connections: options.perHostConcurrency,
      connect: {
        timeout: Math.min(options.timeoutMs, 15_000),
        ...(options.allowPrivateNetworks ? {} : { lookup: guardedLookupWith(this.#isBlocked) }),
      },
    });
    this.#limiter = new HostLimiter({
      concurrency: options.concurrency,
      perHost: options.perHostConcurrency,
      delayMs: options.politenessDelayMs,
    });
  }

  async fetch(req: FetchRequest): Promise<FetchResponse> {
    let clock: Clock | null = null;
    const start = (): Clock => {
      clock ??= startClock(this.#options.timeoutMs, req.signal);
      return clock;
    };
    for (let attempt = 1; ; attempt += 1) {
      const result = await this.#limiter
        .run(hostKey(req.url), () => this.#follow(req, attempt, start()), req.signal)
        .catch((error: unknown) => {
          throw req.signal?.aborted ? interrupted(req.url) : error;
        });
      if ("response" in result) return result.response;
      const { error, retryAfterMs } = result;
      if (!isRetryable(error) || attempt > this.#options.retries) throw error;
      if (retryAfterMs !== null && retryAfterMs > this.#options.maxRetryAfterSeconds * 1000) throw error;
      const wait = retryAfterMs ?? this.#options.retryBaseMs * 2 ** (attempt - 1) * (1 + Math.random() * 0.25);
      const { endsAt, signal, caller } = start();
      // A try that could not finish before the deadline is not started.
      if (Date.now() + wait >= endsAt) throw error;
      await sleep(wait, undefined, { signal }).catch(() => {
        throw caller?.aborted ? interrupted(req.url) : error;
      });
    }
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }

  async #follow(req: FetchRequest, attempts: number, clock: Clock): Promise<Attempt> {
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
      try {
        if (clock.caller?.aborted) throw interrupted(req.url);
        if (!this.#options.allowPrivateNetworks) assertPublicUrl(target, this.#isBlocked);
        const { statusCode, headers, body } = await this.#request(target, req, hop === 0, clock.signal);
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
          maxBytes: Math.min(req.maxBytes ?? this.#options.maxBytes, this.#options.maxBytes),
        });
      } catch (error) {
        if (clock.caller?.aborted) return { error: interrupted(req.url), retryAfterMs: null };
        const timedOut = clock.timeout.aborted && !isDaybriefError(error);
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
    extra: { permanentUrl: string | null; attempts: number; maxBytes: number },
  ): Promise<Attempt> {
    const { maxBytes, ...rest } = extra;
    const flat = flattenHeaders(headers);
    const base = { url, status, headers: flat, contentType: flat["content-type"] ?? null, ...rest };
    if (status === 304) {
      body.resume();
      return { response: { ...base, notModified: true, body: Buffer.alloc(0) } };
    }
    if (status < 200 || status >= 300) {
      body.resume();
      return statusError(url, status, flat);
    }
    const declared = Number(flat["content-length"]);
    if (Number.isFinite(declared) && declared > maxBytes) {
      body.destroy();
      const error = new DaybriefError(
        "E_FETCH_TOO_LARGE",
        `Response from ${url} is ${formatBytes(declared)}, over the ${formatBytes(maxBytes)} limit.`,
      );
      return { error, retryAfterMs: null };
    }
    const data = await readBody(body, flat["content-encoding"], maxBytes, url);
    return { response: { ...base, notModified: false, body: data } };
  }
}

function startClock(timeoutMs: number, caller: AbortSignal | undefined): Clock {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = caller ? AbortSignal.any([timeout, caller]) : timeout;
  return { timeout, signal, endsAt: Date.now() + timeoutMs, caller };
}
