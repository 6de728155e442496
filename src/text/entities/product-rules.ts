import { editionWords } from "./products.ts";
import { claim, freeAfter, type Scan } from "./scan.ts";

// Model and chip names are written with digits (H100, MI450, Trainium3, GPT-5.1, Qwen3-235B-A22B, MAI-1-preview);
// a name with digits that is not a period, a standard or a form is taken as a product.

const withDigits = /^\p{Lu}[\p{L}]*\d[\p{L}\p{N}.]*$|^\p{Lu}[\p{L}\p{N}.]*(?:-[\p{L}\p{N}.]+)+$/u;
const notProducts =
  /^(?:FY\d+|CY\d+|Q[1-4]|H[12]|[1-4]Q\d*|COVID-19|Covid-19|MP[34]|CO2|B2[BC]|P2P|G[0-9]+|S-[14]|F-1|K-12|Y2K|Web[23]|A2A|SOC2|ISO\d+|PCIe\d*|USB\d*|IPv[46]|HTTP\d*|TLS\d*|DDR\d*|LPDDR\d*|R&D|M&A|U\d+|Phase-\d+)$/;
const wordPrefixes =
  /^(?:Top|Mid|Pre|Post|Late|Early|Series|Phase|Tier|Level|Type|Class|Year|Day|Week|Section|Article|Chapter|Form|Round|Part|Title|Wave|Stage|Next|Pre|Non|Anti|Multi|Over|Under|Near|Full|Half|Third|Second|First)-/;
const trailingWords =
  /-(?:based|backed|led|powered|class|level|scale|style|like|era|sized|size|grade|ready|native|first|only|made|built|owned|funded|linked|related|focused|driven|enabled|optimi[sz]ed|compatible|equivalent|generation|gen|series|family|model|models|chip|chips)$/;
const version = /^(?:\d{1,3}(?:\.\d+)*[a-z]?|[A-Z]\d+(?:\.\d+)?|NVL\d+|\d+[A-Z])$/;
const scaleAfter = /^(?:percent|per|billion|million|trillion|thousand|bn|mn|GW|MW|nm|x)$/;

/** A token with digits that names a product: "H100", "Trainium3", "GPT-5.1". Returns the name, or null. */
export function productName(token: string): string | null {
  if (token.length < 3 || !/\d/.test(token) || !withDigits.test(token)) return null;
  let name = token;
  while (trailingWords.test(name)) name = name.replace(trailingWords, "");
  if (name.length < 2 || !/\d/.test(name) || notProducts.test(name) || wordPrefixes.test(name)) return null;
  // A plural of a chip name: "H100s".
  if (/\ds$/.test(name)) name = name.slice(0, -1);
  return name;
}

/**
 * Extends a product name over the version and edition words after it: "Gemini" + "3 Pro", "Kimi" + "K2 Thinking",
 * "GB200" + "NVL72". Returns the index of the last token of the name.
 */
export function extendProduct(scan: Scan, last: number, allowVersion: boolean): number {
  let end = last;
  for (let i = last + 1; i <= last + 4 && freeAfter(scan, i); i += 1) {
    const word = scan.tokens[i]?.text ?? "";
    const isVersion = allowVersion && version.test(word) && !/^(?:19|20)\d\d$/.test(word);
    if (isVersion) {
      const next = scan.tokens[i + 1]?.text ?? "";
      if (scaleAfter.test(next)) break;
      end = i;
      continue;
    }
    if (editionWords.has(word) || /^NVL\d+$/.test(word)) {
      end = i;
      continue;
    }
    break;
  }
  return end;
}

// "Tomahawk 6 switch", "Maia 200 chip": an unknown name with a version, followed by what kind of product it is.
const productKinds =
  /^(?:chip|chips|processor|processors|accelerator|accelerators|GPU|GPUs|CPU|CPUs|TPU|TPUs|model|models|switch|switches|server|servers|rack|racks|supercomputer|platform|app|assistant|chatbot|agent|glasses|headset|phone|smartphone|robot|robots|cluster|superchip|system|systems)$/;

/** A name, a version and a kind of product: "Tomahawk 6 switch" is the product "Tomahawk 6". */
export function findNamedVersions(scan: Scan): void {
  for (let i = 0; i + 2 < scan.tokens.length; i += 1) {
    if (scan.caps[i + 1] !== 2 || scan.caps[i] !== 1 || scan.taken[i]) continue;
    if (!freeAfter(scan, i + 1) || !freeAfter(scan, i + 2)) continue;
    const name = scan.tokens[i]?.text ?? "";
    const number = scan.tokens[i + 1]?.text ?? "";
    if (!/^\p{Lu}\p{Ll}+$/u.test(name) || !/^\d{1,3}(?:\.\d)?[A-Za-z]?$/.test(number)) continue;
    if (!productKinds.test(scan.tokens[i + 2]?.text ?? "")) continue;
    const entity = claim(scan, i, i + 1, { type: "product", normalized: "" });
    if (entity) entity.normalized = entity.text;
    i += 1;
  }
}

/** Products written with digits, and DeepSeek's short names (R1, V3.2) in a text that names DeepSeek. */
export function findDigitProducts(scan: Scan): void {
  const deepSeek = scan.text.includes("DeepSeek");
  for (let i = 0; i < scan.tokens.length; i += 1) {
    if (scan.taken[i] || scan.caps[i] !== 1) continue;
    const token = scan.tokens[i]?.text ?? "";
    if (deepSeek && /^[RV]\d(?:\.\d+)?(?:-[A-Za-z]+)?$/.test(token)) {
      claim(scan, i, i, { type: "product", normalized: `DeepSeek-${token}` });
      continue;
    }
    const name = productName(token);
    if (!name) continue;
    const end = extendProduct(scan, i, false);
    const start = scan.tokens[i]?.start ?? 0;
    const entity = claim(scan, i, end, { type: "product", normalized: name });
    if (entity && end > i) entity.normalized = entity.text;
    // Trailing words ("-based") are not part of the name.
    if (entity && end === i && name !== token && !/\ds$/.test(token)) {
      entity.text = name;
      entity.end = start + name.length;
    }
  }
}
