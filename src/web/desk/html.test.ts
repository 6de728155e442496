import { describe, expect, it } from "vitest";
import { wallTimeToInstant } from "../../pipeline/scheduled-sends.ts";
import { html, raw } from "../html.ts";
import { lineChart, sparkBars } from "./svg-chart.ts";

describe("desk HTML", () => {
  it("escapes every interpolated value, in text and attributes, unless it is markup the desk built", () => {
    const evil = `"><script>alert('x')</script>&`;
    const out = html`<a title="${evil}">${evil}</a>${raw("<b>ok</b>")}${[evil, html`<i>${evil}</i>`]}`.value;
    expect(out).not.toContain("<script>");
    expect(out).toContain("&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;");
    expect(out).toContain("<b>ok</b>");
    expect(out).toContain("<i>&quot;&gt;&lt;script&gt;");
  });

  it("drops control characters, terminal escapes and bidi overrides from what it interpolates", () => {
    const out = html`<td>${"Acme\u001b]8;;https://evil.example\u0007 \u202eevil\u009b"}</td>`.value;
    expect(out).toBe("<td>Acme evil</td>");
  });

  it("draws charts whose labels are text, scaled to the data", () => {
    const spark = sparkBars([0, 2, 4], ["d1", "d2", "<d3>"], "items <per> day").value;
    expect(spark).toContain('aria-label="items &lt;per&gt; day"');
    expect(spark).toContain("&lt;d3&gt;: 4");
    expect([...spark.matchAll(/<rect /g)].length).toBe(3);
    const chart = lineChart([{ name: "digest", values: [1, 3] }], ["2025-12-01", "2025-12-02"], "readers").value;
    expect(chart).toContain("<polyline");
    // The axis tops out at the largest value, and that point sits at the top of the plot.
    expect(chart).toMatch(/>3<\/text>/);
    expect(chart).toContain('points="40,117.3 628,12"');
  });

  it("reads a wall-clock time in a zone as the instant it names", () => {
    expect(wallTimeToInstant("2025-12-03T07:30", "Europe/Berlin")?.toISOString()).toBe("2025-12-03T06:30:00.000Z");
    expect(wallTimeToInstant("2025-07-03T07:30", "Europe/Berlin")?.toISOString()).toBe("2025-07-03T05:30:00.000Z");
    expect(wallTimeToInstant("2025-12-03T07:30", "UTC")?.toISOString()).toBe("2025-12-03T07:30:00.000Z");
    expect(wallTimeToInstant("tomorrow", "UTC")).toBeNull();
    expect(wallTimeToInstant("2025-12-03T25:00", "UTC")).toBeNull();
  });
});
