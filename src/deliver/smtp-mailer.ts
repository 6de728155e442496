import net from "node:net";
import { Readable } from "node:stream";
import nodemailer, { type Transporter } from "nodemailer";
import DKIM from "nodemailer/lib/dkim/index.js";
import type SMTPPool from "nodemailer/lib/smtp-pool/index.js";
import { type Mailer, MailFailure, type MailReceipt, type OutgoingMessage } from "./mailer.ts";

export type SmtpMailerOptions = {
  /** smtp://[user:pass@]host[:port] (STARTTLS when offered) or smtps:// (TLS from the start). */
  url: string;
  /** Connections kept open at once. */
  pool: number;
  /** Longest silence from the server before the connection is given up. */
  timeoutMs: number;
  dkim?: { domain: string; selector: string; privateKey: string } | null;
};

type SmtpUrl = {
  host: string;
  port: number;
  secure: boolean;
  auth: { user: string; pass: string } | null;
  requireTLS: boolean;
  ignoreTLS: boolean;
  rejectUnauthorized: boolean;
};

/**
 * Reads an SMTP URL. Query flags: `requireTLS=true` (refuse a server without STARTTLS), `ignoreTLS=true` (never
 * upgrade), `rejectUnauthorized=false` (accept a self-signed certificate).
 *
 * @example
 * parseSmtpUrl("smtps://mailer:s3cret@smtp.example.com") // { host: "smtp.example.com", port: 465, secure: true, … }
 */
export function parseSmtpUrl(url: string): SmtpUrl {
  const parsed = new URL(url);
  const secure = parsed.protocol === "smtps:";
  const flag = (name: string) => parsed.searchParams.get(name)?.toLowerCase();
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ""),
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    auth: parsed.username
      ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) }
      : null,
    requireTLS: flag("requiretls") === "true",
    ignoreTLS: flag("ignoretls") === "true",
    rejectUnauthorized: flag("rejectunauthorized") !== "false",
  };
}

/** The URL without its password, for messages and logs. */
export function redactSmtpUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(an invalid SMTP URL)";
  }
}

/** Errors of the connection itself, before any SMTP was spoken: the server is not there. */
const unreachable = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EDNS"]);
const sessionCommands = new Set(["CONN", "EHLO", "HELO", "LHLO", "STARTTLS", "GREETING"]);

type NodemailerError = Error & {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  connectFailed?: boolean;
  syscall?: string;
};

/**
 * A Mailer over nodemailer's SMTP connection pool. It opens the sockets itself, with Nagle's algorithm off
 * (otherwise every message waits on the server's delayed ACK, about 40 ms), signs with DKIM when configured,
 * and turns nodemailer's errors into MailFailures that say whether the message may have been delivered.
 */
export class SmtpMailer implements Mailer {
  readonly #transport: Transporter;
  readonly #dkim: DKIM | null;

  constructor(options: SmtpMailerOptions) {
    const smtp = parseSmtpUrl(options.url);
    this.#dkim = options.dkim
      ? new DKIM({
          domainName: options.dkim.domain,
          keySelector: options.dkim.selector,
          privateKey: options.dkim.privateKey,
        })
      : null;
    const connectTimeout = Math.min(options.timeoutMs, 30_000);
    const poolOptions: SMTPPool.Options & { maxRequeues: number } = {
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      ...(smtp.auth ? { auth: smtp.auth } : {}),
      requireTLS: smtp.requireTLS,
      ignoreTLS: smtp.ignoreTLS,
      tls: { rejectUnauthorized: smtp.rejectUnauthorized, servername: smtp.host },
      pool: true,
      maxConnections: options.pool,
      maxMessages: 100,
      // A message whose connection closed mid-transaction comes back to the engine, which knows whether its body
      // was sent; nodemailer's own requeue would resend it unseen.
      maxRequeues: 0,
      connectionTimeout: connectTimeout,
      greetingTimeout: connectTimeout,
      socketTimeout: options.timeoutMs,
      getSocket: (_options: unknown, callback: (error: Error | null, socket?: { connection: net.Socket }) => void) =>
        openSocket(smtp.host, smtp.port, connectTimeout, callback),
    };
    this.#transport = nodemailer.createTransport(poolOptions);
  }

  async send(message: OutgoingMessage): Promise<MailReceipt> {
    const raw = this.#dkim ? await signed(this.#dkim, message.raw) : message.raw;
    let bodySent = false;
    const stream = Readable.from([raw]);
    stream.once("end", () => {
      bodySent = true;
    });
    try {
      const info = (await this.#transport.sendMail({
        envelope: { from: message.from, to: [message.to] },
        raw: stream,
      })) as { response?: string };
      return { response: info.response ?? "250 OK" };
    } catch (error) {
      throw toMailFailure(error as NodemailerError, bodySent);
    }
  }

  async verify(): Promise<void> {
    try {
      await this.#transport.verify();
    } catch (error) {
      const failure = toMailFailure(error as NodemailerError, false);
      throw failure.kind === "auth" ? failure : new MailFailure("unavailable", failure.message, { cause: error });
    }
  }

  async close(): Promise<void> {
    this.#transport.close();
  }
}

function openSocket(
  host: string,
  port: number,
  timeoutMs: number,
  callback: (error: Error | null, socket?: { connection: net.Socket }) => void,
): void {
  const socket = net.connect({ host, port });
  socket.setNoDelay(true);
  let settled = false;
  const settle = (error: Error | null) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    if (error) {
      socket.destroy();
      // Handing nodemailer's pool an error here leaves its connection slot taken for good (the messages queued
      // behind it never settle). Without a socket it connects by itself, fails the same way, and cleans up.
      callback(null);
    } else {
      callback(null, { connection: socket });
    }
  };
  const timer = setTimeout(
    () => settle(new Error(`No connection to ${host}:${port} within ${timeoutMs} ms`)),
    timeoutMs,
  );
  socket.once("connect", () => settle(null));
  // Once connected, nodemailer listens for errors itself; this listener only reports those of connecting.
  socket.on("error", (error) => settle(error));
}

function signed(dkim: DKIM, raw: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const out = dkim.sign(raw);
    out.on("data", (chunk: Buffer) => chunks.push(chunk));
    out.once("end", () => resolve(Buffer.concat(chunks)));
    out.once("error", reject);
  });
}

function toMailFailure(error: NodemailerError, bodySent: boolean): MailFailure {
  const code = error.responseCode ?? null;
  const response = error.response ?? null;
  const details = { code, response, bodySent, cause: error };
  if (error.code === "EAUTH" && (code === null || code >= 500)) return new MailFailure("auth", error.message, details);
  const command = error.command ?? "";
  if (code !== null && !sessionCommands.has(command)) return new MailFailure("refused", error.message, details);
  if (
    code !== null ||
    error.connectFailed ||
    (error.syscall !== undefined && ["connect", "getaddrinfo"].includes(error.syscall)) ||
    /^(Connection timeout|connect E[A-Z]+|getaddrinfo E[A-Z]+)/.test(error.message) ||
    unreachable.has(error.code ?? "") ||
    /Greeting never received/i.test(error.message)
  ) {
    return new MailFailure("unavailable", error.message, details);
  }
  return new MailFailure("lost", error.message, details);
}
