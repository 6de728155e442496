import { describe, expect, it } from "vitest";
import { z } from "zod";
import { extractJson, validate } from "./parse-answer.ts";

describe("extractJson", () => {
  it("reads a bare object, a fenced one and one surrounded by prose", () => {
    expect(extractJson('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(extractJson('```json\n{"a": 2}\n```')).toEqual({ ok: true, value: { a: 2 } });
    expect(extractJson('Sure, here it is:\n{"a": {"b": [3]}}\nAnything else?')).toEqual({
      ok: true,
      value: { a: { b: [3] } },
    });
  });

  it("says what is wrong with anything else", () => {
    expect(extractJson("")).toEqual({ ok: false, problems: ["the answer is empty"] });
    expect(extractJson("[1, 2]")).toEqual({ ok: false, problems: ["the answer is not a JSON object"] });
    expect(extractJson('{"a": 1')).toEqual({ ok: false, problems: ["the answer is not a JSON object"] });
  });
});

describe("validate", () => {
  it("names the path of each problem so the model can fix it", () => {
    const schema = z.object({ stories: z.array(z.object({ id: z.string(), headline: z.string().min(3) })) });
    const result = validate(schema, { stories: [{ id: "S1", headline: "" }, { headline: "Fine headline" }] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(2);
      expect(result.problems[0]).toMatch(/^stories\.0\.headline: /);
      expect(result.problems[1]).toMatch(/^stories\.1\.id: /);
    }
    expect(validate(schema, { stories: [] })).toEqual({ ok: true, value: { stories: [] } });
  });
});
