import { describe, expect, it } from "vitest";
import { ipv6Groups } from "./ip-address.ts";
import { assertPublicUrl, guardedLookup, isBlockedAddress } from "./ssrf.ts";

describe("isBlockedAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local metadata"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.254", "carrier-grade NAT"],
    ["0.0.0.0", "this network"],
    ["0.1.2.3", "this network"],
    ["198.18.0.1", "benchmarking"],
    ["198.19.255.255", "benchmarking"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["::7f00:1", "IPv4-compatible loopback"],
    ["::127.0.0.1", "IPv4-compatible loopback"],
    ["::a9fe:a9fe", "IPv4-compatible metadata"],
    ["::169.254.169.254", "IPv4-compatible metadata"],
    ["::8.8.8.8", "IPv4-compatible, deprecated"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:7f00:1", "IPv4-mapped loopback"],
    ["::ffff:a00:1", "IPv4-mapped private"],
    ["0:0:0:0:0:ffff:a9fe:a9fe", "IPv4-mapped metadata, long form"],
    ["::ffff:0:7f00:1", "IPv4-translated"],
    ["::ffff:0:8.8.8.8", "IPv4-translated"],
    ["64:ff9b::a9fe:a9fe", "NAT64 metadata"],
    ["64:ff9b::10.0.0.1", "NAT64 private"],
    ["64:ff9b::7f00:1", "NAT64 loopback"],
    ["64:ff9b:1::808:808", "local-use NAT64"],
    ["2002:7f00:1::", "6to4 of loopback"],
    ["2002:a9fe:a9fe::1", "6to4 of metadata"],
    ["2002:808:808::1", "6to4, refused whole"],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo"],
    ["2001:2::1", "benchmarking"],
    ["2001:db8::1", "documentation"],
    ["3fff::1", "documentation"],
    ["fec0::1", "site-local"],
    ["feff::1", "site-local"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local with zone"],
    ["fd00:ec2::254", "unique-local metadata"],
    ["fc00::1", "unique-local"],
    ["ff02::1", "multicast"],
    ["100::1", "discard"],
    ["not-an-ip", "not an address"],
    ["[::1]", "bracketed loopback"],
  ])("blocks %s (%s)", (address) => expect(isBlockedAddress(address)).toBe(true));

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "172.32.0.1",
    "100.128.0.1",
    "198.20.0.1",
    "2606:4700:4700::1111",
    "2a00:1450:4001:82a::200e",
    "::ffff:8.8.8.8",
    "::ffff:808:808",
    "64:ff9b::808:808",
  ])("allows %s", (address) => expect(isBlockedAddress(address)).toBe(false));
});

describe("ipv6Groups", () => {
  it.each([
    ["::", [0, 0, 0, 0, 0, 0, 0, 0]],
    ["::127.0.0.1", [0, 0, 0, 0, 0, 0, 0x7f00, 1]],
    ["1:2:3:4:5:6:1.2.3.4", [1, 2, 3, 4, 5, 6, 0x102, 0x304]],
    ["2002:a00:1::", [0x2002, 0xa00, 1, 0, 0, 0, 0, 0]],
    ["1::8", [1, 0, 0, 0, 0, 0, 0, 8]],
  ])("reads %s", (text, groups) => expect(ipv6Groups(text)).toEqual(groups));
  it("refuses what is not IPv6", () => expect(ipv6Groups("1.2.3.4")).toBeNull());
});

describe("assertPublicUrl", () => {
  it.each([
    "http://metadata.google.internal/",
    "http://localhost:8080/",
    "http://a.localhost/",
    "http://[::1]/",
    "http://10.0.0.1/",
    "http://[::127.0.0.1]/",
    "http://[::169.254.169.254]/",
    "http://[::ffff:0:127.0.0.1]/",
    "http://[2002:7f00:1::]/",
    "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
    "http://[fec0::1]/",
    "http://[64:ff9b::10.0.0.1]/",
    "http://[::]/",
    "http://[ff02::1]/",
    "http://0.0.0.0/",
    "http://100.64.1.1/",
    "http://198.18.0.1/",
    "http://2130706433/",
    "http://017700000001/",
    "http://0x7f000001/",
    "http://0x7f.1/",
    "http://0177.0.0.1/",
    "http://127.1/",
    "http://0xa9.0xfe.0xa9.0xfe/",
    "http://2852039166/latest/meta-data/",
  ])("refuses %s with E_URL_BLOCKED", (url) => {
    expect(() => assertPublicUrl(new URL(url))).toThrowError(expect.objectContaining({ code: "E_URL_BLOCKED" }));
  });

  it.each(["https://example.com/feed", "http://8.8.8.8/", "http://[2606:4700:4700::1111]/"])("allows %s", (url) =>
    expect(() => assertPublicUrl(new URL(url))).not.toThrow(),
  );
});

describe("guardedLookup", () => {
  it("refuses a name that resolves to loopback, at connect time", async () => {
    const error = await new Promise<unknown>((resolve) => guardedLookup("localhost", {}, (err) => resolve(err)));
    expect(error).toMatchObject({ code: "E_URL_BLOCKED" });
  });
});
