import type { Socket } from "node:net";
import PostalMime, { type Email } from "postal-mime";
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";

/** What the sink does with one message once its whole body has arrived. */
export type DataVerdict =
  | "accept"
  /** Keep the message (as a server that delivered it would) and never reply. */
  | "hang"
  /** Keep the message, then cut every open connection before replying. */
  | "drop"
  | { code: number; message: string };

export type SinkBehaviour = {
  /** Reply to RCPT TO: null accepts. `attempt` counts this address's RCPTs from 1. */
  rcpt?: (address: string, attempt: number) => { code: number; message: string } | null;
  /** `index` counts the messages whose body arrived, from 0. */
  data?: (to: string, index: number) => DataVerdict;
};

export type ReceivedMessage = { to: string; raw: Buffer };

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * A real SMTP server on loopback (smtp-server) that keeps what it receives, with hooks to refuse, defer, hang or
 * drop — the failing servers a send must survive. It can be stopped and started again on the same port.
 */
export class SmtpSink {
  readonly messages: ReceivedMessage[] = [];
  behaviour: SinkBehaviour;
  #server: SMTPServer | null = null;
  #sockets = new Set<Socket>();
  #rcpts = new Map<string, number>();
  #dataCount = 0;
  port = 0;

  constructor(behaviour: SinkBehaviour = {}) {
    this.behaviour = behaviour;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(port = this.port): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      size: 10 * 1024 * 1024,
      onRcptTo: (address, _session, callback) => {
        const attempt = (this.#rcpts.get(address.address) ?? 0) + 1;
        this.#rcpts.set(address.address, attempt);
        const refusal = this.behaviour.rcpt?.(address.address, attempt) ?? null;
        callback(refusal ? smtpError(refusal.code, refusal.message) : null);
      },
      onData: (stream: SMTPServerDataStream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const to = session.envelope.rcptTo[0]?.address ?? "";
          const index = this.#dataCount++;
          const verdict = this.behaviour.data?.(to, index) ?? "accept";
          if (typeof verdict === "object") return callback(smtpError(verdict.code, verdict.message));
          this.messages.push({ to, raw: Buffer.concat(chunks) });
          if (verdict === "hang") return;
          if (verdict === "drop") {
            for (const socket of this.#sockets) socket.destroy();
            return;
          }
          callback(null, "250 2.0.0 queued");
        });
      },
    });
    server.server.on("connection", (socket: Socket) => {
      this.#sockets.add(socket);
      socket.once("close", () => this.#sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    server.on("error", () => {});
    this.port = (server.server.address() as { port: number }).port;
    this.#server = server;
    return this;
  }

  /** Closes the server and cuts every connection (a server going down). */
  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (!server) return;
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** How many copies each address received. */
  copies(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.messages) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
    return counts;
  }

  parse(message: ReceivedMessage): Promise<Email> {
    return PostalMime.parse(message.raw);
  }
}

/** A port nothing listens on (taken from the OS, then released). */
export async function freePort(): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
