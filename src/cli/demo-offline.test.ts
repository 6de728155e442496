import { describe, expect, it } from "vitest";
import { uniqueSlugs } from "./demo-offline.ts";

describe("uniqueSlugs", () => {
  it("gives two papers whose ids share a prefix two files, and a page the same file each time", () => {
    const slug = uniqueSlugs();
    expect(slug("/arxiv/abs/2512.04567")).toBe("arxiv-abs-2512-04567");
    expect(slug("/arxiv/abs/2512.01234")).toBe("arxiv-abs-2512-01234");
    expect(slug("/wirebeat/news/2025/12/03/x.html")).toBe("wirebeat-news-2025-12-03-x");
    expect(slug("/wirebeat/news/2025/12/03/x.html")).toBe("wirebeat-news-2025-12-03-x");
  });

  it("never gives two paths one name, even when they differ only in punctuation", () => {
    const slug = uniqueSlugs();
    const names = ["/a/b-c", "/a/b.c", "/a/b_c", "/a/b/c", "/"].map(slug);
    expect(new Set(names).size).toBe(names.length);
    expect(names[4]).toBe("index");
  });
});
