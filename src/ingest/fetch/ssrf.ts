import { type LookupAddress, type LookupAllOptions, lookup } from "node:dns";
import { BlockList, isIP } from "node:net";
import { DaybriefError } from "../../errors.ts";

/**
 * Addresses a feed or article fetch must never reach unless private networks are allowed: loopback, private,
 * carrier-grade NAT, link-local (which holds cloud metadata endpoints), multicast, reserved and documentation ranges.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
  ["100::", 64],
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

const metadataHosts = new Set(["metadata.google.internal", "metadata.goog", "metadata", "instance-data"]);

/** True when the address (IPv4 or IPv6, including IPv4-mapped and NAT64 forms) is not on the public internet. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  const lower = address.toLowerCase();
  const embedded = embeddedIpv4(lower);
  if (embedded) return blocked.check(embedded, "ipv4");
  return blocked.check(lower, "ipv6");
}

function embeddedIpv4(address: string): string | null {
  const mapped = /^(?:::ffff:|64:ff9b::|::)(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped?.[1]) return mapped[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (hex?.[1] && hex[2]) {
    const high = Number.parseInt(hex[1], 16);
    const low = Number.parseInt(hex[2], 16);
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  }
  return null;
}

/** Refuses a URL whose host is a blocked IP literal or a metadata name; names are checked again at connect time. */
export function assertPublicUrl(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (metadataHosts.has(host) || host === "localhost" || host.endsWith(".localhost")) {
    throw blockedError(url.hostname, host);
  }
  if (isIP(host) && isBlockedAddress(host)) throw blockedError(url.hostname, host);
}

function blockedError(host: string, address: string): DaybriefError {
  return new DaybriefError("E_URL_BLOCKED", `Refused to fetch from ${host} (${address}): not a public address.`, {
    details: { host, address },
  });
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net.connect that resolves the name and refuses private answers. Checking at connect time, not
 * before the request, defeats DNS rebinding: the address connected to is the address checked.
 */
export function guardedLookup(hostname: string, options: LookupAllOptions | object, callback: LookupCallback): void {
  lookup(hostname, { ...(options as object), all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const bad = addresses.find((entry) => isBlockedAddress(entry.address));
    if (bad) {
      const refusal = blockedError(hostname, bad.address) as unknown as NodeJS.ErrnoException;
      return callback(refusal, []);
    }
    if ((options as LookupAllOptions).all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`No address for ${hostname}`), { code: "ENOTFOUND" }), []);
    callback(null, first.address, first.family);
  });
}
