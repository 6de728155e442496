import { type LookupAddress, type LookupAllOptions, lookup } from "node:dns";
import { BlockList, isIP } from "node:net";
import { DaybriefError } from "../../errors.ts";
import { ipv6Groups, lowIpv4 } from "./ip-address.ts";

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
/**
 * IPv6 ranges refused whole. IPv4-compatible ::/96 ("::127.0.0.1" is "::7f00:1"), the IPv4-translated
 * ::ffff:0:0:0/96, local-use NAT64, the IETF protocol block 2001::/23 (Teredo 2001::/32 in it), 6to4 2002::/16
 * (deprecated, and a relay would carry us to the IPv4 address it embeds, private or not), site-local fec0::/10,
 * unique-local, link-local, multicast, discard, documentation and SRv6 ranges: none serves a public feed.
 */
const blockedV6 = new BlockList();
for (const [net, prefix] of [
  ["::", 96],
  ["::ffff:0:0:0", 96],
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001::", 23],
  ["2001:db8::", 32],
  ["2002::", 16],
  ["3fff::", 20],
  ["5f00::", 16],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  blockedV6.addSubnet(net, prefix, "ipv6");
}

const metadataHosts = new Set(["metadata.google.internal", "metadata.goog", "metadata", "instance-data"]);

/**
 * True when the address is not on the public internet. IPv4-mapped (::ffff:0:0/96) and NAT64 (64:ff9b::/96)
 * addresses reach the IPv4 address they carry, so that address is judged; anything that is not an address is
 * refused.
 */
export function isBlockedAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (isIP(bare) === 4) return blocked.check(bare, "ipv4");
  const groups = ipv6Groups(bare);
  if (!groups) return true;
  const [g0, g1, g2, g3, g4, g5] = groups;
  const prefixZero = g2 === 0 && g3 === 0 && g4 === 0;
  const mapped = g0 === 0 && g1 === 0 && prefixZero && g5 === 0xffff;
  const nat64 = g0 === 0x64 && g1 === 0xff9b && prefixZero && g5 === 0;
  if (mapped || nat64) return blocked.check(lowIpv4(groups), "ipv4");
  return blockedV6.check(bare, "ipv6");
}

/**
 * Refuses a URL whose host is a blocked IP literal (in any form the URL parser accepts: "2130706433", "0x7f.1",
 * "[::127.0.0.1]") or a metadata or localhost name; other names are checked again at connect time.
 */
export function assertPublicUrl(url: URL, isBlocked: (address: string) => boolean = isBlockedAddress): void {
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (metadataHosts.has(host) || host === "localhost" || host.endsWith(".localhost")) {
    throw blockedError(url.hostname, host);
  }
  if (isIP(host) && isBlocked(host)) throw blockedError(url.hostname, host);
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
  guardedLookupWith(isBlockedAddress)(hostname, options, callback);
}

/** `guardedLookup` with another address policy (tests let one loopback address through). */
export function guardedLookupWith(isBlocked: (address: string) => boolean) {
  return (hostname: string, options: LookupAllOptions | object, callback: LookupCallback): void =>
    lookupChecked(hostname, options, callback, isBlocked);
}

function lookupChecked(
  hostname: string,
  options: LookupAllOptions | object,
  callback: LookupCallback,
  isBlocked: (address: string) => boolean,
): void {
  lookup(hostname, { ...(options as object), all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const bad = addresses.find((entry) => isBlocked(entry.address));
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
