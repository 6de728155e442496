/**
 * What a parsed page may cost. The steps after parsing (boilerplate removal, Readability) look at each element's
 * ancestors and text, so their time grows with depth × size; these bounds keep a hostile page to a few seconds while
 * leaving real pages (depth under 40, a few thousand elements) untouched.
 */

/** Elements kept, in document order; the rest of a page past this point is dropped. */
export const maxElements = 30_000;
/** Nesting depth kept; deeper markup (unclosed tags, generated junk) is flattened into paragraphs. */
export const maxDepth = 64;

export type TreeBounds = { flattened: number; truncated: boolean };

/**
 * Applies `maxDepth` and `maxElements` to a parsed page in place, without recursion: an element at the depth limit
 * has its content rebuilt as flat paragraphs (text, line breaks and links kept), and everything after the
 * `maxElements`-th element is removed.
 */
export function boundTree(root: Element, limits = { maxDepth, maxElements }): TreeBounds {
  const bounds: TreeBounds = { flattened: 0, truncated: false };
  const stack: [Element, number][] = [[root, 0]];
  let count = 0;
  while (stack.length > 0) {
    const [el, depth] = stack.pop() as [Element, number];
    count += 1;
    if (count > limits.maxElements) {
      removeAfter(el, root);
      el.remove();
      bounds.truncated = true;
      break;
    }
    if (depth >= limits.maxDepth && el.firstElementChild) {
      bounds.flattened += 1;
      const created = flatten(el, limits.maxElements - count);
      count += created;
      if (count >= limits.maxElements) {
        removeAfter(el, root);
        bounds.truncated = true;
        break;
      }
      continue;
    }
    const children = [...el.children];
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push([children[i] as Element, depth + 1]);
  }
  return bounds;
}

/** Removes everything after `el` in document order, up to the end of `root`. */
function removeAfter(el: Element, root: Element): void {
  let node: Node | null = el;
  while (node && node !== root) {
    while (node.nextSibling) node.nextSibling.remove();
    node = node.parentNode;
  }
}

const blockTags =
  /^(?:ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DIV|DL|DT|FIGURE|FOOTER|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TD|TH|TR|UL)$/;

type Link = { kind: "link"; href: string | null; text: string };
type Piece = { kind: "text"; text: string } | { kind: "break" } | Link;

/** Replaces the content of `el` with flat paragraphs holding the same text; returns the elements created. */
function flatten(el: Element, budget: number): number {
  const pieces: Piece[] = [];
  let link: Link | null = null;
  let linkOwner: Node | null = null;
  const leave = (node: Node) => {
    if (node === linkOwner) {
      link = null;
      linkOwner = null;
    } else if (blockTags.test((node as Element).tagName)) {
      pieces.push({ kind: "break" });
    }
  };
  let node: Node | null = el.firstChild;
  while (node) {
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? "";
      if (link) (link as Link).text += text;
      else pieces.push({ kind: "text", text });
    } else if (node.nodeType === 1) {
      const tag = (node as Element).tagName;
      if (tag === "A" && !link) {
        link = { kind: "link", href: (node as Element).getAttribute("href"), text: "" };
        linkOwner = node;
        pieces.push(link);
      } else if (tag === "BR" || blockTags.test(tag)) {
        pieces.push({ kind: "break" });
      }
      if (node.firstChild) {
        node = node.firstChild;
        continue;
      }
      leave(node);
    }
    while (node && node !== el && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== el) leave(node);
    }
    node = node && node !== el ? node.nextSibling : null;
  }
  return rebuild(el, pieces, budget);
}

function rebuild(el: Element, pieces: Piece[], budget: number): number {
  const document = el.ownerDocument;
  while (el.lastChild) el.lastChild.remove();
  let created = 0;
  let paragraph: Element | null = null;
  for (const piece of pieces) {
    if (piece.kind === "break") {
      paragraph = null;
      continue;
    }
    if (created >= budget) break;
    if (!paragraph) {
      paragraph = document.createElement("p");
      el.append(paragraph);
      created += 1;
    }
    if (piece.kind === "text") {
      paragraph.append(document.createTextNode(piece.text));
    } else {
      const a = document.createElement("a");
      if (piece.href !== null) a.setAttribute("href", piece.href);
      a.append(document.createTextNode(piece.text));
      paragraph.append(a);
      created += 1;
    }
  }
  return created;
}
