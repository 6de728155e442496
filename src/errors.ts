/**
 * Every error Daybrief reports has a code from this catalogue. The hint tells the user what to do; docs/errors.md
 * documents each code and a test fails when the two disagree.
 */
export const errorCatalog = {
  E_CONFIG_INVALID: { exit: 78, hint: "Fix the value in daybrief.config.yaml or the DAYBRIEF_* variable named above." },
  E_CONFIG_NOT_FOUND: {
    exit: 78,
    hint: "Create one with `daybrief init`, or point DAYBRIEF_CONFIG at an existing file.",
  },
  E_CONFIG_EXISTS: { exit: 73, hint: "Edit the existing file, or remove it first if you want a fresh starter config." },
  E_DB_URL: { exit: 78, hint: "Use sqlite:PATH (e.g. sqlite:./data/daybrief.db) or postgres://user@host:5432/db." },
  E_DB_CONNECT: { exit: 69, hint: "Check that the database server is running and DAYBRIEF_DATABASE_URL is right." },
  E_DB_MIGRATION: {
    exit: 70,
    hint: "The database was left at the last good migration; fix the cause and run `daybrief migrate`.",
  },
  E_URL_INVALID: { exit: 65, hint: "Give an absolute http:// or https:// URL." },
  E_URL_BLOCKED: {
    exit: 65,
    hint: "The address is private, loopback, link-local or a cloud metadata endpoint. Set allowPrivateNetworks: true (DAYBRIEF_ALLOW_PRIVATE_NETWORKS=true) only if you trust every source.",
  },
  E_DNS_LOOKUP: { exit: 69, hint: "Check the host name and your DNS; the source is retried on the next run." },
  E_FETCH_TIMEOUT: {
    exit: 69,
    hint: "The server was too slow. It is retried with backoff; raise fetch.timeoutMs if it is always slow.",
  },
  E_FETCH_TOO_LARGE: {
    exit: 65,
    hint: "The response exceeded fetch.maxBytes; raise the limit only if the source is trusted and really that big.",
  },
  E_FETCH_REDIRECTS: { exit: 65, hint: "The URL redirects in a loop or too often; use the final URL directly." },
  E_FETCH_HTTP: {
    exit: 69,
    hint: "The server answered with an error status. Check the URL in a browser; the source is retried with backoff.",
  },
  E_FETCH_RATE_LIMITED: { exit: 69, hint: "The server asked us to slow down; Daybrief waits as long as it asked." },
  E_FETCH_GONE: {
    exit: 65,
    hint: "The server says the feed is gone for good (410). Find its new address and `daybrief sources add` it.",
  },
  E_FETCH_NETWORK: { exit: 69, hint: "The connection failed; check the network. The source is retried with backoff." },
  E_FILE_READ: { exit: 66, hint: "Check the path and that you can read the file." },
  E_FEED_PARSE: {
    exit: 65,
    hint: "The document is not a feed Daybrief can read (RSS, Atom, JSON Feed). Check the URL points at the feed, not a web page.",
  },
  E_FEED_NOT_FEED: {
    exit: 65,
    hint: "This is a web page, not a feed. Use the feed URL it advertises (shown above) or the site's RSS link.",
  },
  E_ARTICLE_EXTRACT: {
    exit: 65,
    hint: "No article text was found on the page; the item keeps its feed summary. Re-run with `daybrief ingest --reextract` after an upgrade.",
  },
  E_ARTICLE_NOT_HTML: {
    exit: 65,
    hint: "The link does not point to an HTML page (e.g. a PDF or audio file); the feed text is kept.",
  },
  E_SOURCE_NOT_FOUND: { exit: 66, hint: "List sources with `daybrief sources list` and use an ID or URL shown there." },
  E_SOURCE_EXISTS: { exit: 73, hint: "That feed is already a source; see `daybrief sources list`." },
  E_SOURCE_IN_CONFIG: {
    exit: 65,
    hint: "This source is defined in daybrief.config.yaml; remove it there (it is re-added from the file on every run).",
  },
  E_STORY_NOT_FOUND: { exit: 66, hint: "List stories with `daybrief stories` and use an id shown there." },
  E_EDITION_NOT_FOUND: {
    exit: 66,
    hint: "Use a built-in edition (digest, briefing) or the path of your own edition YAML file.",
  },
  E_EDITION_INVALID: {
    exit: 65,
    hint: "Fix the edition file: compare it with editions/digest.yaml; docs/editions.md lists every key.",
  },
  E_ISSUE_NOT_FOUND: { exit: 66, hint: "List issues with `daybrief issue list` and use an id shown there." },
  E_ISSUE_LOCKED: {
    exit: 65,
    hint: "The issue was approved or sent; it is not rebuilt. Build another date, or unapprove it first.",
  },
  E_LLM_REQUEST: {
    exit: 69,
    hint: "Check DAYBRIEF_LLM_BASE_URL, DAYBRIEF_LLM_MODEL and DAYBRIEF_LLM_API_KEY; the offline writer was used for the affected sections.",
  },
  E_LLM_OUTPUT: {
    exit: 65,
    hint: "The model's answer did not match the section's format after retries; the offline writer was used instead.",
  },
  E_OPML_PARSE: { exit: 65, hint: "The file is not valid OPML; export it again from your feed reader." },
  E_USAGE: { exit: 64, hint: "See `daybrief --help` for the command's arguments." },
  E_INTERNAL: { exit: 70, hint: "This is a bug in Daybrief; please report it with the log above." },
} as const satisfies Record<string, { exit: number; hint: string }>;

export type ErrorCode = keyof typeof errorCatalog;

export type DaybriefErrorOptions = { cause?: unknown; details?: Record<string, unknown> };

/**
 * An error a user can act on: a stable code, a message saying what went wrong, and the catalogue's hint.
 *
 * @example
 * throw new DaybriefError("E_FETCH_TIMEOUT", `No response from ${url} within 20 s`);
 */
export class DaybriefError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: DaybriefErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DaybriefError";
    this.code = code;
    this.details = options.details ?? {};
  }

  get hint(): string {
    return errorCatalog[this.code].hint;
  }

  get exitCode(): number {
    return errorCatalog[this.code].exit;
  }

  toJSON(): { code: ErrorCode; message: string; hint: string } {
    return { code: this.code, message: this.message, hint: this.hint };
  }
}

/** Wraps anything thrown into a DaybriefError, keeping a DaybriefError as it is. */
export function toDaybriefError(error: unknown, fallback: ErrorCode = "E_INTERNAL"): DaybriefError {
  if (error instanceof DaybriefError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DaybriefError(fallback, message, { cause: error });
}

export function isDaybriefError(error: unknown, code?: ErrorCode): error is DaybriefError {
  return error instanceof DaybriefError && (code === undefined || error.code === code);
}
