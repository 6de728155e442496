import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Issue } from "../../src/model/issue.ts";
import { renderers } from "../../src/render/index.ts";
import { startServer, type TestServer } from "../helpers/http.ts";
import { editions, loadIssue as loadFixture, options } from "./helpers.ts";

const executablePath = "/usr/bin/chromium";
const available = existsSync(executablePath);
const shots = join(import.meta.dirname, "..", "..", "test-results", "render");
const title = available
  ? "rendered pages in headless Chromium"
  : `rendered pages in headless Chromium — SKIPPED: ${executablePath} is missing (apt-get install -y chromium)`;

if (!available)
  console.warn(`browser.test.ts skipped: ${executablePath} is missing; install Debian's chromium to run it.`);

/** The demo's lead image for inference-daily's Synopsys story: a real 1200×630 PNG, as the demo site serves it. */
const leadPng = readFileSync(
  join(import.meta.dirname, "..", "..", "demo", "site", "inference-daily", "img", "nvidia-synopsys-2bn-stake.png"),
);
let imageServer: TestServer;

/** The fixture issue with its lead image served from a loopback server, so the browser really loads it. */
function loadIssue(edition: (typeof editions)[number]): Issue {
  const issue = loadFixture(edition);
  const sections = issue.sections.map((s) =>
    s.kind === "stories"
      ? {
          ...s,
          stories: s.stories.map((st) =>
            st.image ? { ...st, image: { ...st.image, url: `${imageServer.url}/lead/${edition}.png` } } : st,
          ),
        }
      : s,
  );
  return { ...issue, sections };
}

/** Whether an installed font has a glyph for the character (fontconfig): if none has, Chromium draws a box. */
const covered = new Map<string, boolean>();
function hasGlyph(char: string): boolean {
  let known = covered.get(char);
  if (known === undefined) {
    const hex = (char.codePointAt(0) ?? 0).toString(16);
    known = execFileSync("fc-list", [`:charset=${hex}`, "family"], { encoding: "utf8" }).trim() !== "";
    covered.set(char, known);
  }
  return known;
}

/** What a reader sees of the lead image, and every character of the page's visible text. */
function imageProbe(): {
  images: Array<{
    alt: string | null;
    loaded: boolean;
    width: number;
    height: number;
    natural: number[];
    attrs: number[];
  }>;
  text: string;
  column: number;
} {
  const images = [...document.querySelectorAll("img")].map((img) => {
    const box = img.getBoundingClientRect();
    return {
      alt: img.getAttribute("alt"),
      loaded: img.complete && img.naturalWidth > 0,
      width: box.width,
      height: box.height,
      natural: [img.naturalWidth, img.naturalHeight],
      attrs: [Number(img.getAttribute("width")), Number(img.getAttribute("height"))],
    };
  });
  const p = document.querySelector(".db-p") as Element;
  // The rendered text, not textContent: the hidden preheader's filler characters are never drawn.
  // biome-ignore lint/performance/useDomNodeTextContent: what is drawn on screen is the point
  return { images, text: document.body.innerText, column: p.getBoundingClientRect().width };
}

/** Horizontal overflow a reader would notice: the page scrolls sideways, or a box clips text it cannot wrap. */
function overflowProbe(): { scrollWidth: number; clipped: string[] } {
  const clipped: string[] = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (getComputedStyle(el).display !== "inline" && el.scrollWidth > el.clientWidth + 1)
      clipped.push(el.outerHTML.slice(0, 80));
  }
  return { scrollWidth: document.scrollingElement?.scrollWidth ?? Number.NaN, clipped };
}

