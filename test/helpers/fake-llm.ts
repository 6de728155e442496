import type { IncomingMessage, ServerResponse } from "node:http";
import { startServer } from "./http.ts";

export type FakeMessage = { role: string; content: string };

/** One request the fake model received. */
export type FakeRequest = {
  body: {
    model?: string;
    messages: FakeMessage[];
    temperature?: number;
    max_tokens?: number;
    response_format?: unknown;
  } & Record<string, unknown>;
  authorization: string | null;
  /** The system message, the first user message (the section prompt) and the last user message. */
  system: string;
  prompt: string;
  last: string;
  /** Whether this is a retry after an answer the writer rejected (the conversation has an assistant turn). */
  retry: boolean;
};

/**
 * What the script answers: the assistant's content as a string; or content with chosen token counts; or an HTTP
 * status with a body; or a delay before any of these (longer than the writer's timeout to test one).
 */
export type FakeReply =
  | string
  | { content: string; promptTokens?: number; completionTokens?: number; finishReason?: string }
  | { status: number; body?: string }
  | { delayMs: number; reply: FakeReply };

export type FakeScript = (request: FakeRequest, index: number) => FakeReply | Promise<FakeReply>;

export type FakeLlm = {
  /** The base URL to configure (…/v1). */
  baseUrl: string;
  requests: FakeRequest[];
  /** Replaces the script for the requests that follow. */
  script: FakeScript;
  close(): Promise<void>;
};

/** Tokens as the fake counts them: a token per four characters, so tests can predict the account. */
export function fakeTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * A real HTTP server on loopback speaking the OpenAI chat-completions protocol (POST /v1/chat/completions), scripted
 * per test by a function from the request to the answer, recording every request.
 *
 * @example
 * const llm = await startFakeLlm((req) => JSON.stringify({ paragraph: "…" }));
 * // new LlmWriter({ baseUrl: llm.baseUrl, … })
 */
export async function startFakeLlm(script: FakeScript): Promise<FakeLlm> {
  const fake = { requests: [] as FakeRequest[], script };
  const server = await startServer((req, res) => {
    void handle(fake, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: String(error) } }));
    });
  });
  return {
    baseUrl: `${server.url}/v1`,
    get requests() {
      return fake.requests;
    },
    get script() {
      return fake.script;
    },
    set script(next: FakeScript) {
      fake.script = next;
    },
    close: server.close,
  };
}

async function handle(
  fake: { requests: FakeRequest[]; script: FakeScript },
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { message: `No route ${req.method} ${req.url}` } }));
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as FakeRequest["body"];
  const users = body.messages.filter((m) => m.role === "user");
  const request: FakeRequest = {
    body,
    authorization: req.headers.authorization ?? null,
    system: body.messages.find((m) => m.role === "system")?.content ?? "",
    prompt: users[0]?.content ?? "",
    last: users.at(-1)?.content ?? "",
    retry: body.messages.some((m) => m.role === "assistant"),
  };
  const index = fake.requests.length;
  fake.requests.push(request);
  await reply(res, await fake.script(request, index), body);
}

async function reply(res: ServerResponse, answer: FakeReply, body: FakeRequest["body"]): Promise<void> {
  if (typeof answer === "object" && "delayMs" in answer) {
    await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (res.destroyed) return;
    return reply(res, answer.reply, body);
  }
  if (typeof answer === "object" && "status" in answer) {
    res.writeHead(answer.status, { "content-type": "application/json" });
    res.end(answer.body ?? JSON.stringify({ error: { message: `scripted ${answer.status}`, type: "server_error" } }));
    return;
  }
  const { content, promptTokens, completionTokens, finishReason } =
    typeof answer === "string" ? { content: answer } : answer;
  const prompt = promptTokens ?? fakeTokens(body.messages.map((m) => m.content).join(""));
  const completion = completionTokens ?? fakeTokens(content);
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      id: `chatcmpl-fake-${Date.now().toString(36)}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: body.model ?? "fake",
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: finishReason ?? "stop" }],
      usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
    }),
  );
}
