/**
 * A written newsletter issue: an edition's sections filled from the day's stories. Every renderer (HTML email,
 * text, Markdown, web page, feeds) works from this one model.
 */

/** A source an item of the issue cites: the outlet's article. */
export type Citation = { title: string; url: string; outlet: string };

/** Text with optional bold lead ("**Infrastructure gets stronger:** …" in the digest's bullets). */
export type Line = { lead?: string; text: string };

/**
 * The lead story's picture: an image one of its articles (or their feed) names, fetched and measured when the issue
 * was built, shown from where it is published (`url`), linked to that article (`link`), credited to its outlet.
 */
export type LeadImage = {
  url: string;
  /** Pixel size of the image file (the renderers scale it down to the column, keeping its shape). */
  width: number;
  height: number;
  alt: string;
  link: string | null;
  credit: string;
};

/** A story written for the issue: a headline, body paragraphs, optional labelled lines, and its sources. */
export type StoryBlock = {
  storyId: string | null;
  headline: string;
  paragraphs: string[];
  /** Labelled lines under the story: "The Tactical Edge", "The Alpha", "Insight", "The Insight", "Builder Use Case". */
  notes: Array<{ label: string; text: string }>;
  /** For "Company: what happened." items. */
  subject?: string;
  citations: Citation[];
  /** The lead story's image (one story per issue at most has one). */
  image?: LeadImage;
};

/**
 * Every section may carry `icon`: an emoji the edition puts before its heading as decoration (edition YAML
 * `emoji: true` and a section's `icon`). The heading's words never depend on it.
 */
export type Section = SectionBody & { icon?: string | null };

type SectionBody =
  | { kind: "intro"; id: string; heading: string | null; text: string }
  | {
      kind: "stories";
      id: string;
      heading: string | null;
      numbered: boolean;
      style: "full" | "headline" | "rapid";
      stories: StoryBlock[];
    }
  | {
      kind: "groups";
      id: string;
      heading: string | null;
      groups: Array<{ id: string; label: string; emoji: string | null; stories: StoryBlock[] }>;
    }
  | { kind: "bullets"; id: string; heading: string | null; lines: Line[]; citations: Citation[] }
  | {
      kind: "market";
      id: string;
      heading: string;
      ticker: string;
      company: string;
      sentiment: "Bullish" | "Bearish" | "Neutral";
      paragraph: string;
      citations: Citation[];
    }
  | { kind: "quote"; id: string; heading: string | null; quote: string; speaker: string; citation: Citation }
  | { kind: "prompt"; id: string; heading: string; tipId: string; title: string; prompt: string; use: string }
  | {
      kind: "links";
      id: string;
      heading: string;
      links: Array<{ title: string; url: string; date: string | null }>;
      empty: string;
    }
  | { kind: "cta"; id: string; heading: string; text: string; url: string | null };

export type SectionKind = Section["kind"];

/** Why the editor should look at something: a section that fell back, a sentence the grounding check removed. */
export type IssueNote = {
  level: "info" | "warning";
  section: string | null;
  code: "fallback" | "grounding" | "claim-check" | "thin-day" | "llm-error" | "selection" | "image";
  message: string;
};

export type IssueStatus = "draft" | "approved" | "sending" | "sent";

export type Issue = {
  id: string;
  edition: string;
  /** The day the issue is for, YYYY-MM-DD. */
  date: string;
  /** Subject line / page title. */
  title: string;
  /** The line mail clients show after the subject. */
  preheader: string;
  /** The edition's display name ("Daybrief Digest"). */
  editionName: string;
  sections: Section[];
  notes: IssueNote[];
  writer: {
    name: "offline" | "llm";
    model: string | null;
    tokens: { prompt: number; completion: number };
    costUsd: number | null;
  };
  status: IssueStatus;
  createdAt: string;
  /** The public URL of the issue's web page, when the archive base URL is known. */
  url: string | null;
  /** When the issue was first published to the web archive and feeds (ISO 8601 UTC); feeds date it by this. */
  publishedAt?: string | null;
};
