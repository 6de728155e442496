/**
 * A local SMTP sink in a process of its own (so the sender is measured without it on its CPU): smtp-server on
 * loopback that reads every message and answers 250. It sends {port} to its parent over IPC, then answers
 * {count} to every "count" message.
 *
 *   fork("bench/smtp-sink-process.ts")
 */
import { SMTPServer } from "smtp-server";

let count = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  maxClients: 200,
  onData(stream, _session, callback) {
    stream.on("data", () => {});
    stream.on("end", () => {
      count += 1;
      callback(null, "250 2.0.0 queued");
    });
  },
});
server.on("error", () => {});
server.listen(0, "127.0.0.1", () => {
  const { port } = server.server.address() as { port: number };
  process.send?.({ port });
});
process.on("message", (message) => {
  if (message === "count") process.send?.({ count });
  if (message === "stop") server.close(() => process.exit(0));
});
