import { describe, expect, it } from "vitest";
import { readOpml, writeOpml } from "./opml.ts";

const opml = (outlines: string) =>
  `<?xml version="1.0"?><opml version="2.0"><head><title>Subs</title></head><body>${outlines}</body></opml>`;

describe("readOpml", () => {
  it("reads feeds, flattening folders, with a folder named after a kind setting the kind", () => {
    const found = readOpml(
      opml(`<outline text="Podcasts"><outline text="Talk" type="rss" xmlUrl="https://a.example/feed"/></outline>
<outline text="Lab blog" title="Lab" xmlUrl="https://b.example/rss" htmlUrl="https://b.example/"/>`),
    );
    expect(found).toEqual([
      { url: "https://a.example/feed", name: "Talk", siteUrl: null, kind: "podcast", category: "Podcasts" },
      { url: "https://b.example/rss", name: "Lab", siteUrl: "https://b.example/", kind: "news", category: null },
    ]);
  });

  it("makes names and folders one line without control characters or escape sequences", () => {
    const found = readOpml(
      opml(`<outline text="Pod&#x1b;[2Jcasts"><outline title="Wire&#x1b;]8;;https://evil.example/&#7;beat&#x1b;]8;;&#7;\u009b31m
 news&#x202e;" xmlUrl="https://a.example/feed"/><outline title="&#x1b;[2J&#7;" xmlUrl="https://c.example/feed"/></outline>`),
    );
    expect(found.map((s) => [s.name, s.category, s.kind])).toEqual([
      ["Wirebeat news", "Podcasts", "podcast"],
      ["c.example", "Podcasts", "podcast"],
    ]);
  });
});

describe("writeOpml", () => {
  it("writes what readOpml reads back", () => {
    const sources = [{ url: "https://a.example/feed", name: "A & B", siteUrl: null, kind: "news" }];
    expect(readOpml(writeOpml(sources)).map((s) => [s.url, s.name, s.kind])).toEqual([
      ["https://a.example/feed", "A & B", "news"],
    ]);
  });
});
