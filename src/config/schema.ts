import { z } from "zod";
import { isTimeZone } from "../model/day.ts";
import { sourceKinds } from "../model/source.ts";
import { singleLine } from "../text/controls.ts";

/**
 * One schema for every configuration key. The YAML file (DAYBRIEF_CONFIG, default ./daybrief.config.yaml) sets
 * them; each key's DAYBRIEF_* variable overrides the file. `keyTable` below names the variable, whether the value
 * is a secret, and the text docs/config.md shows; a test keeps the three in step. Every object is strict: a key the
 * schema does not know (a typo such as `timeoutMS`) is refused, with the nearest known key suggested (load.ts).
 */
const configSourceSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  // One line, no control characters or escape sequences: the name is printed in tables and every issue format.
  name: z
    .string()
    .min(1)
    .transform((name) => singleLine(name) || undefined)
    .optional(),
  kind: z.enum(sourceKinds).default("news"),
  weight: z.number().min(0).max(10).default(1),
  intervalMinutes: z.number().int().min(5).optional(),
});

export const configSchema = z.strictObject({
  databaseUrl: z.string().default("sqlite:./data/daybrief.db"),
  secret: z.string().min(16).optional(),
  allowPrivateNetworks: z.boolean().default(false),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  logFile: z.string().min(1).nullable().default(null),
  timezone: z
    .string()
    .refine(isTimeZone, { message: "not a time zone: use an IANA name such as Europe/Berlin, America/New_York or UTC" })
    .nullable()
    .default(null),
  fetch: z
    .strictObject({
      timeoutMs: z.number().int().min(1000).max(300_000).default(20_000),
      maxBytes: z
        .number()
        .int()
        .min(64 * 1024)
        .default(10 * 1024 * 1024),
      maxRedirects: z.number().int().min(0).max(20).default(5),
      userAgent: z.string().default("Daybrief/0.1 (+https://github.com/daybrief/daybrief; feed reader)"),
      concurrency: z.number().int().min(1).max(64).default(8),
      perHostConcurrency: z.number().int().min(1).max(16).default(2),
      politenessDelayMs: z.number().int().min(0).max(60_000).default(1000),
      retries: z.number().int().min(0).max(10).default(2),
      retryBaseMs: z.number().int().min(10).max(60_000).default(500),
      maxRetryAfterSeconds: z.number().int().min(0).default(120),
      hostFailureLimit: z.number().int().min(0).max(100).default(3),
    })
    .prefault({}),
  ingest: z
    .strictObject({
      intervalMinutes: z.number().int().min(5).default(60),
      maxBackoffHours: z
        .number()
        .min(1)
        .max(24 * 14)
        .default(24),
      extractArticles: z.boolean().default(true),
      maxItemsPerFeed: z.number().int().min(1).max(10_000).default(500),
    })
    .prefault({}),
  siteName: z.string().min(1).default("Daybrief"),
  siteUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
  promptTips: z.string().nullable().default(null),
  llm: z
    .strictObject({
      baseUrl: z
        .url({ protocol: /^https?$/ })
        .nullable()
        .default(null),
      model: z.string().nullable().default(null),
      apiKey: z.string().nullable().default(null),
      timeoutMs: z.number().int().min(1000).max(600_000).default(60_000),
      retries: z.number().int().min(0).max(5).default(2),
      maxTokens: z.number().int().min(64).max(32_000).default(1500),
      temperature: z.number().min(0).max(2).default(0.3),
      inputCostPerMillion: z.number().min(0).nullable().default(null),
      outputCostPerMillion: z.number().min(0).nullable().default(null),
      promptsDir: z.string().nullable().default(null),
      claimCheck: z.boolean().default(false),
      maxCostPerIssueUsd: z.number().min(0).nullable().default(null),
    })
    .prefault({}),
  embeddings: z
    .strictObject({
      url: z
        .url({ protocol: /^https?$/ })
        .nullable()
        .default(null),
      model: z.string().min(1).nullable().default(null),
      apiKey: z.string().nullable().default(null),
      batchSize: z.number().int().min(1).max(2048).default(64),
      timeoutMs: z.number().int().min(1000).max(600_000).default(30_000),
    })
    .prefault({}),
  judge: z
    .strictObject({
      enabled: z.boolean().default(false),
      low: z.number().min(0).max(1).default(0.5),
      high: z.number().min(0).max(1).default(0.95),
      maxPairs: z.number().int().min(0).max(100_000).default(100),
      maxCostUsd: z.number().min(0).nullable().default(null),
    })
    .refine((judge) => judge.low < judge.high, { message: "judge.low must be below judge.high" })
    .prefault({}),
  smtp: z
    .object({
      url: z
        .url({ protocol: /^smtps?$/ })
        .nullable()
        .default(null),
      from: z.email().nullable().default(null),
      fromName: z.string().min(1).nullable().default(null),
      replyTo: z.email().nullable().default(null),
      pool: z.number().int().min(1).max(50).default(5),
      pipelining: z.number().int().min(1).max(20).default(2),
      ratePerSecond: z.number().min(0).default(20),
      ratePerHour: z.number().int().min(0).default(0),
      timeoutMs: z.number().int().min(1000).max(600_000).default(60_000),
      dkim: z
        .object({
          domain: z.string().min(1).nullable().default(null),
          selector: z.string().min(1).nullable().default(null),
          privateKeyPath: z.string().min(1).nullable().default(null),
        })
        .prefault({}),
    })
    .prefault({}),
  deliver: z
    .object({
      postalAddress: z.string().min(5).nullable().default(null),
      optInHours: z
        .number()
        .min(1)
        .max(24 * 30)
        .default(48),
      bounceThreshold: z.number().int().min(1).max(20).default(2),
      maxAttempts: z.number().int().min(1).max(20).default(5),
      retryBaseMs: z.number().int().min(10).max(3_600_000).default(60_000),
      retryMaxMs: z.number().int().min(10).max(86_400_000).default(1_800_000),
      pauseGiveUpMinutes: z
        .number()
        .min(0.05)
        .max(24 * 60)
        .default(60),
      webhookSecret: z.string().min(16).nullable().default(null),
      uncertainPolicy: z.enum(["resend", "skip"]).default("resend"),
    })
    .prefault({}),
  publish: z
    .strictObject({
      dir: z.string().min(1).default("./data/site"),
      onApprove: z.boolean().default(false),
    })
    .prefault({}),
  web: z
    .strictObject({
      signupsPerHour: z.number().int().min(1).max(1000).default(5),
      trustProxy: z.boolean().default(false),
      pageCacheSeconds: z.number().int().min(0).max(86_400).default(300),
    })
    .prefault({}),
  desk: z
    .strictObject({
      sessionHours: z
        .number()
        .min(0.1)
        .max(24 * 30)
        .default(12),
      secureCookies: z.enum(["auto", "always", "never"]).default("auto"),
      loginAttemptsPerIp: z.number().int().min(1).max(1000).default(20),
      loginAttemptsPerAccount: z.number().int().min(1).max(1000).default(5),
      loginWindowMinutes: z
        .number()
        .min(1)
        .max(24 * 60)
        .default(15),
      trustProxy: z.boolean().default(false),
      schedulerSeconds: z.number().min(0.2).max(3600).default(30),
    })
    .prefault({}),
  tips: z
    .strictObject({
      perIpPerHour: z.number().int().min(1).max(10_000).default(5),
      maxChars: z.number().int().min(100).max(20_000).default(2000),
    })
    .prefault({}),
  tracking: z.object({ enabled: z.boolean().default(false), perReader: z.boolean().default(false) }).prefault({}),
  sources: z.array(configSourceSchema).default([]),
  topics: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z][a-z0-9-]*$/),
        label: z.string().min(1),
        keywords: z.array(z.string().min(1)).min(1),
        sourceKinds: z.array(z.enum(sourceKinds)).optional(),
        theme: z.string().optional(),
      }),
    )
    .default([]),
});

