import { DaybriefError, isDaybriefError, toDaybriefError } from "../../errors.ts";
import { hostKey } from "../url.ts";
import type { Fetcher, FetchRequest, FetchResponse } from "./fetcher.ts";

/** A host the breaker stopped asking in this run, and why. */
export type DeferredHost = { host: string; failures: number; code: string; deferred: number };

/** Failures that say the host itself is down or stalling, not that one page is wrong. */
function isHostFault(error: DaybriefError): boolean {
  if (error.code === "E_FETCH_TIMEOUT" || error.code === "E_DNS_LOOKUP") return true;
  return error.code === "E_FETCH_NETWORK" && error.details.connection !== false;
}

/**
 * A per-run circuit breaker: after `limit` timeouts or connection failures in a row from one host (any success
 * resets the count), the host is not asked again in this run and every further URL of it fails at once with
 * E_FETCH_HOST_DEFERRED, which callers keep for the next run instead of counting it as a failed attempt.
 * A limit of 0 never opens.
 */
export class HostBreaker {
  readonly #limit: number;
  readonly #streaks = new Map<string, { failures: number; code: string }>();
  readonly #open = new Map<string, DeferredHost>();

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Throws E_FETCH_HOST_DEFERRED when the URL's host has been given up on in this run. */
  check(url: string): void {
    const open = this.#open.get(hostKey(url));
    if (!open) return;
    open.deferred += 1;
    throw new DaybriefError(
      "E_FETCH_HOST_DEFERRED",
      `${open.host} failed ${open.failures} times in a row (${open.code}); ${url} is left for the next run.`,
      { details: { host: open.host } },
    );
  }

  record(url: string, error: DaybriefError | null): void {
    const host = hostKey(url);
    if (!error || !isHostFault(error)) {
      this.#streaks.delete(host);
      return;
    }
    const streak = this.#streaks.get(host) ?? { failures: 0, code: error.code };
    streak.failures += 1;
    streak.code = error.code;
    this.#streaks.set(host, streak);
    if (this.#limit > 0 && streak.failures >= this.#limit && !this.#open.has(host)) {
      this.#open.set(host, { host, failures: streak.failures, code: error.code, deferred: 0 });
    }
  }

  /** The hosts given up on so far, with how many URLs each had deferred. */
  deferredHosts(): DeferredHost[] {
    return [...this.#open.values()].map((h) => ({ ...h }));
  }
}

/** A Fetcher that consults `breaker` before each fetch and tells it how each one went. */
export function withBreaker(fetcher: Fetcher, breaker: HostBreaker): Fetcher {
  return {
    async fetch(request: FetchRequest): Promise<FetchResponse> {
      breaker.check(request.url);
      try {
        const response = await fetcher.fetch(request);
        breaker.record(request.url, null);
        return response;
      } catch (thrown) {
        const error = toDaybriefError(thrown);
        if (error.code !== "E_INTERRUPTED") breaker.record(request.url, error);
        throw isDaybriefError(thrown) ? thrown : error;
      }
    },
    close: () => fetcher.close(),
  };
}
