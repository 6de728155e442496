import { describe, it } from "vitest";
import { type Format, renderArchiveIndex, renderers, renderFeeds } from "../../src/render/index.ts";
import { editions, expectGolden, loadIssue, options } from "./helpers.ts";

/** Golden files: the exact output for the two fixture issues. UPDATE_GOLDEN=1 rewrites them (then review the diff). */
const files: Record<Format, string> = { html: "email.html", text: "txt", md: "md", web: "web.html" };

describe("golden files", () => {
  for (const edition of editions) {
    for (const format of Object.keys(files) as Format[]) {
      it(`${edition} as ${format}`, async () => {
        const page =
          format === "web"
            ? { previous: { title: "Monday's issue", url: "https://brief.example.com/archive/digest/2025-12-01.html" } }
            : {};
        expectGolden(
          `${edition}.${files[format]}`,
          await renderers[format](loadIssue(edition), { ...options, ...page }),
        );
      });
    }
  }

  it("archive index", () => {
    expectGolden("archive.html", renderArchiveIndex(editions.map(loadIssue), options));
  });

  it("archive index with page-relative links", () => {
    expectGolden("archive-relative.html", renderArchiveIndex(editions.map(loadIssue), { ...options, siteUrl: null }));
  });

  it("feeds", () => {
    const feeds = renderFeeds(editions.map(loadIssue), options);
    expectGolden("feed.xml", feeds.rss);
    expectGolden("atom.xml", feeds.atom);
    expectGolden("feed.json", feeds.json);
  });
});
