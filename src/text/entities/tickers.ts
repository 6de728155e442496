import type { Entity } from "../../model/entity.ts";
import { companyByTicker, rootCompany } from "./companies.ts";
import { notNames } from "./name-words.ts";
import type { Scan } from "./scan.ts";
import { isCapitalised } from "./tokenize.ts";

// Tickers written in the text: "Synopsys (SNPS)", "(NASDAQ: NVDA)", "$NVDA". A ticker in brackets after an
// organisation confirms it (and gives an unknown one its ticker); a ticker alone names its company.

const EXCHANGE =
  "NASDAQ|Nasdaq|NYSE(?: American| Arca)?|TSE|TYO|TSX|LSE|LON|HKEX|HKG|SEHK|KRX|KOSPI|TWSE|TPE|Euronext|XETRA|ETR|FRA|ASX|SIX|SSE|SZSE|OTC|OTCQX";
const SYMBOL = String.raw`[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?|\d{4,6}(?:\.[A-Z]{1,2})?`;
const bracketed = new RegExp(String.raw`\((?:(${EXCHANGE})\s?:\s?)?(${SYMBOL})(?:[;,/][^)]{0,40})?\)`, "g");
// Tickers that are also words or common abbreviations count only with an exchange or a "$".
const wordTickers = /^(?:NOW|APP|PATH|TEAM|NET|SNAP|SHOP|LITE|SPOT|PINS|DIS|IBM|SAP)$/;
const cashtag = /(?<![\w$])\$([A-Z]{1,5})(?![\w])/g;

/** "Federal Trade Commission (FTC)" defines an abbreviation: the capitals are the initials of the words before. */
function isAbbreviation(words: string[], symbol: string): boolean {
  const initials = words.map((w) => w[0] ?? "").join("");
  return initials === symbol || initials.endsWith(symbol);
}

function entityEndingAt(found: Entity[], text: string, index: number): Entity | null {
  let best: Entity | null = null;
  for (const entity of found) {
    if (entity.type !== "org" || entity.end > index) continue;
    if (text.slice(entity.end, index).trim() === "" && (!best || entity.end > best.end)) best = entity;
  }
  return best;
}

/** The capitalised words just before an index ("Acme Robotics" before " (ACME)"), at most four. */
function wordsBefore(scan: Scan, index: number): { start: number; words: string[] } | null {
  const words: string[] = [];
  let start = index;
  for (let i = scan.tokens.length - 1; i >= 0 && words.length < 4; i -= 1) {
    const token = scan.tokens[i];
    if (!token || token.end > index) continue;
    if (scan.text.slice(token.end, start).trim() !== "" || !isCapitalised(token.text) || notNames.has(token.text))
      break;
    words.unshift(token.text);
    start = token.start;
  }
  return words.length ? { start, words } : null;
}

export function findTickers(scan: Scan): void {
  if (!scan.text.includes("(") && !scan.text.includes("$")) return;
  for (const m of scan.text.matchAll(bracketed)) {
    const [whole, exchange, symbol = ""] = m;
    const before = entityEndingAt(scan.found, scan.text, m.index);
    const end = m.index + whole.length;
    if (before) {
      if (!before.ticker && (exchange || !companyByTicker(symbol))) before.ticker = symbol;
      // The bracket only confirms the name before it: "Advanced Micro Devices (AMD)" is one mention.
      scan.found = scan.found.filter((e) => e.start < m.index || e.end > end);
      continue;
    }
    if (exchange) scan.found = scan.found.filter((e) => e.start < m.index || e.start >= m.index + exchange.length + 1);
    const known = companyByTicker(symbol);
    const words = wordsBefore(scan, m.index);
    // An unknown symbol names a new company only with its exchange: "(SAFE)" after a bill's name is an acronym.
    if (words && !isAbbreviation(words.words, symbol) && (exchange || known)) {
      const name = scan.text.slice(words.start, m.index).trim();
      const normalized = known ? rootCompany(known).name : name;
      scan.found.push({
        type: "org",
        text: name,
        normalized,
        ticker: symbol,
        start: words.start,
        end: words.start + name.length,
      });
    } else if (known && (exchange || (symbol.length >= 3 && !wordTickers.test(symbol)))) {
      const start = m.index + whole.indexOf(symbol, 1);
      const normalized = rootCompany(known).name;
      scan.found.push({ type: "org", text: symbol, normalized, ticker: symbol, start, end: start + symbol.length });
    }
  }
  for (const m of scan.text.matchAll(cashtag)) {
    const symbol = m[1] ?? "";
    const known = companyByTicker(symbol);
    if (!known) continue;
    const start = m.index;
    const named = scan.found.find((e) => e.start === start + 1 && e.type === "org");
    if (named) {
      // "$AMD": the cashtag is one mention with its sign.
      named.start = start;
      named.text = `$${named.text}`;
      named.ticker ??= symbol;
    } else {
      const normalized = rootCompany(known).name;
      scan.found.push({
        type: "org",
        text: `$${symbol}`,
        normalized,
        ticker: symbol,
        start,
        end: start + symbol.length + 1,
      });
    }
  }
}
