import type { Citation, Section, StoryBlock } from "../model/issue.ts";

/**
 * Every text of an issue an editor may edit, addressed by a key that names its place: `s2.b0.headline`,
 * `s2.b0.p1` (paragraph), `s2.b0.n0` (a labelled note), `s5.g1.b0.p0` (a block in a group), `s3.l2.text` and
 * `s3.l2.lead` (a bullet), `s4.paragraph` (the market read), `s0.text` (intro, call to action), `s6.prompt`.
 * `grounded` fields state facts and are checked against `citations` and the block's story before an edit is kept.
 */
export type DraftField = {
  key: string;
  label: string;
  value: string;
  multiline: boolean;
  grounded: boolean;
  storyId: string | null;
  citations: Citation[];
};

function blockFields(prefix: string, b: StoryBlock): DraftField[] {
  const base = { grounded: true, storyId: b.storyId, citations: b.citations };
  return [
    { ...base, key: `${prefix}.headline`, label: "Headline", value: b.headline, multiline: false },
    ...b.paragraphs.map((p, i) => ({
      ...base,
      key: `${prefix}.p${i}`,
      label: `Paragraph ${i + 1}`,
      value: p,
      multiline: true,
    })),
    ...b.notes.map((n, i) => ({ ...base, key: `${prefix}.n${i}`, label: n.label, value: n.text, multiline: true })),
  ];
}

/** The editable texts of one section (its index in the issue is `index`). */
export function sectionFields(section: Section, index: number): DraftField[] {
  const s = `s${index}`;
  const loose = (key: string, label: string, value: string, grounded: boolean, citations: Citation[] = []) => ({
    key: `${s}.${key}`,
    label,
    value,
    multiline: true,
    grounded,
    storyId: null,
    citations,
  });
  switch (section.kind) {
    case "stories":
      return section.stories.flatMap((b, i) => blockFields(`${s}.b${i}`, b));
    case "groups":
      return section.groups.flatMap((g, gi) => g.stories.flatMap((b, i) => blockFields(`${s}.g${gi}.b${i}`, b)));
    case "bullets":
      return section.lines.flatMap((l, i) => [
        ...(l.lead !== undefined
          ? [{ ...loose(`l${i}.lead`, `Bullet ${i + 1} lead`, l.lead, true, section.citations), multiline: false }]
          : []),
        loose(`l${i}.text`, `Bullet ${i + 1}`, l.text, true, section.citations),
      ]);
    case "market":
      return [loose("paragraph", "Market read", section.paragraph, true, section.citations)];
    case "intro":
    case "cta":
      return [loose("text", "Text", section.text, false)];
    case "prompt":
      return [
        { ...loose("title", "Tip title", section.title, false), multiline: false },
        loose("prompt", "Prompt", section.prompt, false),
        loose("use", "How to use it", section.use, false),
      ];
    default:
      return [];
  }
}

export function issueFields(sections: Section[]): DraftField[] {
  return sections.flatMap((section, i) => sectionFields(section, i));
}

/** The block a key such as `s2.b0.p1` or `s5.g1.b0` sits in, with its section and group indexes. */
export function parseBlockRef(key: string): { section: number; group: number | null; block: number } | null {
  const m = /^s(\d+)\.(?:g(\d+)\.)?b(\d+)/.exec(key);
  if (!m) return null;
  return { section: Number(m[1]), group: m[2] === undefined ? null : Number(m[2]), block: Number(m[3]) };
}

function setInBlock(b: StoryBlock, rest: string, value: string): StoryBlock | null {
  if (rest === "headline") return { ...b, headline: value };
  const m = /^([pn])(\d+)$/.exec(rest);
  if (!m) return null;
  const i = Number(m[2]);
  if (m[1] === "p") {
    if (i >= b.paragraphs.length) return null;
    // An emptied paragraph is removed rather than printed blank.
    const paragraphs = b.paragraphs.map((p, j) => (j === i ? value : p)).filter((p) => p.trim());
    return { ...b, paragraphs };
  }
  if (i >= b.notes.length) return null;
  const notes = b.notes.map((n, j) => (j === i ? { ...n, text: value } : n)).filter((n) => n.text.trim());
  return { ...b, notes };
}

/** The sections with one text replaced, or null when the key names no field of them. */
export function applyField(sections: Section[], key: string, value: string): Section[] | null {
  const m = /^s(\d+)\.(.+)$/.exec(key);
  if (!m) return null;
  const index = Number(m[1]);
  const section = sections[index];
  const rest = m[2] as string;
  if (!section) return null;
  let changed: Section | null = null;
  const ref = parseBlockRef(key);
  const blockRest = rest.replace(/^(?:g\d+\.)?b\d+\./, "");
  if (section.kind === "stories" && ref && ref.group === null) {
    const block = section.stories[ref.block];
    const next = block ? setInBlock(block, blockRest, value) : null;
    if (next) changed = { ...section, stories: section.stories.map((b, i) => (i === ref.block ? next : b)) };
  } else if (section.kind === "groups" && ref && ref.group !== null) {
    const group = section.groups[ref.group];
    const block = group?.stories[ref.block];
    const next = block ? setInBlock(block, blockRest, value) : null;
    if (next && group) {
      const stories = group.stories.map((b, i) => (i === ref.block ? next : b));
      changed = { ...section, groups: section.groups.map((g, i) => (i === ref.group ? { ...g, stories } : g)) };
    }
  } else if (section.kind === "bullets") {
    const b = /^l(\d+)\.(lead|text)$/.exec(rest);
    const i = Number(b?.[1]);
    if (b && section.lines[i]) {
      const lines = section.lines.map((l, j) => (j === i ? { ...l, [b[2] as "lead" | "text"]: value } : l));
      changed = { ...section, lines };
    }
  } else if (section.kind === "market" && rest === "paragraph") changed = { ...section, paragraph: value };
  else if ((section.kind === "intro" || section.kind === "cta") && rest === "text")
    changed = { ...section, text: value };
  else if (section.kind === "prompt" && (rest === "title" || rest === "prompt" || rest === "use"))
    changed = { ...section, [rest]: value };
  if (!changed) return null;
  return sections.map((s, i) => (i === index ? (changed as Section) : s));
}

/** The sections with one story block moved up (-1) or down (+1) within its section or group; null if it cannot. */
export function moveBlock(sections: Section[], key: string, by: -1 | 1): Section[] | null {
  const ref = parseBlockRef(key);
  if (!ref) return null;
  const section = sections[ref.section];
  const swap = (list: StoryBlock[]): StoryBlock[] | null => {
    const to = ref.block + by;
    if (!list[ref.block] || to < 0 || to >= list.length) return null;
    const out = [...list];
    [out[ref.block], out[to]] = [out[to] as StoryBlock, out[ref.block] as StoryBlock];
    return out;
  };
  let changed: Section | null = null;
  if (section?.kind === "stories" && ref.group === null) {
    const stories = swap(section.stories);
    if (stories) changed = { ...section, stories };
  } else if (section?.kind === "groups" && ref.group !== null) {
    const group = section.groups[ref.group];
    const stories = group ? swap(group.stories) : null;
    if (stories)
      changed = { ...section, groups: section.groups.map((g, i) => (i === ref.group ? { ...g, stories } : g)) };
  }
  if (!changed) return null;
  return sections.map((s, i) => (i === ref.section ? (changed as Section) : s));
}
