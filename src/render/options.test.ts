import { describe, expect, it } from "vitest";
import { issuePagePath, issueUrl, resolveOptions } from "./options.ts";

describe("issue page URLs", () => {
  const issue = { edition: "digest", date: "2025-12-02" };

  it("puts each issue under archive/<edition>/<date>.html", () => {
    expect(issuePagePath(issue)).toBe("archive/digest/2025-12-02.html");
    expect(issueUrl(issue, { siteUrl: "https://brief.example.com/" })).toBe(
      "https://brief.example.com/archive/digest/2025-12-02.html",
    );
    expect(issueUrl(issue, { siteUrl: "" })).toBe("/archive/digest/2025-12-02.html");
    expect(issueUrl(issue, { siteUrl: null })).toBe("archive/digest/2025-12-02.html");
  });

  it("cannot be steered out of the archive folder", () => {
    expect(issuePagePath({ edition: "../../etc", date: "../passwd" })).toBe("archive/-etc/-passwd.html");
  });
});

describe("resolveOptions", () => {
  it("accepts only hex brand colours, since they are written into CSS", () => {
    expect(resolveOptions({ siteName: "D", siteUrl: null, brandColor: "#0a7" }).brandColor).toBe("#0a7");
    expect(resolveOptions({ siteName: "D", siteUrl: null, brandColor: "red;}</style><script>" }).brandColor).toBeNull();
  });
});
