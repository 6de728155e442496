import { parseFeed, parseRssFeed } from "feedsmith";

const tiny = `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><link>http://a/</link><description>d</description><item><title>t</title><link>http://a/1</link></item></channel></rss>`;
for (const [name, fn] of [
  ["parseFeed", () => parseFeed(tiny)],
  ["parseRssFeed", () => parseRssFeed(tiny)],
] as const) {
  for (let i = 0; i < 200; i++) fn();
  const t = performance.now();
  for (let i = 0; i < 2000; i++) fn();
  console.log(name, (((performance.now() - t) / 2000) * 1000).toFixed(1), "µs");
}
