import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { contentWords } from "./standin-text.ts";

/**
 * A stand-in for an LLM answering the clustering judge's "same real-world event?" (POST /v1/chat/completions), for
 * tests and evaluation: a real HTTP server on loopback that reads the two items out of the question and answers
 * from their text alone — how many names and numbers they share, and how much of their titles and summaries. It
 * is NOT a language model and reads no labels: a real model that understands the stories does better, so what the
 * judge gains with this stand-in is a lower bound.
 */
export type JudgeStandin = {
  baseUrl: string;
  /** Questions received. */
  requests: number;
  /** Answer every request with this HTTP status instead (null: answer normally). */
  failWith: number | null;
  close(): Promise<void>;
};

type Shown = { title: string; summary: string };

/** Capitalised words inside sentences and numbers: the names and figures an item states, lower-cased. */
function namesAndNumbers(text: string): Set<string> {
  const out = new Set<string>();
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    const tokens = sentence.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
    tokens.forEach((token, i) => {
      if (/^\d/.test(token) || (i > 0 && /^\p{Lu}/u.test(token))) out.add(token.toLowerCase());
    });
  }
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/** Share of evidence the two items have in common at which the stand-in answers "same". */
const sameFrom = 0.3;

/** The stand-in's verdict on two items (what the server answers; exported so tests can predict it). */
export function standinVerdict(a: Shown, b: Shown): boolean {
  const names = dice(namesAndNumbers(`${a.title}. ${a.summary}`), namesAndNumbers(`${b.title}. ${b.summary}`));
  const titles = dice(new Set(contentWords(a.title)), new Set(contentWords(b.title)));
  const summaries = dice(new Set(contentWords(a.summary)), new Set(contentWords(b.summary)));
  return 0.4 * names + 0.35 * titles + 0.25 * summaries >= sameFrom;
}

/** The two items of a judge question ("Item A\nTitle: …\nSummary: …"), or null when the text is not one. */
export function parseQuestion(text: string): [Shown, Shown] | null {
  const item = (label: string) =>
    new RegExp(
      `Item ${label}\\nTitle: (.*)\\nSummary: ([\\s\\S]*?)(?:\\n\\nItem |\\n\\nSame real-world event\\?|$)`,
    ).exec(text);
  const a = item("A");
  const b = item("B");
  if (!a || !b) return null;
  return [
    { title: a[1] ?? "", summary: a[2] ?? "" },
    { title: b[1] ?? "", summary: b[2] ?? "" },
  ];
}

export async function startJudgeStandin(): Promise<JudgeStandin> {
  const state: JudgeStandin = { baseUrl: "", requests: 0, failWith: null, close: async () => {} };
  const server = createServer((req, res) => {
    handle(req, res, state).catch(() => reply(res, 500, { error: { message: "stand-in failed" } }));
  });
  // Longer than any pause between a run's requests: an idle connection closed under a client reusing it resets.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  state.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

async function handle(req: IncomingMessage, res: ServerResponse, state: JudgeStandin) {
  let body = "";
  for await (const chunk of req) body += chunk;
  if (req.method !== "POST" || !req.url?.endsWith("/chat/completions"))
    return reply(res, 404, { error: { message: "not found" } });
  state.requests += 1;
  if (state.failWith !== null) return reply(res, state.failWith, { error: { message: "stand-in told to fail" } });
  const parsed = JSON.parse(body) as { messages?: Array<{ role: string; content: string }> };
  const question = parsed.messages?.filter((m) => m.role === "user").at(-1)?.content ?? "";
  const items = parseQuestion(question);
  const content = items ? JSON.stringify({ same: standinVerdict(...items) }) : "I cannot tell.";
  const promptTokens = (parsed.messages ?? []).reduce((n, m) => n + Math.ceil(m.content.length / 4), 0);
  reply(res, 200, {
    id: `standin-${state.requests}`,
    object: "chat.completion",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage: { prompt_tokens: promptTokens, completion_tokens: Math.ceil(content.length / 4) },
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
