/**
 * Where a hint can differ. A code's own hint is written for where it usually arises (a source failing during
 * `daybrief ingest` is retried later); a variant replaces it where that would be wrong.
 */
export const hintVariants = {
  command: "From a command run once (`sources add`, `feed parse`, `article extract`), where nothing is retried",
  sqlite: "On a SQLite store",
  postgres: "On a PostgreSQL store",
  advertised: "When the page advertises feeds",
} as const;

export type HintVariant = keyof typeof hintVariants;

type CatalogEntry = { exit: number; hint: string; variants?: Partial<Record<HintVariant, string>> };

/**
 * Every error Daybrief reports has a code from this catalogue. The hint tells the user what to do; docs/errors.md
 * documents each code, its hints and their variants, and a test fails when the two disagree.
 */
export const errorCatalog = {
  E_CONFIG_INVALID: {
    exit: 78,
    hint: "Fix or remove the key named above in the config file, or the DAYBRIEF_* variable; docs/config.md lists every key.",
  },
  E_CONFIG_NOT_FOUND: {
    exit: 78,
    hint: "Create one with `daybrief init`, or point DAYBRIEF_CONFIG at an existing file.",
  },
  E_CONFIG_EXISTS: { exit: 73, hint: "Edit the existing file, or remove it first if you want a fresh starter config." },
  E_DB_URL: { exit: 78, hint: "Use sqlite:PATH (e.g. sqlite:./data/daybrief.db) or postgres://user@host:5432/db." },
  E_DB_CONNECT: {
    exit: 69,
    hint: "Check DAYBRIEF_DATABASE_URL (or databaseUrl in the config file).",
    variants: {
      sqlite:
        "Check that the SQLite file's folder exists or can be created, that you may write there, and that DAYBRIEF_DATABASE_URL names the file you mean.",
      postgres:
        "Check that the PostgreSQL server is running and reachable, and that DAYBRIEF_DATABASE_URL has the right host, user and database.",
    },
  },
  E_DB_MIGRATION: {
    exit: 70,
    hint: "The database was left at the last good migration; fix the cause and run `daybrief migrate`.",
  },
  E_URL_INVALID: { exit: 65, hint: "Give an absolute http:// or https:// URL." },
  E_URL_BLOCKED: {
    exit: 65,
    hint: "The address is private, loopback, link-local or a cloud metadata endpoint. Set allowPrivateNetworks: true (DAYBRIEF_ALLOW_PRIVATE_NETWORKS=true) only if you trust every source.",
  },
  E_DNS_LOOKUP: {
    exit: 69,
    hint: "Check the host name and your DNS; the source is retried on the next run.",
    variants: { command: "Check the host name and your DNS." },
  },
  E_FETCH_TIMEOUT: {
    exit: 69,
    hint: "The server was too slow. It is retried with backoff; raise fetch.timeoutMs if it is always slow.",
    variants: { command: "The server was too slow; try again later, or raise fetch.timeoutMs if it is always slow." },
  },
  E_FETCH_TOO_LARGE: {
    exit: 65,
    hint: "The response exceeded fetch.maxBytes; raise the limit only if the source is trusted and really that big.",
  },
  E_IMAGE_UNUSABLE: {
    exit: 65,
    hint: "The issue is built without that image (its notes say why) and the lead story's next article's image is tried. Nothing to do unless every issue lacks one: then check that the sources' og:image URLs answer with PNG, JPEG, GIF or WebP images.",
  },
  E_FETCH_REDIRECTS: { exit: 65, hint: "The URL redirects in a loop or too often; use the final URL directly." },
  E_FETCH_HTTP: {
    exit: 69,
    hint: "The server answered with an error status. Check the URL in a browser; the source is retried with backoff.",
    variants: { command: "The server answered with an error status. Check the URL in a browser." },
  },
  E_FETCH_RATE_LIMITED: {
    exit: 69,
    hint: "The server asked us to slow down; Daybrief waits as long as it asked.",
    variants: { command: "The server asked us to slow down; try again in a while." },
  },
  E_FETCH_GONE: {
    exit: 65,
    hint: "The server says the feed is gone for good (410). Find its new address and `daybrief sources add` it.",
  },
  E_FETCH_NETWORK: {
    exit: 69,
    hint: "The connection failed; check the network. The source is retried with backoff.",
    variants: { command: "The connection failed; check the network and try again." },
  },
  E_FETCH_HOST_DEFERRED: {
    exit: 75,
    hint: "The host timed out or refused connections repeatedly in this run, so its other URLs were left for the next run; nothing was lost or counted as failed.",
  },
  E_INTERRUPTED: { exit: 130, hint: "What was fetched is saved; run the same command again to finish." },
  E_FILE_READ: { exit: 66, hint: "Check the path and that you can read the file." },
  E_FEED_PARSE: {
    exit: 65,
    hint: "The document is not a feed Daybrief can read (RSS, Atom, JSON Feed). Check the URL points at the feed, not a web page.",
  },
  E_FEED_NOT_FEED: {
    exit: 65,
    hint: "This is a web page that names no feed; look on the site for its RSS or Atom link and use that URL.",
    variants: {
      advertised: "This is a web page, not a feed: use the feed URL it advertises (shown above).",
    },
  },
  E_INPUT_BINARY: {
    exit: 65,
    hint: "Give a text document (HTML, XML or JSON). A gzip file is unpacked by itself; unpack other archives, and convert other binary files, first.",
  },
  E_ARTICLE_EXTRACT: {
    exit: 65,
    hint: "No article text was found on the page; the item keeps its feed summary. Re-run with `daybrief ingest --reextract` after an upgrade.",
    variants: {
      command:
        "No article text was found on the page. Check that it is an article, not an index, a paywall or a page drawn by scripts.",
    },
  },
  E_ARTICLE_NOT_HTML: {
    exit: 65,
    hint: "The link does not point to an HTML page (e.g. a PDF or audio file); the item keeps its feed text.",
    variants: { command: "Give an HTML page, as a file or URL: a PDF, image or audio file has no article to extract." },
  },
  E_SOURCE_NOT_FOUND: { exit: 66, hint: "List sources with `daybrief sources list` and use an ID or URL shown there." },
  E_SOURCE_EXISTS: { exit: 73, hint: "That feed is already a source; see `daybrief sources list`." },
  E_SOURCE_IN_CONFIG: {
    exit: 65,
    hint: "This source is defined in daybrief.config.yaml; change or remove it there (the file is re-applied on every run).",
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
    hint: "The issue was approved or sent; it is not rebuilt. Build another date, or run `daybrief issue unapprove ID` first (possible until sending begins).",
  },
  E_ISSUE_NOT_APPROVED: {
    exit: 65,
    hint: "Read it with `daybrief issue show ID`, approve it with `daybrief issue approve ID`, then send it. `--test EMAIL` sends a draft to one address.",
  },
  E_ISSUE_SEND_STARTED: {
    exit: 65,
    hint: "Sending has begun: the issue can no longer be unapproved or rebuilt. Finish it with `daybrief issue send ID`.",
  },
  E_PUBLISH_NOT_APPROVED: {
    exit: 65,
    hint: "Only approved or sent issues are published. Read it with `daybrief issue show ID`, approve it with `daybrief issue approve ID`, then publish it.",
  },
  E_PUBLISH_WRITE: {
    exit: 73,
    hint: "Check that the folder (--out, or publish.dir) can be created and written to; the issue was not marked published, so run the same `daybrief issue publish ID` again once it can.",
  },
  E_SECRET_MISSING: {
    exit: 78,
    hint: "Set DAYBRIEF_SECRET (or `secret:` in daybrief.config.yaml) to a random string of 16+ characters, e.g. `export DAYBRIEF_SECRET=$(openssl rand -hex 32)`. Keep it: changing it breaks the links in emails already sent.",
  },
  E_SEND_CONFIG: {
    exit: 78,
    hint: "Set the settings named above (docs/config.md, section smtp and deliver); `daybrief issue send ID --test you@example.com` checks them with one message.",
  },
  E_SEND_IN_PROGRESS: {
    exit: 75,
    hint: "Another `daybrief issue send` holds this issue. Wait for it to finish; if it died on another machine, run the send again after its lease expires (shown above).",
  },
  E_SEND_INTERRUPTED: {
    exit: 69,
    hint: "The message was in flight when its send stopped (a crash, a kill, or no reply after the whole message); the server may have accepted it. `--uncertain resend` (the default) sends it again, `--uncertain skip` does not.",
  },
  E_SMTP_AUTH: {
    exit: 78,
    hint: "Check the user name and password in DAYBRIEF_SMTP_URL (smtp://user:password@host:port; percent-encode special characters).",
  },
  E_SMTP_UNAVAILABLE: {
    exit: 69,
    hint: "Check that the SMTP server in DAYBRIEF_SMTP_URL is up and reachable. Nothing is lost: run the same `daybrief issue send ID` to resume.",
  },
  E_SMTP_REJECTED: {
    exit: 65,
    hint: "The server refused this recipient for good (its reply is shown). Hard bounces count toward suppressing the address.",
  },
  E_SMTP_TEMPORARY: {
    exit: 69,
    hint: "The server kept deferring this recipient through every attempt (deliver.maxAttempts); the reply is shown.",
  },
  E_SUBSCRIBER_INVALID: { exit: 65, hint: "Give a plain address such as ada@example.com." },
  E_SUBSCRIBER_NOT_FOUND: {
    exit: 66,
    hint: "List subscribers with `daybrief subscribers list` and use an address shown there.",
  },
  E_SUBSCRIBER_SUPPRESSED: {
    exit: 65,
    hint: "The address unsubscribed, bounced or complained; no import or `add` brings it back. The reader can subscribe again through the site's form (double opt-in).",
  },
  E_CSV_INVALID: {
    exit: 65,
    hint: "The file must be CSV with a header row naming an `email` column (docs/delivery.md); nothing was imported.",
  },
  E_TOKEN_INVALID: {
    exit: 65,
    hint: "The link is damaged, was signed with another DAYBRIEF_SECRET, or has expired; ask for a new one.",
  },
  E_WEBHOOK_INVALID: {
    exit: 65,
    hint: "Send the generic JSON format of docs/delivery.md, authenticated with deliver.webhookSecret.",
  },
  E_LLM_REQUEST: {
    exit: 69,
    hint: "Check DAYBRIEF_LLM_BASE_URL, DAYBRIEF_LLM_MODEL and DAYBRIEF_LLM_API_KEY; the offline writer was used for the affected sections.",
  },
  E_LLM_OUTPUT: {
    exit: 65,
    hint: "The model's answer did not match the section's format after retries; the offline writer was used instead.",
  },
  E_LLM_BUDGET: {
    exit: 69,
    hint: "The issue reached llm.maxCostPerIssueUsd; the offline writer wrote the remaining sections. Raise the cap or rebuild tomorrow.",
  },
  E_EMBEDDINGS_REQUEST: {
    exit: 69,
    hint: "Check DAYBRIEF_EMBEDDINGS_URL, DAYBRIEF_EMBEDDINGS_MODEL and DAYBRIEF_EMBEDDINGS_API_KEY; this run clustered the items without embeddings lexically, and the next run asks again.",
  },
  E_JUDGE_REQUEST: {
    exit: 69,
    hint: "Check the llm.* settings (DAYBRIEF_LLM_BASE_URL, DAYBRIEF_LLM_MODEL); the pairs the judge did not answer were decided by the pair model.",
  },
  E_OPML_PARSE: { exit: 65, hint: "The file is not valid OPML; export it again from your feed reader." },
  E_USER_EXISTS: { exit: 73, hint: "That address has a desk account already; `daybrief users list` shows them." },
  E_USER_NOT_FOUND: { exit: 66, hint: "List accounts with `daybrief users list` and use an address shown there." },
  E_PASSWORD_WEAK: {
    exit: 65,
    hint: "Use a password of at least 12 characters (a phrase of several words is easiest to remember).",
  },
  E_LOGIN_FAILED: {
    exit: 65,
    hint: "Check the address and password; an administrator can reset it with `daybrief users add EMAIL --reset`.",
  },
  E_RATE_LIMITED: {
    exit: 75,
    hint: "Too many attempts in a short time; wait a few minutes and try again.",
  },
  E_CSRF: {
    exit: 65,
    hint: "The form was stale or came from another site: reload the page and submit it again.",
  },
  E_TIP_INVALID: {
    exit: 65,
    hint: "Write the tip as plain text (and an optional http(s) link), within the size limits the form states.",
  },
  E_DRAFT_EDIT: {
    exit: 65,
    hint: "Reload the draft: the part you edited may have been rebuilt, or the issue approved, since you opened it.",
  },
  E_USAGE: { exit: 64, hint: "See `daybrief --help` for the command's arguments." },
  E_INTERNAL: { exit: 70, hint: "This is a bug in Daybrief; please report it with the log above." },
} as const satisfies Record<string, CatalogEntry>;

