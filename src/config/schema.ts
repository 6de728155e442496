import { z } from "zod";
import { sourceKinds } from "../model/source.ts";

/**
 * One schema for every configuration key. The YAML file (DAYBRIEF_CONFIG, default ./daybrief.config.yaml) sets
 * them; each key's DAYBRIEF_* variable overrides the file. `keyTable` below names the variable, whether the value
 * is a secret, and the text docs/config.md shows; a test keeps the three in step.
 */
const configSourceSchema = z.object({
  url: z.url({ protocol: /^https?$/ }),
  name: z.string().min(1).optional(),
  kind: z.enum(sourceKinds).default("news"),
  weight: z.number().min(0).max(10).default(1),
  intervalMinutes: z.number().int().min(5).optional(),
});

export const configSchema = z.object({
  databaseUrl: z.string().default("sqlite:./data/daybrief.db"),
  secret: z.string().min(16).optional(),
  allowPrivateNetworks: z.boolean().default(false),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  fetch: z
    .object({
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
    })
    .prefault({}),
  ingest: z
    .object({
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
    .object({
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
    })
    .prefault({}),
  sources: z.array(configSourceSchema).default([]),
  topics: z
    .array(
      z.object({
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
    doc: "Signs unsubscribe tokens and editor cookies. At least 16 characters; keep it stable across restarts.",
  },
  allowPrivateNetworks: {
    env: "DAYBRIEF_ALLOW_PRIVATE_NETWORKS",
    doc: "Allow sources and article pages on loopback, private, link-local and metadata addresses. Off by default; the demo and tests turn it on.",
  },
  logLevel: { env: "DAYBRIEF_LOG_LEVEL", doc: "Structured log level on stderr (pino): fatal … trace, or silent." },
  "fetch.timeoutMs": {
    env: "DAYBRIEF_FETCH_TIMEOUT_MS",
    doc: "Longest a single response may take, headers and body together (a slow-drip server is cut off).",
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
    doc: "Retries after a timeout, a network error, 429 or 5xx, with exponential backoff.",
  },
  "fetch.retryBaseMs": { env: "DAYBRIEF_FETCH_RETRY_BASE_MS", doc: "First backoff delay; doubled on each retry." },
  "fetch.maxRetryAfterSeconds": {
    env: "DAYBRIEF_FETCH_MAX_RETRY_AFTER_SECONDS",
    doc: "Longest Retry-After honoured within a run; a longer wait postpones the source to a later run instead.",
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
  topics: {
    env: "DAYBRIEF_TOPICS",
    doc: "The story taxonomy as a list of `{id, label, keywords, sourceKinds, theme}`; empty means the built-in six (compute, agents, models, money, research, policy). The variable takes JSON.",
  },
  sources: {
    env: "DAYBRIEF_SOURCES",
    doc: "Sources as a list of `{url, name, kind, weight, intervalMinutes}`; kinds: news, blog, company, press, arxiv, podcast, newsletter, tips. The variable takes JSON.",
  },
};
