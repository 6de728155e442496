import type { z } from "zod";

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/**
 * The JSON object in a model's answer: the whole answer, or the object inside a ```json fence or surrounded by
 * prose (models behind endpoints that ignore `response_format` often add one or the other).
 */
export function extractJson(content: string): Parsed<unknown> {
  const text = content.trim();
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text)?.[1];
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  const candidates = [text, fenced, start >= 0 && end > start ? text.slice(start, end + 1) : undefined];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const value: unknown = JSON.parse(candidate);
      if (value && typeof value === "object" && !Array.isArray(value)) return { ok: true, value };
    } catch {
      // Try the next reading.
    }
  }
  return { ok: false, problems: [text ? "the answer is not a JSON object" : "the answer is empty"] };
}

/** Validates a value with a zod schema; problems read "stories.0.headline: …" so the model can fix them. */
export function validate<T>(schema: z.ZodType<T>, value: unknown): Parsed<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues
      .slice(0, 8)
      .map((issue) => `${issue.path.join(".") || "the object"}: ${issue.message}`),
  };
}
