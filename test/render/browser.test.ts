import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderers } from "../../src/render/index.ts";
import { editions, loadIssue, options } from "./helpers.ts";

const executablePath = "/usr/bin/chromium";
const available = existsSync(executablePath);
const shots = join(import.meta.dirname, "..", "..", "test-results", "render");
const title = available
  ? "rendered pages in headless Chromium"
  : `rendered pages in headless Chromium — SKIPPED: ${executablePath} is missing (apt-get install -y chromium)`;

if (!available)
  console.warn(`browser.test.ts skipped: ${executablePath} is missing; install Debian's chromium to run it.`);

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
      for (const width of [1280, 375]) {
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
      it(`${edition} ${format === "html" ? "email" : "web page"} in dark mode: dark background, light text`, async () => {
        const html = await renderers[format](loadIssue(edition), options);
        const page = await browser.newPage({ viewport: { width: 375, height: 900 }, colorScheme: "dark" });
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
            return {
              text: lum(getComputedStyle(p).color),
              background: lum(getComputedStyle(box ?? document.body).backgroundColor),
            };
          });
          expect(luminance.background).toBeLessThan(0.2);
          expect(luminance.text).toBeGreaterThan(0.7);
          await page.screenshot({
            path: join(shots, `${edition}-${format === "html" ? "email" : "web"}-375-dark.png`),
            fullPage: true,
          });
        } finally {
          await page.close();
        }
      });
    }
  }
});