describe.skipIf(!available)(title, () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    imageServer = await startServer((req, res) => {
      if (req.url?.startsWith("/lead/")) res.writeHead(200, { "content-type": "image/png" }).end(leadPng);
      else res.writeHead(404).end();
    });
    browser = await chromium.launch({
      executablePath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await imageServer?.close();
  });

  for (const edition of editions) {
    for (const format of ["html", "web"] as const) {
      for (const width of [390, 700]) {
        for (const colorScheme of ["light", "dark"] as const) {
          const name = `${edition}-${format === "html" ? "email" : "web"}-${width}-${colorScheme}-lead`;
          it(`${name}: the lead image shows at its size with its alt text, and no character is a box`, async () => {
            const issue = loadIssue(edition);
            const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
            try {
              await page.setContent(await renderers[format](issue, options), { waitUntil: "load" });
              const probe = await page.evaluate(imageProbe);
              expect(probe.images).toHaveLength(1);
              const [image] = probe.images;
              expect(image?.loaded).toBe(true);
              expect(image?.natural).toEqual([1200, 630]);
              expect(image?.alt).toMatch(/^Picture from /);
              // As wide as the text column (never wider), its shape kept: no stretched or squashed picture.
              expect(image?.width ?? 0).toBeLessThanOrEqual(probe.column + 0.5);
              expect(image?.width ?? 0).toBeGreaterThan(probe.column - 2);
              expect((image?.height ?? 0) / (image?.width ?? 1)).toBeCloseTo(630 / 1200, 2);
              expect((image?.attrs[1] ?? 0) / (image?.attrs[0] ?? 1)).toBeCloseTo(630 / 1200, 2);
              const missing = [...new Set(probe.text)].filter((c) => c.trim() && !hasGlyph(c));
              expect(missing, "characters no installed font can draw").toEqual([]);
              await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
              // The part around the picture at full scale, for a person to look at.
              const top = await page.evaluate(
                () => (document.querySelector("img")?.getBoundingClientRect().top ?? 0) + scrollY,
              );
              await page.screenshot({
                path: join(shots, `${name}-view.png`),
                fullPage: true,
                clip: { x: 0, y: Math.max(0, top - 160), width, height: 760 },
              });
            } finally {
              await page.close();
            }
          });
        }
      }
    }
  }

  it("reserves the lead image's space before it loads, and shows its alt text when it cannot", async () => {
    const issue = loadIssue("digest");
    const broken: Issue = {
      ...issue,
      sections: issue.sections.map((s) =>
        s.kind === "stories"
          ? {
              ...s,
              stories: s.stories.map((st) =>
                st.image ? { ...st, image: { ...st.image, url: `${imageServer.url}/gone.png` } } : st,
              ),
            }
          : s,
      ),
    };
    for (const format of ["html", "web"] as const) {
      const page = await browser.newPage({ viewport: { width: 700, height: 900 } });
      try {
        await page.setContent(await renderers[format](broken, options), { waitUntil: "load" });
        const probe = await page.evaluate(imageProbe);
        expect(probe.images[0]?.loaded, format).toBe(false);
        // The width and height attributes keep the layout: the box has the picture's shape, the story stays below.
        expect(probe.images[0]?.height ?? 0, format).toBeGreaterThan(200);
      } finally {
        await page.close();
      }
    }
  });

  it("wraps a long unbroken word (a URL, a token) instead of overflowing a phone screen", async () => {
    const issue = loadIssue("digest");
    const long = `https://example.com/${"a".repeat(300)}`;
    const sections = issue.sections.map((s) =>
      s.kind === "stories"
        ? { ...s, stories: s.stories.map((st) => ({ ...st, headline: long, paragraphs: [long] })) }
        : s.kind === "prompt"
          ? { ...s, prompt: long }
          : s,
    );
    for (const format of ["html", "web"] as const) {
      const page = await browser.newPage({ viewport: { width: 375, height: 900 } });
      try {
        await page.setContent(await renderers[format]({ ...issue, title: long, sections }, options), {
          waitUntil: "load",
        });
        const probe = await page.evaluate(overflowProbe);
        expect(probe.scrollWidth, format).toBeLessThanOrEqual(375);
        expect(probe.clipped, format).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  for (const edition of editions) {
    for (const format of ["html", "web"] as const) {
      for (const width of [1280, 700, 390, 375]) {
        it(`${edition} ${format === "html" ? "email" : "web page"} at ${width}px: no horizontal overflow`, async () => {
          const html = await renderers[format](loadIssue(edition), options);
          const page = await browser.newPage({ viewport: { width, height: 900 } });
          try {
            await page.setContent(html, { waitUntil: "load" });
            const probe = await page.evaluate(overflowProbe);
            expect(probe.scrollWidth).toBeLessThanOrEqual(width);
            expect(probe.clipped).toEqual([]);
            // The phone layout's media query applies (smaller title), so the column is not a shrunken desktop.
            const h1 = await page.evaluate(() => getComputedStyle(document.querySelector("h1") as Element).fontSize);
            expect(h1).toBe(width < 480 ? "23px" : "26px");
            await page.screenshot({
              path: join(shots, `${edition}-${format === "html" ? "email" : "web"}-${width}.png`),
              fullPage: true,
            });
          } finally {
            await page.close();
          }
        });
      }
      for (const width of [700, 390, 375])
        it(`${edition} ${format === "html" ? "email" : "web page"} in dark mode at ${width}px: dark to the edges, light text`, async () => {
          const html = await renderers[format](loadIssue(edition), options);
          const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: "dark" });
          try {
            await page.setContent(html, { waitUntil: "load" });
            const luminance = await page.evaluate(() => {
              const lum = (css: string) => {
                const [r = 0, g = 0, b = 0] = (css.match(/\d+/g) ?? []).map(Number);
                return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
              };
              const p = document.querySelector(".db-p") as Element;
              let box: Element | null = p;
              while (box && getComputedStyle(box).backgroundColor === "rgba(0, 0, 0, 0)") box = box.parentElement;
              // Full bleed: what shows at the page's edge, beside the column, is dark too (no bright frame).
              let edge: Element | null = document.elementFromPoint(2, 300);
              while (edge && getComputedStyle(edge).backgroundColor === "rgba(0, 0, 0, 0)") edge = edge.parentElement;
              return {
                text: lum(getComputedStyle(p).color),
                background: lum(getComputedStyle(box ?? document.body).backgroundColor),
                edge: lum(getComputedStyle(edge ?? document.documentElement).backgroundColor),
              };
            });
            expect(luminance.background).toBeLessThan(0.2);
            expect(luminance.edge).toBeLessThan(0.2);
            expect(luminance.text).toBeGreaterThan(0.7);
            await page.screenshot({
              path: join(shots, `${edition}-${format === "html" ? "email" : "web"}-${width}-dark.png`),
              fullPage: true,
            });
          } finally {
            await page.close();
          }
        });
    }
  }
});
