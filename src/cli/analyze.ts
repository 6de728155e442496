import { createInterface } from "node:readline";
import type { Analysis, Entity } from "../model/entity.ts";
import { analyzeText } from "../stories/index.ts";
import { color, printTable } from "./output.ts";

/** An entity as the command-line contract publishes it: no offsets, optional fields only when present. */
export function publicEntity(entity: Entity) {
  return {
    type: entity.type,
    text: entity.text,
    normalized: entity.normalized,
    ...(entity.ticker ? { ticker: entity.ticker } : {}),
    ...(entity.value !== undefined ? { value: entity.value } : {}),
    ...(entity.unit ? { unit: entity.unit } : {}),
  };
}

/** One `analyze --jsonl` output object. */
export function publicAnalysis(text: string, analysis: Analysis) {
  return {
    text,
    sentiment: { label: analysis.sentiment.label, score: analysis.sentiment.score },
    entities: analysis.entities.map(publicEntity),
  };
}

/** A line of input: the text itself, or a JSON string or a `{"text": …}` object holding it. */
function lineText(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith('"') || trimmed.startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (typeof parsed === "string") return parsed;
      if (parsed && typeof parsed === "object" && "text" in parsed && typeof parsed.text === "string")
        return parsed.text;
    } catch {
      // Not JSON: the line is the text.
    }
  }
  return line;
}

async function write(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once("drain", resolve));
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * `daybrief analyze [TEXT] [--jsonl]`: entities and sentiment of TEXT as tables; with --jsonl one JSON object per
 * stdin line (blank lines are skipped); without TEXT and without --jsonl, all of stdin is one text.
 */
export async function analyzeCommand(text: string | undefined, opts: { jsonl?: boolean }): Promise<void> {
  if (opts.jsonl && text === undefined) {
    const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      if (!line.trim()) continue;
      const input = lineText(line);
      await write(`${JSON.stringify(publicAnalysis(input, analyzeText(input)))}\n`);
    }
    return;
  }
  const input = text ?? (await readAll(process.stdin));
  const analysis = analyzeText(input);
  if (opts.jsonl) await write(`${JSON.stringify(publicAnalysis(input, analysis))}\n`);
  else printAnalysis(analysis);
}

function printAnalysis(analysis: Analysis): void {
  const { label, score } = analysis.sentiment;
  const paint = label === "positive" ? color.green : label === "negative" ? color.red : color.dim;
  process.stdout.write(`${color.bold("Sentiment")} ${paint(label)} ${score.toFixed(2)}\n\n`);
  if (analysis.entities.length === 0) process.stdout.write("No entities found.\n");
  else
    printTable(
      ["type", "text", "normalized", "ticker", "value", "unit"],
      analysis.entities.map((e) => [e.type, e.text, e.normalized, e.ticker ?? "", formatValue(e), e.unit ?? ""]),
    );
  if (analysis.entitySentiments.length > 0) {
    process.stdout.write("\n");
    printTable(
      ["company", "ticker", "sentiment", "score"],
      analysis.entitySentiments.map((s) => [s.normalized, s.ticker ?? "", s.label, s.score.toFixed(2)]),
    );
  }
}

function formatValue(entity: Entity): string {
  if (entity.value === undefined) return "";
  if (entity.type === "money") return `$${entity.value.toLocaleString("en-US", { maximumFractionDigits: 2 })}`;
  return entity.value.toLocaleString("en-US", { maximumFractionDigits: 3 });
}
