export type Mention = { key: string; day: string; storyId: string };

export type Trend = {
  key: string;
  /** Distinct stories mentioning the key on the day. */
  today: number;
  /** Mean stories per day over the seven days before. */
  baseline: number;
  /** today / baseline, with a floor on the baseline so one mention is not "infinitely" up. */
  ratio: number;
  /** Distinct stories in the seven days ending on the day, the day included. */
  week: number;
};

/**
 * Mentions per day of each entity or topic against its 7-day baseline: the data behind lines such as "Amazon's
 * third data-centre power deal this week".
 */
export function computeTrends(mentions: Mention[], day: string): Trend[] {
  const dayTime = Date.parse(`${day}T00:00:00Z`);
  const byKey = new Map<string, Map<string, Set<string>>>();
  for (const m of mentions) {
    let days = byKey.get(m.key);
    if (!days) {
      days = new Map();
      byKey.set(m.key, days);
    }
    let stories = days.get(m.day);
    if (!stories) {
      stories = new Set();
      days.set(m.day, stories);
    }
    stories.add(m.storyId);
  }
  const dayKey = (offset: number) => new Date(dayTime - offset * 86_400_000).toISOString().slice(0, 10);
  const trends: Trend[] = [];
  for (const [key, days] of byKey) {
    const today = days.get(day)?.size ?? 0;
    let before = 0;
    const week = new Set<string>(days.get(day) ?? []);
    for (let offset = 1; offset <= 7; offset += 1) {
      const stories = days.get(dayKey(offset));
      before += stories?.size ?? 0;
      if (offset < 7) for (const id of stories ?? []) week.add(id);
    }
    const baseline = before / 7;
    trends.push({ key, today, baseline, ratio: today / Math.max(baseline, 1 / 7), week: week.size });
  }
  return trends.sort((a, b) => b.ratio - a.ratio || b.today - a.today);
}
