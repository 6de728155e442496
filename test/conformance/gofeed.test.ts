/**
 * Conformance with gofeed's test data (../shared/data/gofeed/testdata from the project root): every translator case
 * (input + gofeed's universal model) and parser case (input + gofeed's per-format model) is a test. Both sides are
 * reduced to the fields of our model (gofeed-projection.ts, gofeed-expected.ts); where we differ on purpose, the case
 * is listed with its reason in gofeed-deviations.ts and our behaviour is asserted instead.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseFeed } from "../../src/ingest/feed/parse-feed.ts";
import { gofeedDeviations } from "./gofeed-deviations.ts";
import { fromAtom, fromJsonFeed, fromRss, fromUniversal } from "./gofeed-expected.ts";
import { documentUrl, type FeedView, viewOf } from "./gofeed-projection.ts";

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const testdata = resolve(projectRoot, "../shared/data/gofeed/testdata");
const present = existsSync(testdata);
if (!present) console.warn(`gofeed conformance skipped: no test data at ${testdata}`);

type Mapper = (expected: Record<string, unknown>) => FeedView;
type Case = { id: string; input: string; expected: string; map: Mapper };

/** Every case of a folder: X.xml with X.json, or X.json with X_expected.json. */
function casesIn(folder: string, map: Mapper): Case[] {
  const dir = join(testdata, folder);
  if (!existsSync(dir)) return [];
  const files = new Set(readdirSync(dir));
  const cases: Case[] = [];
  for (const file of [...files].sort()) {
    const xml = /^(.*)\.xml$/.exec(file);
    const json = /^(.*)\.json$/.exec(file);
    if (xml && files.has(`${xml[1]}.json`)) {
      cases.push({ id: `${folder}/${xml[1]}`, input: join(dir, file), expected: join(dir, `${xml[1]}.json`), map });
    } else if (json && !file.endsWith("_expected.json") && files.has(`${json[1]}_expected.json`)) {
      cases.push({
        id: `${folder}/${json[1]}`,
        input: join(dir, file),
        expected: join(dir, `${json[1]}_expected.json`),
        map,
      });
    }
  }
  return cases;
}

const suites: Array<[string, Case[]]> = present
  ? [
      ["translator/rss", casesIn("translator/rss", fromUniversal)],
      ["translator/atom", casesIn("translator/atom", fromUniversal)],
      ["translator/json", casesIn("translator/json", fromUniversal)],
      ["extensions", ["dublincore", "itunes", "media"].flatMap((x) => casesIn(`extensions/${x}`, fromUniversal))],
      ["parser/rss", casesIn("parser/rss", fromRss)],
      ["parser/atom", casesIn("parser/atom", fromAtom)],
      ["parser/json", casesIn("parser/json", fromJsonFeed)],
    ]
  : [];

function run(entry: Case): { ours: FeedView; expected: FeedView; gofeed: FeedView } {
  const raw = JSON.parse(readFileSync(entry.expected, "utf8")) as Record<string, unknown>;
  const gofeed = entry.map(raw);
  const expected = entry.map(raw);
  gofeedDeviations[entry.id]?.adjust(expected);
  const { feed } = parseFeed(readFileSync(entry.input), { url: documentUrl });
  return { ours: viewOf(feed, expected), expected, gofeed };
}

describe.skipIf(!present)(`gofeed conformance${present ? "" : ` (skipped: no test data at ${testdata})`}`, () => {
  it("finds the translator and parser cases", () => {
    const count = (prefix: string) => suites.filter(([name]) => name.startsWith(prefix)).flatMap(([, c]) => c).length;
    expect(count("translator/")).toBeGreaterThan(90);
    expect(count("parser/")).toBeGreaterThan(400);
  });

  for (const [name, cases] of suites) {
    describe(name, () => {
      for (const entry of cases) {
        it(entry.id.slice(name.length + 1) || entry.id, () => {
          const { ours, expected } = run(entry);
          expect(ours).toEqual(expected);
        });
      }
    });
  }

  describe("deviations", () => {
    const all = new Map(suites.flatMap(([, cases]) => cases.map((c) => [c.id, c] as const)));
    for (const [id, deviation] of Object.entries(gofeedDeviations)) {
      it(`${id} still differs from gofeed (${deviation.reason})`, () => {
        const entry = all.get(id);
        expect(entry, `no such case: ${id}`).toBeDefined();
        if (!entry) return;
        const { ours, gofeed } = run(entry);
        expect(ours, "we now match gofeed here: remove the deviation").not.toEqual(gofeed);
      });
    }
  });
});
