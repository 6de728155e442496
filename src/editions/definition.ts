import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { DaybriefError } from "../errors.ts";
import { sourceKinds } from "../model/source.ts";
import { packageRoot } from "../paths.ts";

/** Which stories a section takes, in the order sections are filled; a story used once is not used again. */
const selectSchema = z.object({
  count: z.number().int().min(1).max(50).default(3),
  /** Only stories of these topics (ids); empty means any. */
  topics: z.array(z.string()).default([]),
  /** Only items from sources of these kinds (arxiv for research, podcast for podcasts); empty means any. */
  sourceKinds: z.array(z.enum(sourceKinds)).default([]),
  /** Least distinct outlets a story needs. */
  minOutlets: z.number().int().min(1).default(1),
  /** Group into this many topics at most (Rapid Fire), each with at most `perGroup` stories. */
  groups: z
    .object({
      min: z.number().int().min(1).default(2),
      max: z.number().int().min(1).default(4),
      perGroup: z.number().int().min(1).default(4),
    })
    .optional(),
});

/** What a section says, beyond its stories: which content writer fills it and how long things may be. */
const writeSchema = z.object({
  /** Sentences per story paragraph, and how many paragraphs. */
  sentences: z.number().int().min(0).max(8).default(2),
  paragraphs: z.number().int().min(1).max(4).default(1),
  /** Longest headline, in words. */
  headlineWords: z.number().int().min(4).max(40).default(22),
  /** Labelled notes under each story: tactical-edge, alpha, insight, the-insight, builder-use-case. */
  notes: z.array(z.enum(["tactical-edge", "alpha", "insight", "the-insight", "builder-use-case"])).default([]),
  /** Bullets in a bullets section. */
  bullets: z.number().int().min(1).max(10).default(4),
});

const sectionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  kind: z.enum(["intro", "stories", "groups", "bullets", "market", "quote", "prompt", "links", "cta"]),
  /** Heading shown above the section; may use {{theme}}, {{ticker}}, {{date}}. */
  heading: z.string().nullable().default(null),
  /** For intro and cta sections: the text, with {{date}}, {{weekday}} placeholders. */
  text: z.string().optional(),
  /** Which content writer fills a bullets section: implications (what today's news means) or podcast (notes of an episode). */
  content: z.enum(["implications", "podcast"]).optional(),
  /** stories: "full" (headline + paragraphs), "headline" (one line each), "rapid" ("Company: what happened."). */
  style: z.enum(["full", "headline", "rapid"]).default("full"),
  numbered: z.boolean().default(false),
  select: selectSchema.optional(),
  write: writeSchema.prefault({}),
  /** Text shown when a links section has nothing yet. */
  empty: z.string().default("No earlier issues yet."),
  /** Drop the whole section when there is nothing for it (true), or keep its heading with a note (false). */
  optional: z.boolean().default(true),
  /** An emoji shown before the heading when the edition has `emoji: true`; decoration only. */
  icon: z.string().min(1).max(16).optional(),
});

export const editionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(1),
  description: z.string().default(""),
  /** Hours of news an issue covers, ending at the end of its day. */
  windowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(24),
  /** Subject line: {{headlines}} (the first section's headlines), {{date}}, {{name}}. */
  subject: z.string().default("{{headlines}}"),
  /**
   * Decorative emoji: section icons, the Rapid Fire groups' emoji. Off by default — where no emoji font is installed
   * they show as empty boxes — and the headings' words stand alone either way.
   */
  emoji: z.boolean().default(false),
  /**
   * The section whose first story carries the issue's lead image (a section id), or null for none. Unset: the first
   * section of full stories.
   */
  leadImage: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .nullable()
    .optional(),
  sections: z.array(sectionSchema).min(1),
});

export type EditionDefinition = z.infer<typeof editionSchema>;
export type SectionDefinition = z.infer<typeof sectionSchema>;
export type SelectRules = z.infer<typeof selectSchema>;

export const builtinEditions = ["digest", "briefing"] as const;

/**
 * Reads an edition definition: a built-in name ("digest", "briefing") or the path of a YAML file a user wrote
 * (copy editions/digest.yaml and change it: a third edition needs no code).
 */
export function loadEdition(nameOrPath: string): EditionDefinition {
  const path = (builtinEditions as readonly string[]).includes(nameOrPath)
    ? join(packageRoot(), "editions", `${nameOrPath}.yaml`)
    : nameOrPath;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, "utf8"));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new DaybriefError(
      missing ? "E_EDITION_NOT_FOUND" : "E_EDITION_INVALID",
      missing
        ? `No edition "${nameOrPath}" (looked for ${path}).`
        : `${path} is not valid YAML: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const parsed = editionSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new DaybriefError("E_EDITION_INVALID", `Edition ${path} is invalid:\n  ${lines.join("\n  ")}`);
  }
  const ids = parsed.data.sections.map((s) => s.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate)
    throw new DaybriefError("E_EDITION_INVALID", `Edition ${path} has two sections with id "${duplicate}".`);
  return parsed.data;
}
