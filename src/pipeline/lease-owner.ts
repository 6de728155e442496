import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/** A name for this run's claims on pending articles: machine, process and a random part ("box#4242#9f3a…"). */
export function leaseOwner(): string {
  return `${hostname()}#${process.pid}#${randomBytes(4).toString("hex")}`;
}

/**
 * True when `owner` is a run on this machine whose process is gone (killed, crashed): its claims can be taken over
 * at once instead of waiting for them to lapse. Runs on other machines are judged by their lease's expiry alone.
 */
export function isDeadLocalOwner(owner: string): boolean {
  const parts = owner.split("#");
  if (parts.length < 3) return false;
  const pid = Number(parts.at(-2));
  const host = parts.slice(0, -2).join("#");
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
