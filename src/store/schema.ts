import type { Generated } from "kysely";

/**
 * Table types for Kysely. Times are ISO 8601 UTC strings and booleans 0/1 integers in both dialects, so that one
 * query serves SQLite and PostgreSQL alike; JSON columns are text.
 */
export type SourcesTable = {
  id: string;
  url: string;
  name: string;
  kind: string;
  weight: number;
  enabled: number;
  origin: string;
  interval_minutes: number | null;
  site_url: string | null;
  etag: string | null;
  last_modified: string | null;
  last_fetch_at: string | null;
  last_success_at: string | null;
  last_error_at: string | null;
  last_error_code: string | null;
  last_error_message: string | null;
  consecutive_failures: number;
  items_seen: number;
  next_fetch_at: string | null;
  gone: number;
  created_at: string;
  updated_at: string;
};

export type ItemsTable = {
  id: string;
  source_id: string;
  identity_key: string;
  identity_kind: string;
  guid: string | null;
  url: string | null;
  canonical_url: string | null;
  content_hash: string;
  title: string | null;
  summary: string | null;
  content_html: string | null;
  authors: string;
  categories: string;
  enclosures: string;
  image: string | null;
  published_at: string | null;
  updated_at: string | null;
  first_seen_at: string;
  last_seen_at: string;
  version: number;
  article_status: string;
  article_attempts: number;
  article_error: string | null;
};

export type ItemVersionsTable = {
  item_id: string;
  version: number;
  title: string | null;
  summary: string | null;
  content_html: string | null;
  content_hash: string;
  published_at: string | null;
  updated_at: string | null;
  recorded_at: string;
};

export type PagesTable = {
  item_id: string;
  url: string;
  final_url: string;
  status: number;
  content_type: string | null;
  fetched_at: string;
  body: Uint8Array;
  byte_length: number;
};

export type ArticlesTable = {
  item_id: string;
  title: string | null;
  byline: string | null;
  published_at: string | null;
  site_name: string | null;
  lang: string | null;
  text: string;
  html: string;
  image: string | null;
  extracted_at: string;
  extractor_version: number;
};

export type FetchLogTable = {
  id: Generated<number>;
  source_id: string;
  started_at: string;
  duration_ms: number;
  outcome: string;
  http_status: number | null;
  items_new: number;
  items_updated: number;
  error_code: string | null;
  error_message: string | null;
};

export type ItemAnalysisTable = {
  item_id: string;
  analyzed_at: string;
  analyzer_version: number;
  entities: string;
  sentiment_label: string;
  sentiment_score: number;
  entity_sentiments: string;
};

export type StoriesTable = {
  id: string;
  title: string;
  topic: string | null;
  topic_by_editor: number;
  first_item_at: string;
  last_item_at: string;
  created_at: string;
  updated_at: string;
  pinned: number;
  blocked: number;
  score: number;
  factors: string;
  item_count: number;
  outlet_count: number;
};

export type StoryItemsTable = { item_id: string; story_id: string; added_at: string; reason: string; score: number };

export type StoryLinksTable = { item_a: string; item_b: string; kind: string; created_at: string };

export type IssuesTable = {
  id: string;
  edition: string;
  date: string;
  status: string;
  title: string;
  body: string;
  tip_id: string | null;
  created_at: string;
  updated_at: string;
  approved_at: string | null;
};

export type LlmCacheTable = {
  key: string;
  model: string;
  response: string;
  prompt_tokens: number;
  completion_tokens: number;
  created_at: string;
};

export type Database = {
  sources: SourcesTable;
  items: ItemsTable;
  item_versions: ItemVersionsTable;
  pages: PagesTable;
  articles: ArticlesTable;
  fetch_log: FetchLogTable;
  item_analysis: ItemAnalysisTable;
  stories: StoriesTable;
  story_items: StoryItemsTable;
  story_links: StoryLinksTable;
  issues: IssuesTable;
  llm_cache: LlmCacheTable;
};
