import { describe, expect, it } from "vitest";
import { dayOf, daysBefore, endOfDay, formatInstant, isTimeZone, resolveTimeZone, startOfDay, today } from "./day.ts";

const hours = (day: string, zone: string) =>
  (endOfDay(day, zone).getTime() + 1 - startOfDay(day, zone).getTime()) / 3_600_000;

describe("days in a time zone", () => {
  it("at 01:11 UTC it is still yesterday in New York and already today in Tokyo", () => {
    const now = new Date("2025-12-03T01:11:00Z");
    expect(today("America/New_York", now)).toBe("2025-12-02");
    expect(today("Asia/Tokyo", now)).toBe("2025-12-03");
    expect(today("UTC", now)).toBe("2025-12-03");
    expect(formatInstant(now, "America/New_York")).toBe("2025-12-02 20:11");
    expect(formatInstant(now, "Asia/Tokyo")).toBe("2025-12-03 10:11");
  });

  it("ends a day at the zone's midnight", () => {
    expect(endOfDay("2025-12-02", "America/New_York").toISOString()).toBe("2025-12-03T04:59:59.999Z");
    expect(endOfDay("2025-12-02", "Asia/Tokyo").toISOString()).toBe("2025-12-02T14:59:59.999Z");
    expect(endOfDay("2025-12-02", "UTC").toISOString()).toBe("2025-12-02T23:59:59.999Z");
    expect(startOfDay("2025-12-02", "Asia/Kolkata").toISOString()).toBe("2025-12-01T18:30:00.000Z");
  });

  it("gives daylight-saving days 23 and 25 hours, and the days around them 24", () => {
    expect(hours("2025-03-09", "America/New_York")).toBe(23);
    expect(startOfDay("2025-03-09", "America/New_York").toISOString()).toBe("2025-03-09T05:00:00.000Z");
    expect(startOfDay("2025-03-10", "America/New_York").toISOString()).toBe("2025-03-10T04:00:00.000Z");
    expect(hours("2025-11-02", "America/New_York")).toBe(25);
    expect(hours("2025-03-30", "Europe/Berlin")).toBe(23);
    expect(hours("2025-10-26", "Europe/Berlin")).toBe(25);
    for (const day of ["2025-03-08", "2025-03-10", "2025-11-01", "2025-11-03"]) {
      expect(hours(day, "America/New_York")).toBe(24);
    }
    // Lord Howe Island moves its clocks by half an hour.
    expect(hours("2025-10-05", "Australia/Lord_Howe")).toBe(23.5);
  });

  it("starts a day whose midnight the clocks skip at the first moment it has", () => {
    // Chile springs forward at midnight: 2025-09-07 begins at 01:00 local time (04:00 UTC) and has 23 hours.
    expect(startOfDay("2025-09-07", "America/Santiago").toISOString()).toBe("2025-09-07T04:00:00.000Z");
    expect(dayOf("2025-09-07T04:00:00Z", "America/Santiago")).toBe("2025-09-07");
    expect(dayOf("2025-09-07T03:59:59Z", "America/Santiago")).toBe("2025-09-06");
    expect(hours("2025-09-07", "America/Santiago")).toBe(23);
    // And falls back at midnight: 2025-04-05 has 25 hours, the day after starts at local midnight once more.
    expect(hours("2025-04-05", "America/Santiago")).toBe(25);
    expect(startOfDay("2025-04-06", "America/Santiago").toISOString()).toBe("2025-04-06T04:00:00.000Z");
  });

  it("agrees with itself: every instant of a day reads as that day", () => {
    for (const zone of ["America/New_York", "Asia/Tokyo", "America/Santiago", "Australia/Lord_Howe", "Pacific/Apia"]) {
      for (let day = "2025-01-01"; day < "2026-01-01"; day = daysBefore(day, -9)) {
        const start = startOfDay(day, zone).getTime();
        const end = endOfDay(day, zone).getTime();
        expect(dayOf(start, zone), `${zone} ${day}`).toBe(day);
        expect(dayOf(end, zone), `${zone} ${day}`).toBe(day);
        expect(dayOf(start - 1, zone) < day, `${zone} ${day}`).toBe(true);
      }
    }
  });

  it("knows IANA names, refuses others, and falls back to the system zone", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("+02:00")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(resolveTimeZone("Asia/Tokyo")).toBe("Asia/Tokyo");
    expect(resolveTimeZone(null)).toBe(new Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});
