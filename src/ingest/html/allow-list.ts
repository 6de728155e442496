/** What sanitised HTML may contain: every tag and attribute not listed here is removed. */

/** Tags kept, each with the attributes it may keep. */
export const allowedTags: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    a: ["href", "title"],
    abbr: ["title"],
    audio: ["src", "controls"],
    b: [],
    blockquote: ["cite"],
    br: [],
    caption: [],
    cite: [],
    code: [],
    dd: [],
    del: [],
    div: [],
    dl: [],
    dt: [],
    em: [],
    figcaption: [],
    figure: [],
    h1: [],
    h2: [],
    h3: [],
    h4: [],
    h5: [],
    h6: [],
    hr: [],
    i: [],
    img: ["src", "alt", "title", "width", "height"],
    ins: [],
    kbd: [],
    li: [],
    mark: [],
    ol: [],
    p: [],
    pre: [],
    q: ["cite"],
    s: [],
    small: [],
    source: ["src", "type"],
    span: [],
    strong: [],
    sub: [],
    sup: [],
    table: [],
    tbody: [],
    td: ["colspan", "rowspan"],
    tfoot: [],
    th: ["colspan", "rowspan", "scope"],
    thead: [],
    time: ["datetime"],
    tr: [],
    u: [],
    ul: [],
    video: ["src", "controls", "poster", "width", "height"],
  }).map(([tag, attributes]) => [tag, new Set(attributes)]),
);

/** Elements whose content is raw text up to their end tag (HTML §13.1.2); all are removed with their content. */
export const rawTextTags: ReadonlySet<string> = new Set([
  "script",
  "style",
  "textarea",
  "title",
  "xmp",
  "iframe",
  "noembed",
  "noframes",
  "noscript",
  "plaintext",
]);

/** Other elements removed together with everything inside them. */
export const droppedWithContent: ReadonlySet<string> = new Set([
  "template",
  "object",
  "svg",
  "math",
  "select",
  "frameset",
]);

/** Elements without content or end tag. */
export const voidTags: ReadonlySet<string> = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

/** Attributes holding a URL: made absolute, and dropped unless http(s) (or mailto: for links). */
export const urlAttributes: ReadonlySet<string> = new Set(["href", "src", "cite", "poster"]);

/** Start tags that end an open element implicitly (HTML's optional end tags), so that output nests as read. */
const blocks =
  "address article aside blockquote div dl fieldset figure footer form h1 h2 h3 h4 h5 h6 header hr main nav ol p pre section table ul";
export const impliedEnds: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ...blocks.split(" ").map((tag): [string, ReadonlySet<string>] => [tag, new Set(["p"])]),
  ["li", new Set(["li", "p"])],
  ["dt", new Set(["dt", "dd", "p"])],
  ["dd", new Set(["dt", "dd", "p"])],
  ["tr", new Set(["tr", "td", "th"])],
  ["td", new Set(["td", "th"])],
  ["th", new Set(["td", "th"])],
  ["thead", new Set(["tbody", "tfoot", "tr", "td", "th"])],
  ["tbody", new Set(["thead", "tfoot", "tr", "td", "th"])],
  ["tfoot", new Set(["thead", "tbody", "tr", "td", "th"])],
]);

/** Everything the sanitiser needs to know about a tag, in one lookup. */
export type TagInfo = {
  /** Attributes kept; null when the tag itself is removed. */
  allowed: ReadonlySet<string> | null;
  /** Attributes to read from the tag (the kept ones, plus those that stand in for them). */
  read: ReadonlySet<string> | null;
  /** "raw": removed with its raw-text content; "drop": removed with its content; "keep": written; "skip": removed. */
  action: "raw" | "drop" | "keep" | "skip";
  impliedEnds: ReadonlySet<string> | null;
  isVoid: boolean;
  /** "<p>" and "</p>", written often enough to be made once. */
  startTag: string;
  endTag: string;
};

const lazySources = ["data-src", "data-lazy-src"];

export const tagInfo: ReadonlyMap<string, TagInfo> = new Map(
  [...new Set([...allowedTags.keys(), ...rawTextTags, ...droppedWithContent, ...impliedEnds.keys(), ...voidTags])].map(
    (name): [string, TagInfo] => {
      const allowed = allowedTags.get(name) ?? null;
      const read = allowed && name === "img" ? new Set([...allowed, ...lazySources]) : allowed;
      const action = rawTextTags.has(name) ? "raw" : droppedWithContent.has(name) ? "drop" : allowed ? "keep" : "skip";
      return [
        name,
        {
          allowed,
          read: read?.size ? read : null,
          action,
          impliedEnds: impliedEnds.get(name) ?? null,
          isVoid: voidTags.has(name),
          startTag: `<${name}>`,
          endTag: `</${name}>`,
        },
      ];
    },
  ),
);
