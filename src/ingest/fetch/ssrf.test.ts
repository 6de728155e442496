import { describe, expect, it } from "vitest";
import { assertPublicUrl, guardedLookup, isBlockedAddress } from "./ssrf.ts";

describe("isBlockedAddress", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "::1",
    "::",
    "fe80::1",
    "fd00:ec2::254",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "64:ff9b::a9fe:a9fe",
    "not-an-ip",
  ])("blocks %s", (address) => expect(isBlockedAddress(address)).toBe(true));

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("allows %s", (address) =>
    expect(isBlockedAddress(address)).toBe(false),
  );
});

describe("assertPublicUrl", () => {
  it("refuses metadata and localhost names and private literals", () => {
    for (const url of [
      "http://metadata.google.internal/",
      "http://localhost:8080/",
      "http://a.localhost/",
      "http://[::1]/",
      "http://10.0.0.1/",
    ]) {
      expect(() => assertPublicUrl(new URL(url)), url).toThrowError(/not a public address/);
    }
    expect(() => assertPublicUrl(new URL("https://example.com/feed"))).not.toThrow();
  });
});

describe("guardedLookup", () => {
  it("refuses a name that resolves to loopback, at connect time", async () => {
    const error = await new Promise<unknown>((resolve) => guardedLookup("localhost", {}, (err) => resolve(err)));
    expect(error).toMatchObject({ code: "E_URL_BLOCKED" });
  });
});
