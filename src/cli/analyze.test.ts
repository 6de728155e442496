import { Readable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { analyzeCommand } from "./analyze.ts";

const stdinDescriptor = Object.getOwnPropertyDescriptor(process, "stdin");

/** Runs the command body with `input` as stdin and returns what it printed. */
async function run(text: string | undefined, opts: { jsonl?: boolean }, input = ""): Promise<string> {
  const printed: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  Object.defineProperty(process, "stdin", { value: Readable.from([Buffer.from(input)]), configurable: true });
  await analyzeCommand(text, opts);
  return printed.join("");
}

afterEach(() => {
  vi.restoreAllMocks();
  if (stdinDescriptor) Object.defineProperty(process, "stdin", stdinDescriptor);
});

describe("daybrief analyze", () => {
  it("with --jsonl writes one object per input line, with exactly the contract's keys", async () => {
    const out = await run(
      undefined,
      { jsonl: true },
      "AWS will invest $11B in Georgia.\n\nShares fell after the miss.\r\n",
    );
    const lines = out
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      text: "AWS will invest $11B in Georgia.",
      sentiment: { label: "neutral", score: 0 },
      entities: [
        { type: "org", text: "AWS", normalized: "Amazon", ticker: "AMZN" },
        { type: "money", text: "$11B", normalized: "USD 11B", value: 11000000000 },
        { type: "place", text: "Georgia", normalized: "Georgia" },
      ],
    });
    expect(lines[1]).toMatchObject({
      text: "Shares fell after the miss.",
      sentiment: { label: "negative" },
      entities: [],
    });
  });

  it("with --jsonl accepts lines that hold a JSON string or a {text} object", async () => {
    const out = await run(
      undefined,
      { jsonl: true },
      '"Nvidia raises $2 billion"\n{"text": "It draws 2.2 gigawatts."}\n',
    );
    const [first, second] = out
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { text: string; entities: unknown[] });
    expect(first?.text).toBe("Nvidia raises $2 billion");
    expect(second?.entities).toEqual([
      { type: "quantity", text: "2.2 gigawatts", normalized: "2.2 GW", value: 2.2, unit: "GW" },
    ]);
  });

  it("prints TEXT's sentiment, entities and per-company sentiment as tables", async () => {
    const out = await run("Synopsys (SNPS) shares fell after the miss.", {});
    expect(out).toMatch(/^Sentiment negative -0\.\d\d\n/);
    expect(out).toMatch(/org\s+Synopsys\s+Synopsys\s+SNPS/);
    expect(out).toMatch(/Synopsys\s+SNPS\s+negative/);
  });

  it("without TEXT reads all of stdin as one text", async () => {
    const out = await run(undefined, {}, "Oracle plans to spend $4.75 billion.\nIt will draw 1 GW.\n");
    expect(out).toMatch(/money\s+\$4\.75 billion\s+USD 4\.75B\s+\$4,750,000,000/);
    expect(out).toMatch(/quantity\s+1 GW\s+1 GW\s+1\s+GW/);
  });
});
