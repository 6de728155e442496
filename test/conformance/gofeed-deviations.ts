/**
 * gofeed cases where Daybrief deliberately differs. Each entry names the case (folder/name), says why in one line,
 * and adjusts gofeed's expectation to what we assert instead. The suite fails when an entry is no longer needed.
 */
import type { FeedView } from "./gofeed-projection.ts";

export type Deviation = { reason: string; adjust: (expected: FeedView) => void };

export const gofeedDeviations: Record<string, Deviation> = {};
