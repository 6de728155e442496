import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { today } from "../../src/model/day.ts";
import { cliSandbox, runCli } from "../helpers/cli.ts";
import { startServer, type TestServer } from "../helpers/http.ts";

/**
 * Three unrelated stories around the end of 2025-12-02: where that day ends depends on the zone. Tokyo's day ends at
 * 14:59 UTC, UTC's at 23:59, New York's at 04:59 UTC the next morning.
 */
const items = [
  { id: "tokyo", at: "2025-12-02T14:30:00Z", title: "Rakuten opens a robotics lab in Sendai for warehouse arms" },
  { id: "utc", at: "2025-12-02T16:00:00Z", title: "Siemens buys a Dutch maker of wind turbine gearboxes" },
  { id: "newyork", at: "2025-12-03T03:00:00Z", title: "Pfizer halts a late-stage obesity pill trial in Ohio" },
];

let server: TestServer;

beforeAll(async () => {
  server = await startServer((_req, res) => {
    const entries = items
      .map(
        (i) =>
          `<item><title>${i.title}</title><link>${server.url}/a/${i.id}</link><guid>${i.id}</guid><pubDate>${new Date(i.at).toUTCString()}</pubDate><description>${i.title}. More on this later today.</description></item>`,
      )
      .join("");
    res
      .writeHead(200, { "content-type": "application/rss+xml" })
      .end(`<rss version="2.0"><channel><title>Wire</title><link>${server.url}/</link>${entries}</channel></rss>`);
  });
});

afterAll(async () => {
  await server.close();
});

/** A store holding the three items, read in the given zone. */
async function storeIn(zone: string) {
  const box = cliSandbox();
  box.env.DAYBRIEF_ALLOW_PRIVATE_NETWORKS = "true";
  box.env.DAYBRIEF_INGEST_EXTRACT_ARTICLES = "false";
  box.env.DAYBRIEF_TIMEZONE = zone;
  expect((await runCli(["sources", "add", `${server.url}/feed.xml`, "--name", "Wire"], box)).code).toBe(0);
  const ingested = await runCli(["ingest"], box);
  expect(ingested.code, ingested.stderr).toBe(0);
  return box;
}

/** Which of the items an output speaks of, by the company each is about. */
const linked = (json: string) => items.filter((i) => json.includes(i.title.split(" ")[0] as string)).map((i) => i.id);

describe("the timezone setting", () => {
  it.each([
    ["Asia/Tokyo", ["tokyo"]],
    ["UTC", ["tokyo", "utc"]],
    ["America/New_York", ["tokyo", "utc", "newyork"]],
  ])("in %s, the day 2025-12-02 ends at midnight there, for stories and for the issue", async (zone, expected) => {
    const box = await storeIn(zone);
    const stories = await runCli(["stories", "--date", "2025-12-02", "--since", "36h", "--json"], box);
    expect(stories.code, stories.stderr).toBe(0);
    expect(linked(stories.stdout).sort()).toEqual([...expected].sort());
    const issue = await runCli(["issue", "build", "--edition", "digest", "--date", "2025-12-02", "--json"], box);
    expect(issue.code, issue.stderr).toBe(0);
    expect(linked(issue.stdout).sort()).toEqual([...expected].sort());
  });

  it("builds today's issue of the configured zone when no date is given", async () => {
    // Kiritimati (UTC+14) and Pago Pago (UTC-11) are never on the same day.
    for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
      const box = cliSandbox();
      box.env.DAYBRIEF_TIMEZONE = zone;
      const before = today(zone);
      const built = await runCli(["issue", "build", "--edition", "digest", "--json"], box);
      expect(built.code, built.stderr).toBe(0);
      expect([before, today(zone)]).toContain(JSON.parse(built.stdout).date);
    }
  });

  it("refuses a zone it does not know", async () => {
    const box = cliSandbox();
    box.env.DAYBRIEF_TIMEZONE = "Europe/Atlantis";
    const result = await runCli(["issue", "build", "--edition", "digest"], box);
    expect(result.code).toBe(78);
    expect(result.stderr).toMatch(/E_CONFIG_INVALID.*timezone: not a time zone.*DAYBRIEF_TIMEZONE/s);
  });
});
