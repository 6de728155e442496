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
  /** What the feed says `image` shows (media:description); null before migration 014 or when it says nothing. */
  image_alt: string | null;
  published_at: string | null;
  updated_at: string | null;
  first_seen_at: string;
  last_seen_at: string;
  version: number;
  article_status: string;
  article_attempts: number;
  article_error: string | null;
  /** Which run has claimed the item's page, and until when (migration 004). */
  article_lease_owner?: string | null;
  article_lease_until?: string | null;
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
  /** The page's og:image:alt for `image`. */
  image_alt: string | null;
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
  /** JSON `{name, ticker?}` or null: migration 008. */
  subject: string | null;
  /** JSON `{label, score}` or null: migration 008. */
  sentiment: string | null;
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
  /** When the issue was first published to the web archive and feeds (migration 010). */
  published_at?: string | null;
};

export type EmbeddingsTable = {
  key: string;
  model: string;
  dimensions: number;
  vector: Uint8Array;
  created_at: string;
};

export type LlmCacheTable = {
  key: string;
  model: string;
  response: string;
  prompt_tokens: number;
  completion_tokens: number;
  created_at: string;
};

export type SubscribersTable = {
  id: string;
  email: string;
  name: string | null;
  status: string;
  editions: string;
  tracking: number | null;
  bounce_count: number;
  origin: string;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  confirm_sent_at: string | null;
};

export type SuppressionsTable = { email: string; edition: string; reason: string; created_at: string };

export type DeliveriesTable = {
  issue_id: string;
  subscriber_id: string;
  state: string;
  attempts: number;
  uncertain: number;
  next_attempt_at: string | null;
  error_code: string | null;
  error: string | null;
  message_id: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
};

export type SendLeasesTable = {
  issue_id: string;
  holder: string;
  host: string;
  pid: number;
  acquired_at: string;
  expires_at: string;
};

export type BounceEventsTable = {
  id: Generated<number>;
  email: string;
  kind: string;
  source: string;
  issue_id: string | null;
  detail: string | null;
  created_at: string;
};

export type EngagementCountsTable = { issue_id: string; kind: string; target: string; count: number };

export type EngagementEventsTable = {
  id: Generated<number>;
  issue_id: string;
  subscriber_id: string;
  kind: string;
  target: string;
  created_at: string;
};

/** Editor accounts (migration 009). */
export type UsersTable = {
  id: string;
  email: string;
  password_hash: string;
  created_at: string;
  last_login_at: string | null;
};

/** Desk sessions: a SHA-256 of the session id (never the id itself), its CSRF token and expiry (migration 009). */
export type SessionsTable = {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
};

/** Reader tips from the public form (migration 009). */
export type TipsTable = {
  id: string;
  text: string;
  url: string | null;
  name: string | null;
  email: string | null;
  status: string;
  client_hash: string;
  created_at: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
  item_id: string | null;
};

/** Send times editors chose for approved issues (migration 009). */
export type ScheduledSendsTable = {
  issue_id: string;
  send_at: string;
  state: string;
  scheduled_by: string;
  created_at: string;
  updated_at: string;
  error: string | null;
  /** Times the send was resumed after the process sending it died (migration 015). */
  resumes: Generated<number>;
  resumed_at: string | null;
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
  embeddings: EmbeddingsTable;
  subscribers: SubscribersTable;
  suppressions: SuppressionsTable;
  deliveries: DeliveriesTable;
  send_leases: SendLeasesTable;
  bounce_events: BounceEventsTable;
  engagement_counts: EngagementCountsTable;
  engagement_events: EngagementEventsTable;
  users: UsersTable;
  sessions: SessionsTable;
  tips: TipsTable;
  scheduled_sends: ScheduledSendsTable;
};
