import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import type { Citation, Issue, Section, StoryBlock } from "../../src/model/issue.ts";
import type { RenderOptions } from "../../src/render/index.ts";

export const fixtureDir = join(import.meta.dirname, "..", "fixtures", "render");
export const goldenDir = join(fixtureDir, "golden");
export const editions = ["digest", "briefing"] as const;

export function loadIssue(edition: (typeof editions)[number]): Issue {
  return JSON.parse(readFileSync(join(fixtureDir, `${edition}-issue.json`), "utf8")) as Issue;
}

export const options: RenderOptions = {
  siteName: "Daybrief",
  siteUrl: "https://brief.example.com",
  tipsUrl: "https://brief.example.com/tips",
  unsubscribeUrl: "{{unsubscribe_url}}",
};

/**
 * Compares output with its golden file; with UPDATE_GOLDEN=1 (re)writes the file instead. A missing golden file
 * fails, so a new format cannot pass without someone looking at its output once.
 */
export function expectGolden(name: string, actual: string): void {
  const path = join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path))
    throw new Error(`No golden file ${path}; run UPDATE_GOLDEN=1 npx vitest run test/render and review it.`);
  expect(actual, `${name} differs from its golden file (UPDATE_GOLDEN=1 refreshes it after review)`).toBe(
    readFileSync(path, "utf8"),
  );
}

/** Every citation of an issue, wherever it sits. */
export function citationsOf(issue: Issue): Citation[] {
  const fromStories = (stories: StoryBlock[]) => stories.flatMap((s) => s.citations);
  return issue.sections.flatMap((section) => {
    switch (section.kind) {
      case "stories":
        return fromStories(section.stories);
      case "groups":
        return section.groups.flatMap((g) => fromStories(g.stories));
      case "bullets":
      case "market":
        return section.citations;
      case "quote":
        return [section.citation];
      default:
        return [];
    }
  });
}

export const hostile = `<script>alert("x")</script> "Quoted" & 'single' <img src=x onerror=alert(1)>`;
export const hostileUrl = "javascript:alert(1)";

/** The briefing with hostile text in every text field and a javascript: URL in every link. */
export function hostileIssue(): Issue {
  const issue = loadIssue("briefing");
  const evil = (text: string) => `${text} ${hostile}`;
  const cite = (c: Citation): Citation => ({ title: evil(c.title), outlet: evil(c.outlet), url: c.url });
  const story = (s: StoryBlock): StoryBlock => ({
    ...s,
    headline: evil(s.headline),
    paragraphs: s.paragraphs.map(evil),
    notes: s.notes.map((n) => ({ label: evil(n.label), text: evil(n.text) })),
    subject: s.subject ? evil(s.subject) : s.subject,
    citations: [...s.citations.map(cite), { title: hostile, outlet: "Evil", url: hostileUrl }],
    ...(s.image
      ? {
          image: {
            ...s.image,
            url: hostileUrl,
            alt: evil(s.image.alt),
            link: hostileUrl,
            credit: evil(s.image.credit),
          },
        }
      : {}),
  });
  return {
    ...issue,
    title: evil(issue.title),
    preheader: evil(issue.preheader),
    editionName: evil(issue.editionName),
    sections: [
      ...issue.sections.map((section) => {
        switch (section.kind) {
          case "intro":
            return { ...section, text: evil(section.text) };
          case "stories":
            return {
              ...section,
              heading: section.heading && evil(section.heading),
              stories: section.stories.map(story),
            };
          case "groups":
            return {
              ...section,
              groups: section.groups.map((g) => ({
                ...g,
                label: evil(g.label),
                emoji: hostile,
                stories: g.stories.map(story),
              })),
            };
          case "bullets":
            return { ...section, lines: section.lines.map((l) => ({ lead: evil(l.lead ?? ""), text: evil(l.text) })) };
          case "market":
            return { ...section, company: evil(section.company), paragraph: evil(section.paragraph), ticker: hostile };
          case "quote":
            return {
              ...section,
              quote: evil(section.quote),
              speaker: evil(section.speaker),
              citation: { ...cite(section.citation), url: hostileUrl },
            };
          case "links":
            return {
              ...section,
              links: [
                ...section.links.map((l) => ({ ...l, title: evil(l.title) })),
                { title: hostile, url: hostileUrl, date: null },
              ],
            };
          case "cta":
            return { ...section, heading: evil(section.heading), text: evil(section.text), url: hostileUrl };
          default:
            return section;
        }
      }),
      {
        kind: "prompt",
        id: "prompt-tip",
        heading: evil("Prompt Tip of the Day"),
        tipId: "x",
        title: evil("Tip"),
        prompt: `${hostile}\n\`\`\`\nclose the fence`,
        use: evil("Use"),
      },
    ],
  };
}

/** The briefing at the edition's limits: 4 Rapid Fire groups of 4, 8 outlets cited on everything, 5 links. */
export function maximalBriefing(): Issue {
  const issue = loadIssue("briefing");
  const cite = (i: number) => ({
    title: `A long article title about the story, number ${i}, as outlets write them`,
    outlet: `Outlet number ${i}`,
    url: `https://outlet${i}.example/news/2025/12/02/a-fairly-long-slug-for-the-article-${i}.html`,
  });
  const story = (s: StoryBlock, n: number): StoryBlock => ({
    ...s,
    citations: [0, 1, 2, 3, 4, 5, 6, 7].map((k) => cite(n * 10 + k)),
  });
  const sections = issue.sections.map((section): Section => {
    if (section.kind === "groups") {
      const stories = section.groups.flatMap((g) => g.stories);
      return {
        ...section,
        groups: [0, 1, 2, 3].map((g) => ({
          id: `g${g}`,
          label: `Group ${g}`,
          emoji: "🏗️",
          stories: [0, 1, 2, 3].map((k) => story(stories[(g + k) % stories.length] as StoryBlock, g * 10 + k)),
        })),
      };
    }
    if (section.kind === "stories") return { ...section, stories: section.stories.map((s, i) => story(s, 100 + i)) };
    if (section.kind === "links")
      return {
        ...section,
        links: [1, 2, 3, 4, 5].map((n) => ({
          title: `An earlier issue with a long headline, number ${n}`,
          url: `https://brief.example.com/archive/briefing/2025-11-2${n}.html`,
          date: `2025-11-2${n}`,
        })),
      };
    return section;
  });
  return { ...issue, sections };
}
