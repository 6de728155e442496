import type { ParseWarning } from "../../model/feed.ts";
import { parseFeedDate } from "./dates.ts";

/** What every normaliser needs besides the parsed document: where it came from, and where to report problems. */
export class NormalizeContext {
  readonly documentUrl: string | null;
  /** Atom 0.3 values marked mode="base64" (the parser drops the attribute; parse-feed finds them). */
  readonly base64Values: ReadonlySet<string>;
  private unreadDates = 0;
  private unreadExample = "";

  constructor(documentUrl: string | null, base64Values: ReadonlySet<string> = new Set()) {
    this.documentUrl = documentUrl;
    this.base64Values = base64Values;
  }

  /** The first of the candidates that is a readable date, as ISO 8601 UTC; unreadable ones are counted. */
  date(...candidates: Array<string | null | undefined>): string | null {
    for (const candidate of candidates) {
      if (typeof candidate !== "string" || !candidate.trim()) continue;
      const parsed = parseFeedDate(candidate);
      if (parsed) return parsed;
      this.unreadDates += 1;
      if (!this.unreadExample) this.unreadExample = candidate.trim().slice(0, 60);
    }
    return null;
  }

  warnings(): ParseWarning[] {
    if (this.unreadDates === 0) return [];
    return [
      {
        code: "date_unparsed",
        message: `${this.unreadDates} date(s) could not be read, e.g. "${this.unreadExample}"; those times are left empty.`,
      },
    ];
  }
}
