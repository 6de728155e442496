import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFeedDate } from "./dates.ts";

describe("parseFeedDate", () => {
  it.each([
    ["Mon, 01 Dec 2025 09:05:00 GMT", "2025-12-01T09:05:00Z"],
    ["Mon, 01 Dec 2025 09:05:00 +0000", "2025-12-01T09:05:00Z"],
    ["Mon, 1 Dec 2025 09:05:00 +0530", "2025-12-01T03:35:00Z"],
    ["Mon, 01 Dec 2025 09:05:00 -08:00", "2025-12-01T17:05:00Z"],
    ["Mon, 01 Dec 2025 09:05:00 +0000 (UTC)", "2025-12-01T09:05:00Z"],
    ["Mon, 01 Dec 2025 09:05:00 GMT+0100", "2025-12-01T08:05:00Z"],
  ])("reads RFC 822 with a numeric zone or GMT: %s", (input, expected) => {
    expect(parseFeedDate(input)).toBe(expected);
  });

  it.each([
    ["Mon, 1 Dec 2025 09:05 EST", "2025-12-01T14:05:00Z"],
    ["Mon, 01 Dec 2025 09:05:00 EDT", "2025-12-01T13:05:00Z"],
    ["Mon, 1 dec 2025 9:05:00 pst", "2025-12-01T17:05:00Z"],
    ["Mon, 01 Dec 2025 09:05:00 CEST", "2025-12-01T07:05:00Z"],
    ["Mon, 01 Dec 2025 09:05:00 AEDT", "2025-11-30T22:05:00Z"],
    ["Mon, 01 Dec 2025 09:05:00 IST", "2025-12-01T03:35:00Z"],
    ["Mon, 01 Dec 2025 09:05:00 Z", "2025-12-01T09:05:00Z"],
    ["Mon, 01 Dec 2025 09:05:00 UT", "2025-12-01T09:05:00Z"],
  ])("reads RFC 822 with a zone abbreviation: %s", (input, expected) => {
    expect(parseFeedDate(input)).toBe(expected);
  });

  it.each([
    ["Mon, 1 Dec 2025 09:05 GMT", "2025-12-01T09:05:00Z"],
    ["1 Dec 2025 09:05 +0100", "2025-12-01T08:05:00Z"],
    ["01 Dec 25 09:05:00 GMT", "2025-12-01T09:05:00Z"],
    ["Monday, 01-Dec-25 09:05:00 GMT", "2025-12-01T09:05:00Z"],
    ["Mon, 01 December 2025 09:05:00 GMT", "2025-12-01T09:05:00Z"],
    ["1 December 2025", "2025-12-01T00:00:00Z"],
    ["Mon Dec  1 09:05:00 2025", "2025-12-01T09:05:00Z"],
    ["Sun, 30 Nov 2025 23:59:60 GMT", "2025-11-30T23:59:59Z"],
  ])("reads the variants feeds write (no seconds, two-digit years, RFC 850, asctime): %s", (input, expected) => {
    expect(parseFeedDate(input)).toBe(expected);
  });

  it.each([
    ["2025-12-01T09:05:00Z", "2025-12-01T09:05:00Z"],
    ["2025-12-01T09:05:00+01:00", "2025-12-01T08:05:00Z"],
    ["2025-12-01T09:05:00-0500", "2025-12-01T14:05:00Z"],
    ["2025-12-01T09:05:00.123456789+01:00", "2025-12-01T08:05:00.123Z"],
    ["2025-12-01 09:05:00 +0100", "2025-12-01T08:05:00Z"],
    ["2025-12-01T09:05Z", "2025-12-01T09:05:00Z"],
    ["20251201T090500Z", "2025-12-01T09:05:00Z"],
    ["2025-12-01T09:05:00+01:00[Europe/Paris]", "2025-12-01T08:05:00Z"],
  ])("reads ISO 8601 with a zone: %s", (input, expected) => {
    expect(parseFeedDate(input)).toBe(expected);
  });

  it("takes ISO 8601 without a zone, and a bare date, as UTC", () => {
    expect(parseFeedDate("2025-12-01T09:05:00")).toBe("2025-12-01T09:05:00Z");
    expect(parseFeedDate("2025-12-01")).toBe("2025-12-01T00:00:00Z");
  });

  it("reads Unix timestamps in seconds and milliseconds, and Date objects", () => {
    expect(parseFeedDate("1764579900")).toBe("2025-12-01T09:05:00Z");
    expect(parseFeedDate("1764579900000")).toBe("2025-12-01T09:05:00Z");
    expect(parseFeedDate(new Date("2025-12-01T09:05:00Z"))).toBe("2025-12-01T09:05:00Z");
  });

  it("falls back to other readable forms that name a year", () => {
    expect(parseFeedDate("December 1, 2025 9:05 AM")).toBe("2025-12-01T09:05:00Z");
  });

  it.each([
    "",
    "   ",
    "not a date",
    "Version 2",
    "2025-13-01",
    "2025-02-30T00:00:00Z",
    "Tue, 31 Jun 2025 10:00:00 GMT",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "mardi, 1 déc. 2025",
  ])("returns null for what is not a real date: %j", (input) => {
    expect(parseFeedDate(input)).toBeNull();
  });

  it("returns null for null and undefined", () => {
    expect(parseFeedDate(null)).toBeNull();
    expect(parseFeedDate(undefined)).toBeNull();
  });

  it("agrees with Date on any time from 1900 to 2200, in RFC 822 and ISO 8601, at any offset", () => {
    const time = fc.integer({ min: Date.UTC(1900, 0, 2), max: Date.UTC(2200, 11, 30) });
    const offset = fc.integer({ min: -14 * 60, max: 14 * 60 });
    fc.assert(
      fc.property(time, offset, (ms, minutes) => {
        const seconds = Math.floor(ms / 1000) * 1000;
        const expected = new Date(seconds).toISOString().replace(".000Z", "Z");
        expect(parseFeedDate(new Date(seconds).toUTCString())).toBe(expected);
        expect(parseFeedDate(new Date(ms).toISOString())).toBe(new Date(ms).toISOString().replace(".000Z", "Z"));
        const local = new Date(seconds + minutes * 60_000).toISOString().slice(0, 19);
        const sign = minutes < 0 ? "-" : "+";
        const zone = `${sign}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, "0")}${String(Math.abs(minutes) % 60).padStart(2, "0")}`;
        expect(parseFeedDate(`${local}${zone.slice(0, 3)}:${zone.slice(3)}`)).toBe(expected);
        const rfc = new Date(seconds + minutes * 60_000).toUTCString().replace("GMT", zone);
        expect(parseFeedDate(rfc)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
