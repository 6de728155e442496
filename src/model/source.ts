/** A place Daybrief reads from, and how healthy reading it has been. */

export const sourceKinds = ["news", "blog", "company", "press", "arxiv", "podcast", "newsletter", "tips"] as const;
export type SourceKind = (typeof sourceKinds)[number];

/** Where a source row came from: the config file is declarative and re-applied on every run. */
export type SourceOrigin = "config" | "cli" | "opml" | "demo";

export type SourceHealth = {
  lastFetchAt: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
  consecutiveFailures: number;
  itemsSeen: number;
  /** When the next fetch is due; pushed back after failures and when a server asks us to wait. */
  nextFetchAt: string | null;
  /** Set when the server answered 410 Gone: the source is no longer fetched. */
  gone: boolean;
};

export type Source = {
  id: string;
  url: string;
  name: string;
  kind: SourceKind;
  /** How much an editor trusts this outlet; ranking multiplies by it. 1 is neutral. */
  weight: number;
  enabled: boolean;
  origin: SourceOrigin;
  intervalMinutes: number;
  siteUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  health: SourceHealth;
};

export type NewSource = Pick<Source, "url" | "name" | "kind" | "weight" | "origin"> &
  Partial<Pick<Source, "id" | "intervalMinutes" | "enabled">>;
