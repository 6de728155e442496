import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { llmTestDay } from "../../test/editions/llm-day.ts";
import { testFetcher } from "../../test/helpers/fetcher.ts";
import { startServer, type TestServer } from "../../test/helpers/http.ts";
import { png } from "../../test/helpers/images.ts";
import { probeImage } from "../ingest/index.ts";
import type { Issue, Section, StoryBlock } from "../model/issue.ts";
import { writeIssue } from "./build-issue.ts";
import type { DayContext } from "./day.ts";
import { decorate } from "./decoration.ts";
import { loadEdition } from "./definition.ts";
import type { ImageProbe } from "./lead-image.ts";

let server: TestServer;
const requested: string[] = [];
const fetcher = testFetcher({ retries: 0 });
const probe: ImageProbe = { measure: (url) => probeImage(fetcher, url) };
const now = new Date("2025-12-02T06:00:00Z");

beforeAll(async () => {
  server = await startServer((req, res) => {
    requested.push(req.url ?? "");
    if (req.url === "/a.png") res.writeHead(200, { "content-type": "image/png" }).end(png(1200, 630));
    else if (req.url === "/b.png") res.writeHead(200, { "content-type": "image/png" }).end(png(800, 600));
    else if (req.url === "/logo.svg") res.writeHead(200, { "content-type": "image/svg+xml" }).end("<svg/>");
    else res.writeHead(404).end();
  });
});

afterAll(async () => {
  await fetcher.close();
  await server?.close();
});

const blocks = (issue: Issue): StoryBlock[] =>
  issue.sections.flatMap((s) =>
    s.kind === "stories" ? s.stories : s.kind === "groups" ? s.groups.flatMap((g) => g.stories) : [],
  );

/** The day with image URLs on the items of the story the edition leads with, in the items' order. */
async function dayWithImages(
  edition: string,
  images: Array<string | null>,
): Promise<{ day: DayContext; lead: string }> {
  const day = llmTestDay();
  const plain = await writeIssue(loadEdition(edition), day, { now });
  const sectionId = edition === "digest" ? "top-stories" : "deep-dive";
  const section = plain.sections.find((s) => s.id === sectionId);
  const lead = section?.kind === "stories" ? section.stories[0]?.storyId : null;
  if (!lead) throw new Error(`no lead story in ${edition}`);
  const stories = day.stories.map((story) =>
    story.id === lead
      ? {
          ...story,
          items: story.items.map((item, i) => ({
            ...item,
            image: images[i] === null || images[i] === undefined ? null : images[i]?.replace("ORIGIN", server.url),
          })),
        }
      : story,
  );
  return { day: { ...day, stories }, lead };
}

