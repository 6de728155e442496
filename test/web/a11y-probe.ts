/**
 * Accessibility checks run inside the page (passed to page.evaluate, so self-contained): landmarks, a label for
 * every field, and the contrast of every piece of visible text against the background it is drawn on.
 */
export type A11yReport = {
  landmarks: { main: number; banner: number; contentinfo: number; h1: number };
  unlabelled: string[];
  lowContrast: Array<{ text: string; ratio: number; color: string; background: string }>;
  checkedTexts: number;
};

export function a11yProbe(): A11yReport {
  const parse = (value: string): [number, number, number, number] => {
    const m = /rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)(?:[, /]+([\d.]+))?\)/.exec(value);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : [0, 0, 0, 0];
  };
  const luminance = ([r, g, b]: number[]) => {
    const channel = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r as number) + 0.7152 * channel(g as number) + 0.0722 * channel(b as number);
  };
  /** The opaque colour behind an element: its own and its ancestors' backgrounds blended, over white. */
  const backgroundOf = (start: Element): number[] => {
    const layers: Array<[number, number, number, number]> = [];
    for (let el: Element | null = start; el; el = el.parentElement) {
      const bg = parse(getComputedStyle(el).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    let color = [255, 255, 255];
    for (const [r, g, b, a] of layers.reverse())
      color = [
        r * a + (color[0] as number) * (1 - a),
        g * a + (color[1] as number) * (1 - a),
        b * a + (color[2] as number) * (1 - a),
      ];
    return color;
  };
  const landmarks = {
    main: document.querySelectorAll("main").length,
    banner: [...document.querySelectorAll("header")].filter((h) => !h.closest("main,article,section")).length,
    contentinfo: [...document.querySelectorAll("footer")].filter((f) => !f.closest("main,article,section")).length,
    h1: document.querySelectorAll("h1").length,
  };
  const unlabelled: string[] = [];
  for (const field of document.querySelectorAll("input,select,textarea")) {
    const input = field as HTMLInputElement;
    if (input.type === "hidden") continue;
    const labelled =
      (input.labels && input.labels.length > 0 && [...input.labels].some((l) => l.textContent?.trim())) ||
      input.getAttribute("aria-label")?.trim() ||
      input.getAttribute("aria-labelledby");
    if (!labelled) unlabelled.push(input.outerHTML.slice(0, 80));
  }
  const lowContrast: A11yReport["lowContrast"] = [];
  let checkedTexts = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    const el = node.parentElement;
    if (!text || !el) continue;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (style.visibility === "hidden" || style.display === "none" || box.width === 0 || box.right < 0) continue;
    checkedTexts += 1;
    const fg = parse(style.color);
    const bg = backgroundOf(el);
    const blended = [0, 1, 2].map((i) => (fg[i] as number) * fg[3] + (bg[i] as number) * (1 - fg[3]));
    const [a, b] = [luminance(blended), luminance(bg)].sort((x, y) => y - x) as [number, number];
    const ratio = (a + 0.05) / (b + 0.05);
    if (ratio < 4.5)
      lowContrast.push({
        text: text.slice(0, 40),
        ratio: Math.round(ratio * 100) / 100,
        color: style.color,
        background: `rgb(${bg.map(Math.round).join(",")})`,
      });
  }
  return { landmarks, unlabelled, lowContrast, checkedTexts };
}