export type ErrorCode = keyof typeof errorCatalog;

export type DaybriefErrorOptions = {
  cause?: unknown;
  details?: Record<string, unknown>;
  /** Which of the code's hints fits where the error arose (a SQLite store, a page that advertises feeds). */
  variant?: HintVariant;
};

/** The hint for a code: the variant's when the code has one for it, else the code's own. */
export function hintFor(code: ErrorCode, ...variants: Array<HintVariant | undefined>): string {
  const entry: CatalogEntry = errorCatalog[code];
  for (const variant of variants) {
    const text = variant ? entry.variants?.[variant] : undefined;
    if (text) return text;
  }
  return entry.hint;
}

/**
 * An error a user can act on: a stable code, a message saying what went wrong, and the catalogue's hint.
 *
 * @example
 * throw new DaybriefError("E_FETCH_TIMEOUT", `No response from ${url} within 20 s`);
 */
export class DaybriefError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  readonly variant: HintVariant | undefined;

  constructor(code: ErrorCode, message: string, options: DaybriefErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DaybriefError";
    this.code = code;
    this.details = options.details ?? {};
    this.variant = options.variant;
  }

  /** The hint where the error arose; during a recurring run (ingest) unless a context says otherwise. */
  get hint(): string {
    return hintFor(this.code, this.variant);
  }

  /** The hint as seen from a context: `hintIn("command")` in a one-off command, where nothing is retried later. */
  hintIn(context?: HintVariant): string {
    return hintFor(this.code, this.variant, context);
  }

  get exitCode(): number {
    return errorCatalog[this.code].exit;
  }

  toJSON(context?: HintVariant): { code: ErrorCode; message: string; hint: string } {
    return { code: this.code, message: this.message, hint: this.hintIn(context) };
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