describe("the lead story's image", () => {
  it("goes on the digest's first top story, with its measured size, alt text, link and credit", async () => {
    const { day, lead } = await dayWithImages("digest", ["ORIGIN/a.png", "ORIGIN/b.png"]);
    const issue = await writeIssue(loadEdition("digest"), day, { now, images: probe });
    const withImage = blocks(issue).filter((b) => b.image);
    expect(withImage.map((b) => b.storyId)).toEqual([lead]);
    const item = day.stories.find((s) => s.id === lead)?.items[0];
    expect(withImage[0]?.image).toEqual({
      url: `${server.url}/a.png`,
      width: 1200,
      height: 630,
      alt: `Picture from ${item?.sourceName}: ${item?.title}`,
      link: item?.url,
      credit: item?.sourceName,
    });
    expect(issue.notes.filter((n) => n.code === "image")).toEqual([]);
  });

  it("says what the picture shows when the page or feed does, cleaned of controls and bounded", async () => {
    const { day, lead } = await dayWithImages("digest", ["ORIGIN/a.png"]);
    const long = `Rows of\u001b[2J Trainium3 servers\u202e in a data hall,\nlit blue. ${"A long caption goes on. ".repeat(20)}`;
    const described = {
      ...day,
      stories: day.stories.map((s) =>
        s.id === lead ? { ...s, items: s.items.map((i, n) => (n === 0 ? { ...i, imageAlt: long } : i)) } : s,
      ),
    };
    const issue = await writeIssue(loadEdition("digest"), described, { now, images: probe });
    const alt = blocks(issue).find((b) => b.image)?.image?.alt ?? "";
    expect(alt.startsWith("Rows of Trainium3 servers in a data hall, lit blue. A long caption")).toBe(true);
    expect(alt).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(alt.length).toBeLessThanOrEqual(160);
    expect(alt.endsWith("…")).toBe(true);
  });

  it("goes on the briefing's Deep Dive, the first section of full stories", async () => {
    const { day } = await dayWithImages("briefing", ["ORIGIN/b.png"]);
    const issue = await writeIssue(loadEdition("briefing"), day, { now, images: probe });
    const deep = issue.sections.find((s) => s.id === "deep-dive");
    expect(deep?.kind === "stories" && deep.stories[0]?.image).toMatchObject({ width: 800, height: 600 });
    expect(blocks(issue).filter((b) => b.image)).toHaveLength(1);
  });

  it("passes over an unusable image to the next article's, and notes why", async () => {
    const { day } = await dayWithImages("digest", ["ORIGIN/logo.svg", "ORIGIN/b.png"]);
    const issue = await writeIssue(loadEdition("digest"), day, { now, images: probe });
    expect(blocks(issue).find((b) => b.image)?.image?.url).toBe(`${server.url}/b.png`);
    const notes = issue.notes.filter((n) => n.code === "image").map((n) => n.message);
    expect(notes).toEqual([expect.stringMatching(/logo\.svg is not used: it is image\/svg\+xml/)]);
  });

  it("leaves the issue without an image, and says so, when none can be used or none is named", async () => {
    const missing = await dayWithImages("digest", ["ORIGIN/missing.png", "ORIGIN/logo.svg"]);
    const issue = await writeIssue(loadEdition("digest"), missing.day, { now, images: probe });
    expect(blocks(issue).some((b) => b.image)).toBe(false);
    expect(issue.notes.filter((n) => n.code === "image").at(-1)?.message).toMatch(/No lead image: none of the 2 tried/);
    const none = await dayWithImages("digest", []);
    const bare = await writeIssue(loadEdition("digest"), none.day, { now, images: probe });
    expect(bare.notes.filter((n) => n.code === "image").map((n) => n.message)).toEqual([
      expect.stringMatching(/No lead image: the articles of ".+" name none we could use/),
    ]);
  });

  it("never fetches an image URL that is not plain http(s)", async () => {
    for (const url of ["data:image/png;base64,AAAA", "javascript:alert(1)", "http://user:pw@127.0.0.1/a.png"]) {
      requested.length = 0;
      const { day } = await dayWithImages("digest", [url, "ORIGIN/a.png"]);
      const issue = await writeIssue(loadEdition("digest"), day, { now, images: probe });
      expect(blocks(issue).find((b) => b.image)?.image?.url, url).toBe(`${server.url}/a.png`);
      expect(requested, url).toEqual(["/a.png"]);
    }
  });
});

describe("decoration", () => {
  it("the built-in editions print no emoji: no section icon, no group emoji", async () => {
    for (const name of ["digest", "briefing"]) {
      const issue = await writeIssue(loadEdition(name), llmTestDay(), { now });
      expect(JSON.stringify(issue.sections), name).not.toMatch(/\p{Extended_Pictographic}/u);
      expect(issue.sections.every((s) => !s.icon)).toBe(true);
    }
  });

  it("with emoji off, takes emoji a writer put in headings and group labels out, keeping the words", () => {
    const sections: Section[] = [
      {
        kind: "groups",
        id: "rapid-fire",
        heading: "⚡ Rapid Fire",
        groups: [{ id: "a", label: "🤖 Agentic Frontier 👩‍💻", emoji: "🤖", stories: [] }],
      },
      { kind: "cta", id: "tips", heading: "Have a tip? 📬", text: "Reply 🙂", url: null },
      { kind: "intro", id: "hi", heading: null, text: "Hello" },
    ];
    const out = decorate(loadEdition("briefing"), sections);
    expect(out[0]).toMatchObject({ heading: "Rapid Fire", groups: [{ label: "Agentic Frontier", emoji: null }] });
    // Structure loses its emoji; what a section says (its text) is left as written.
    expect(out[1]).toMatchObject({ heading: "Have a tip?", text: "Reply 🙂" });
    expect(out[2]).toMatchObject({ heading: null });
  });

  it("an edition with emoji: true gives each section its icon and keeps the groups' emoji", async () => {
    const edition = { ...loadEdition("briefing"), emoji: true };
    const issue = await writeIssue(edition, llmTestDay(), { now });
    const icons = Object.fromEntries(issue.sections.map((s) => [s.id, s.icon ?? null]));
    expect(icons).toMatchObject({ "market-pulse": "📈", "deep-dive": "🔍", "rapid-fire": "⚡", greeting: null });
    const groups = issue.sections.find((s) => s.kind === "groups");
    expect(groups?.kind === "groups" && groups.groups.some((g) => g.emoji)).toBe(true);
  });
});
