import { daysBetween } from "../../store/desk-stats-repo.ts";

export type SubscriberHistoryRow = {
  status: string;
  editions: string;
  created_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  updated_at: string;
};

/**
 * Confirmed readers per edition at the end of each day, from each reader's milestones: counted from the day they
 * confirmed until the day they unsubscribed (or bounced or complained, which their last update records). An empty
 * edition list means every edition.
 */
export function confirmedByEdition(
  rows: SubscriberHistoryRow[],
  editions: string[],
  since: string,
  until: string,
): { days: string[]; series: Array<{ name: string; values: number[] }> } {
  const days = daysBetween(since, until);
  const series = editions.map((edition) => ({ name: edition, values: days.map(() => 0) }));
  for (const row of rows) {
    if (!row.confirmed_at) continue;
    const left =
      row.unsubscribed_at ?? (row.status === "bounced" || row.status === "complained" ? row.updated_at : null);
    let list: string[] = [];
    try {
      list = JSON.parse(row.editions) as string[];
    } catch {
      list = [];
    }
    const of = list.length ? list : editions;
    days.forEach((day, i) => {
      const end = `${day}T23:59:59.999Z`;
      if (row.confirmed_at && row.confirmed_at <= end && !(left && left <= end)) {
        for (const s of series) if (of.includes(s.name)) (s.values[i] as number) += 1;
      }
    });
  }
  return { days, series };
}

/** Sign-ups and departures per day. */
export function joinsAndLeaves(rows: SubscriberHistoryRow[], since: string, until: string) {
  const days = daysBetween(since, until);
  const joined = days.map((d) => rows.filter((r) => r.created_at.slice(0, 10) === d).length);
  const left = days.map(
    (d) =>
      rows.filter(
        (r) =>
          (r.unsubscribed_at ?? (r.status === "bounced" || r.status === "complained" ? r.updated_at : ""))?.slice(
            0,
            10,
          ) === d,
      ).length,
  );
  return {
    days,
    series: [
      { name: "signed up", values: joined },
      { name: "left", values: left },
    ],
  };
}