export type Config = z.infer<typeof configSchema>;
export type ConfigSource = z.infer<typeof configSourceSchema>;

export type KeyInfo = { env: string; secret?: boolean; doc: string };

/** Every leaf key, by dotted path. */
export const keyTable: Record<string, KeyInfo> = {
  databaseUrl: {
    env: "DAYBRIEF_DATABASE_URL",
    doc: "Where data is stored: `sqlite:PATH` (a file, WAL mode) or `postgres://user:pass@host:5432/db`.",
  },
  secret: {
    env: "DAYBRIEF_SECRET",
    secret: true,
    doc: "Signs unsubscribe, confirmation and tracking links (HMAC-SHA256) and editor cookies. At least 16 characters; needed to send. Keep it stable: changing it breaks links in emails already sent.",
  },
  allowPrivateNetworks: {
    env: "DAYBRIEF_ALLOW_PRIVATE_NETWORKS",
    doc: "Allow sources and article pages on loopback, private, link-local and metadata addresses. Off by default; the demo and tests turn it on.",
  },
  logLevel: { env: "DAYBRIEF_LOG_LEVEL", doc: "Structured log level on stderr (pino): fatal … trace, or silent." },
  logFile: {
    env: "DAYBRIEF_LOG_FILE",
    doc: "File the structured logs are appended to instead of stderr. Unset: stderr, except while `ingest` draws its progress bar, when they go to ./data/daybrief.log.",
  },
  timezone: {
    env: "DAYBRIEF_TIMEZONE",
    doc: "IANA time zone (Europe/Berlin, America/New_York, UTC) of the day an issue covers: `issue build` without --date builds today there, a day's issue and `stories --date` end at midnight there, and the CLI shows times there. Unset: the system's zone (TZ, /etc/localtime), else UTC.",
  },
  "fetch.timeoutMs": {
    env: "DAYBRIEF_FETCH_TIMEOUT_MS",
    doc: "Longest one URL may take, all its redirects and retries included, headers and body together: a hanging or slow-drip server is cut off then.",
  },
  "fetch.maxBytes": {
    env: "DAYBRIEF_FETCH_MAX_BYTES",
    doc: "Largest response body accepted, after decompression. Larger bodies fail with E_FETCH_TOO_LARGE.",
  },
  "fetch.maxRedirects": { env: "DAYBRIEF_FETCH_MAX_REDIRECTS", doc: "Redirects followed per request." },
  "fetch.userAgent": { env: "DAYBRIEF_FETCH_USER_AGENT", doc: "User-Agent header sent to every server." },
  "fetch.concurrency": { env: "DAYBRIEF_FETCH_CONCURRENCY", doc: "Requests in flight at once, over all hosts." },
  "fetch.perHostConcurrency": {
    env: "DAYBRIEF_FETCH_PER_HOST_CONCURRENCY",
    doc: "Requests in flight at once to one host.",
  },
  "fetch.politenessDelayMs": {
    env: "DAYBRIEF_FETCH_POLITENESS_DELAY_MS",
    doc: "Least time between the starts of two requests to the same host.",
  },
  "fetch.retries": {
    env: "DAYBRIEF_FETCH_RETRIES",
    doc: "Retries after a network error, 429 or 5xx, with exponential backoff, while the fetch.timeoutMs deadline leaves time for them.",
  },
  "fetch.retryBaseMs": { env: "DAYBRIEF_FETCH_RETRY_BASE_MS", doc: "First backoff delay; doubled on each retry." },
  "fetch.maxRetryAfterSeconds": {
    env: "DAYBRIEF_FETCH_MAX_RETRY_AFTER_SECONDS",
    doc: "Longest Retry-After honoured within a run; a longer wait postpones the source to a later run instead.",
  },
  "fetch.hostFailureLimit": {
    env: "DAYBRIEF_FETCH_HOST_FAILURE_LIMIT",
    doc: "After this many timeouts or connection failures in a row from one host, a run stops asking it: its other feeds and pages wait, still pending, for the next run. 0 never stops.",
  },
  "ingest.intervalMinutes": {
    env: "DAYBRIEF_INGEST_INTERVAL_MINUTES",
    doc: "How often a source is due, unless the source sets its own interval.",
  },
  "ingest.maxBackoffHours": {
    env: "DAYBRIEF_INGEST_MAX_BACKOFF_HOURS",
    doc: "Longest a failing source is put off; the wait doubles with each consecutive failure up to this.",
  },
  "ingest.extractArticles": {
    env: "DAYBRIEF_INGEST_EXTRACT_ARTICLES",
    doc: "Fetch each new item's page and extract the article text.",
  },
  "ingest.maxItemsPerFeed": {
    env: "DAYBRIEF_INGEST_MAX_ITEMS_PER_FEED",
    doc: "Most items read from one feed document (newest first).",
  },
  siteName: { env: "DAYBRIEF_SITE_NAME", doc: "The newsletter's name in email footers, web pages and feeds." },
  siteUrl: {
    env: "DAYBRIEF_SITE_URL",
    doc: "Public base URL of the web archive (https://brief.example.com). Issue links, feeds and Keep Reading use it; without it links are relative.",
  },
  promptTips: {
    env: "DAYBRIEF_PROMPT_TIPS",
    doc: "Path of your own prompt-tip library (same format as editions/prompt-tips.yaml).",
  },
  "llm.baseUrl": {
    env: "DAYBRIEF_LLM_BASE_URL",
    doc: "OpenAI-compatible endpoint (https://api.openai.com/v1, Anthropic's or Google's OpenAI-compatible URL, Ollama's http://localhost:11434/v1, vLLM, llama.cpp). Unset: the offline writer.",
  },
  "llm.model": { env: "DAYBRIEF_LLM_MODEL", doc: "Model name sent to the endpoint." },
  "llm.apiKey": {
    env: "DAYBRIEF_LLM_API_KEY",
    secret: true,
    doc: "API key for the endpoint (local servers may not need one).",
  },
  "llm.timeoutMs": {
    env: "DAYBRIEF_LLM_TIMEOUT_MS",
    doc: "Longest wait for one model answer before the section falls back to the offline writer.",
  },
  "llm.retries": {
    env: "DAYBRIEF_LLM_RETRIES",
    doc: "Retries when the model's answer is not valid JSON of the section's shape, or the request fails.",
  },
  "llm.maxTokens": { env: "DAYBRIEF_LLM_MAX_TOKENS", doc: "Most tokens the model may write per section." },
  "llm.temperature": {
    env: "DAYBRIEF_LLM_TEMPERATURE",
    doc: "Sampling temperature; low keeps the writing close to the sources.",
  },
  "llm.inputCostPerMillion": {
    env: "DAYBRIEF_LLM_INPUT_COST_PER_MILLION",
    doc: "Price in USD per million prompt tokens, for the per-issue cost account.",
  },
  "llm.outputCostPerMillion": {
    env: "DAYBRIEF_LLM_OUTPUT_COST_PER_MILLION",
    doc: "Price in USD per million completion tokens.",
  },
  "llm.promptsDir": {
    env: "DAYBRIEF_LLM_PROMPTS_DIR",
    doc: "Folder of your own section prompts (copy editions/prompts/ and edit).",
  },
  "llm.claimCheck": {
    env: "DAYBRIEF_LLM_CLAIM_CHECK",
    doc: "After the grounding check, ask the model whether the cited sources state each sentence it wrote; unsupported sentences are dropped and noted. One more request per section, inside the cost account and cap.",
  },
  "llm.maxCostPerIssueUsd": {
    env: "DAYBRIEF_LLM_MAX_COST_PER_ISSUE_USD",
    doc: "Most US dollars one issue may spend on the model (claim checks included); once reached, the remaining sections are written offline (E_LLM_BUDGET). Needs both prices. Unset: no cap.",
  },
  "embeddings.url": {
    env: "DAYBRIEF_EMBEDDINGS_URL",
    doc: "OpenAI-compatible embeddings endpoint for clustering (https://api.openai.com/v1, Ollama's http://localhost:11434/v1, vLLM, llama.cpp; the base URL or its /embeddings). With embeddings.model set, embedding similarity joins the pair model. Unset: clustering is lexical.",
  },
  "embeddings.model": {
    env: "DAYBRIEF_EMBEDDINGS_MODEL",
    doc: "Embedding model name sent to the endpoint (text-embedding-3-small, nomic-embed-text, …). Vectors are cached per model and text.",
  },
  "embeddings.apiKey": {
    env: "DAYBRIEF_EMBEDDINGS_API_KEY",
    secret: true,
    doc: "API key for the embeddings endpoint (local servers may not need one).",
  },
  "embeddings.batchSize": { env: "DAYBRIEF_EMBEDDINGS_BATCH_SIZE", doc: "Texts sent per embeddings request." },
  "embeddings.timeoutMs": {
    env: "DAYBRIEF_EMBEDDINGS_TIMEOUT_MS",
    doc: "Longest wait for one embeddings request; on a timeout or any failure the run clusters the rest lexically (E_EMBEDDINGS_REQUEST, a warning).",
  },
  "judge.enabled": {
    env: "DAYBRIEF_JUDGE_ENABLED",
    doc: 'Put the pairs clustering is unsure of to the LLM configured in llm.* ("same real-world event?"). Off by default; needs llm.baseUrl and llm.model.',
  },
  "judge.low": {
    env: "DAYBRIEF_JUDGE_LOW",
    doc: 'Lowest story score (probability of "same event") the judge is asked about; below it the pair model decides alone.',
  },
  "judge.high": {
    env: "DAYBRIEF_JUDGE_HIGH",
    doc: "Story score from which the pair model decides alone again; must be above judge.low.",
  },
  "judge.maxPairs": {
    env: "DAYBRIEF_JUDGE_MAX_PAIRS",
    doc: "Most pairs put to the model in one clustering run (cached answers are free); past it the pair model decides the rest and the run says so.",
  },
  "judge.maxCostUsd": {
    env: "DAYBRIEF_JUDGE_MAX_COST_USD",
    doc: "Most US dollars one clustering run may spend on the judge, counted with llm.inputCostPerMillion and llm.outputCostPerMillion. Unset: only judge.maxPairs caps it.",
  },
  "smtp.url": {
    env: "DAYBRIEF_SMTP_URL",
    secret: true,
    doc: "The SMTP server: `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465`; flags `?requireTLS=true`, `?ignoreTLS=true`, `?rejectUnauthorized=false`. Unset: nothing is sent. Secret when it holds credentials.",
  },
  "smtp.from": { env: "DAYBRIEF_SMTP_FROM", doc: "Sender address of every email (and the envelope sender)." },
  "smtp.fromName": { env: "DAYBRIEF_SMTP_FROM_NAME", doc: "Sender name shown by mail clients; siteName when unset." },
  "smtp.replyTo": { env: "DAYBRIEF_SMTP_REPLY_TO", doc: "Reply-To address, when replies should go elsewhere." },
  "smtp.pool": { env: "DAYBRIEF_SMTP_POOL", doc: "SMTP connections kept open at once during a send." },
  "smtp.pipelining": {
    env: "DAYBRIEF_SMTP_PIPELINING",
    doc: "Messages handed to each connection ahead of its replies. pool × pipelining is the in-flight bound: the most messages whose fate a crash can leave unknown.",
  },
  "smtp.ratePerSecond": {
    env: "DAYBRIEF_SMTP_RATE_PER_SECOND",
    doc: "Most messages started per second (your provider's limit); 0 for no limit.",
  },
  "smtp.ratePerHour": {
    env: "DAYBRIEF_SMTP_RATE_PER_HOUR",
    doc: "Most messages per hour, counting what the ledger sent in the last hour (also across restarts); 0 for no limit.",
  },
  "smtp.timeoutMs": {
    env: "DAYBRIEF_SMTP_TIMEOUT_MS",
    doc: "Longest silence from the server, and longest wait for a connection (capped at 30 s), before it is given up.",
  },
  "smtp.dkim.domain": {
    env: "DAYBRIEF_SMTP_DKIM_DOMAIN",
    doc: "DKIM signing domain (d=); signing is on when all three DKIM keys are set.",
  },
  "smtp.dkim.selector": {
    env: "DAYBRIEF_SMTP_DKIM_SELECTOR",
    doc: "DKIM selector (s=), as published in DNS at SELECTOR._domainkey.DOMAIN.",
  },
  "smtp.dkim.privateKeyPath": {
    env: "DAYBRIEF_SMTP_DKIM_PRIVATE_KEY_PATH",
    doc: "Path of the DKIM private key (PEM).",
  },
  "deliver.postalAddress": {
    env: "DAYBRIEF_DELIVER_POSTAL_ADDRESS",
    doc: "The sender's postal address, printed in every email's footer as anti-spam laws (CAN-SPAM and others) require. Sending refuses without it.",
  },
  "deliver.optInHours": {
    env: "DAYBRIEF_DELIVER_OPT_IN_HOURS",
    doc: "Lifetime of a confirmation link; a sign-up not confirmed by then is deleted.",
  },
  "deliver.bounceThreshold": {
    env: "DAYBRIEF_DELIVER_BOUNCE_THRESHOLD",
    doc: "Hard bounces (during sends or from the webhook) after which an address is marked bounced and suppressed.",
  },
  "deliver.maxAttempts": {
    env: "DAYBRIEF_DELIVER_MAX_ATTEMPTS",
    doc: "Attempts per recipient before a temporary failure (4xx, timeout, lost connection) counts as failed.",
  },
  "deliver.retryBaseMs": {
    env: "DAYBRIEF_DELIVER_RETRY_BASE_MS",
    doc: "First wait before retrying a temporary failure; doubled each attempt, with jitter.",
  },
  "deliver.retryMaxMs": { env: "DAYBRIEF_DELIVER_RETRY_MAX_MS", doc: "Longest wait between two attempts." },
  "deliver.pauseGiveUpMinutes": {
    env: "DAYBRIEF_DELIVER_PAUSE_GIVE_UP_MINUTES",
    doc: "How long a send waits for an unreachable SMTP server before it stops (the rest stays queued; run the send again to resume).",
  },
  "deliver.webhookSecret": {
    env: "DAYBRIEF_DELIVER_WEBHOOK_SECRET",
    secret: true,
    doc: "Shared secret of POST /webhooks/bounces (a Bearer token, or the key of an X-Daybrief-Signature HMAC); the endpoint is off without it.",
  },
  "deliver.uncertainPolicy": {
    env: "DAYBRIEF_DELIVER_UNCERTAIN_POLICY",
    doc: "What the sends `serve` runs (scheduled, resumed after a crash, or started on the desk) do with messages that were in flight when an earlier send stopped: `resend` them (a reader may get two copies) or `skip` them (a reader may get none). `issue send --uncertain` chooses for its own run.",
  },
  "publish.dir": {
    env: "DAYBRIEF_PUBLISH_DIR",
    doc: "Folder `issue publish` writes the web archive to (issue pages, archive/index.html, feed.xml, atom.xml, feed.json) when --out is not given.",
  },
  "publish.onApprove": {
    env: "DAYBRIEF_PUBLISH_ON_APPROVE",
    doc: "Also publish an issue to publish.dir when `issue approve` or the desk's Approve approves it.",
  },
  "web.signupsPerHour": {
    env: "DAYBRIEF_WEB_SIGNUPS_PER_HOUR",
    doc: "Sign-ups (POST /subscribe) and preference changes accepted per client IP address per hour; more get 429.",
  },
  "web.trustProxy": {
    env: "DAYBRIEF_WEB_TRUST_PROXY",
    doc: "Take the client address of the public forms (sign-ups, preferences, tips) from X-Forwarded-For (its first entry): only behind a reverse proxy that sets it. Off: the socket's address.",
  },
  "web.pageCacheSeconds": {
    env: "DAYBRIEF_WEB_PAGE_CACHE_SECONDS",
    doc: "max-age of the public pages and feeds (Cache-Control); ETags let clients revalidate after it.",
  },
  "desk.sessionHours": {
    env: "DAYBRIEF_DESK_SESSION_HOURS",
    doc: "How long an editor stays signed in to the desk; the session then expires and they sign in again.",
  },
  "desk.secureCookies": {
    env: "DAYBRIEF_DESK_SECURE_COOKIES",
    doc: "Mark the desk's cookies Secure: `auto` when the request came over https (or siteUrl is https), `always`, or `never` (plain http on loopback only).",
  },
  "desk.loginAttemptsPerIp": {
    env: "DAYBRIEF_DESK_LOGIN_ATTEMPTS_PER_IP",
    doc: "Failed sign-ins one address may make per desk.loginWindowMinutes before it is refused for the rest of the window.",
  },
  "desk.loginAttemptsPerAccount": {
    env: "DAYBRIEF_DESK_LOGIN_ATTEMPTS_PER_ACCOUNT",
    doc: "Failed sign-ins to one account per desk.loginWindowMinutes, from anywhere, before the account refuses sign-ins for the rest of the window.",
  },
  "desk.loginWindowMinutes": {
    env: "DAYBRIEF_DESK_LOGIN_WINDOW_MINUTES",
    doc: "The window the sign-in limits count over.",
  },
  "desk.trustProxy": {
    env: "DAYBRIEF_DESK_TRUST_PROXY",
    doc: "Take the client address from X-Forwarded-For (set it only behind a reverse proxy you run); otherwise the socket's address is used.",
  },
  "desk.schedulerSeconds": {
    env: "DAYBRIEF_DESK_SCHEDULER_SECONDS",
    doc: "How often `serve` looks for scheduled sends that are due, and for started ones whose process died (it also looks once at start).",
  },
  "tips.perIpPerHour": {
    env: "DAYBRIEF_TIPS_PER_IP_PER_HOUR",
    doc: "Tips one client address may send through the public /tips form per hour.",
  },
  "tips.maxChars": { env: "DAYBRIEF_TIPS_MAX_CHARS", doc: "Longest tip text accepted, in characters." },
  "tracking.enabled": {
    env: "DAYBRIEF_TRACKING_ENABLED",
    doc: "Count opens and clicks per issue and link (signed redirects and a pixel). Off by default.",
  },
  "tracking.perReader": {
    env: "DAYBRIEF_TRACKING_PER_READER",
    doc: "Also record which reader opened or clicked (unique counts), except readers who opted out. Off by default.",
  },
  topics: {
    env: "DAYBRIEF_TOPICS",
    doc: "The story taxonomy as a list of `{id, label, keywords, sourceKinds, theme}`; empty means the built-in eight (compute, agents, models, money, research, policy, software, people). The variable takes JSON.",
  },
  sources: {
    env: "DAYBRIEF_SOURCES",
    doc: "Sources as a list of `{url, name, kind, weight, intervalMinutes}`; kinds: news, blog, company, press, arxiv, podcast, newsletter, tips. The variable takes JSON.",
  },
};

/**
 * DAYBRIEF_* variables that are not config keys but are still Daybrief's: any other DAYBRIEF_* variable is refused
 * as a likely typo. Prefixes end with "_".
 */
export const otherVariables: Record<string, string> = {
  DAYBRIEF_CONFIG: "the config file",
  DAYBRIEF_TEST_: "test settings (e.g. DAYBRIEF_TEST_POSTGRES_URL)",
  DAYBRIEF_BENCH_: "benchmark settings",
};
