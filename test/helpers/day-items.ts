import type { DayItem } from "../../src/editions/day.ts";
import { extractEntities } from "../../src/text/entities/extract-entities.ts";

/** A news item as writers see it, its entities found the way analysis finds them (title, blank line, text). */
export function newsItem(id: string, title: string, text: string, sourceId = id): DayItem {
  return {
    id,
    title,
    url: `https://${sourceId}.example/${id}`,
    text,
    sourceId,
    sourceName: sourceId,
    sourceKind: "news",
    sourceWeight: 1,
    publishedAt: "2025-12-04T08:00:00Z",
    entities: extractEntities(`${title}\n\n${text}`),
    sentiment: { label: "neutral", score: 0 },
    entitySentiments: [],
  };
}
