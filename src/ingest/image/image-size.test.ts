import { describe, expect, it } from "vitest";
import { gif, jpeg, png, webp } from "../../../test/helpers/images.ts";
import { imageSize } from "./image-size.ts";

describe("imageSize", () => {
  it("reads the size from PNG, GIF, JPEG (baseline and progressive) and the three WebP kinds", () => {
    expect(imageSize(png(1200, 630))).toEqual({ format: "png", width: 1200, height: 630 });
    expect(imageSize(gif(640, 360))).toEqual({ format: "gif", width: 640, height: 360 });
    expect(imageSize(jpeg(1600, 900))).toEqual({ format: "jpeg", width: 1600, height: 900 });
    expect(imageSize(jpeg(1600, 900, { progressive: true }))).toEqual({ format: "jpeg", width: 1600, height: 900 });
    for (const kind of ["VP8 ", "VP8L", "VP8X"] as const)
      expect(imageSize(webp(1024, 576, kind)), kind).toEqual({ format: "webp", width: 1024, height: 576 });
  });

  it("gives a JPEG turned a quarter by its EXIF orientation the size it is shown at", () => {
    expect(imageSize(jpeg(4032, 3024, { orientation: 6 }))).toMatchObject({ width: 3024, height: 4032 });
    expect(imageSize(jpeg(4032, 3024, { orientation: 3 }))).toMatchObject({ width: 4032, height: 3024 });
    expect(imageSize(jpeg(4032, 3024, { orientation: 1 }))).toMatchObject({ width: 4032, height: 3024 });
  });

  it("refuses what is not a readable image: SVG, HTML, truncated or zero-sized headers", () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"></svg>');
    expect(imageSize(svg)).toBeNull();
    expect(imageSize(Buffer.from("<!doctype html><title>Not found</title>"))).toBeNull();
    expect(imageSize(png(1200, 630).subarray(0, 20))).toBeNull();
    expect(imageSize(jpeg(1600, 900).subarray(0, 25))).toBeNull();
    expect(imageSize(png(0, 630))).toBeNull();
    expect(imageSize(new Uint8Array(0))).toBeNull();
  });

  it("never throws on random bytes after a real signature", () => {
    for (let seed = 1; seed < 400; seed += 1) {
      const junk = Buffer.alloc(seed % 64, (seed * 37) & 0xff);
      for (const head of [png(1, 1).subarray(0, 8), Buffer.from([0xff, 0xd8]), Buffer.from("RIFF\0\0\0\0WEBPVP8X")])
        expect(() => imageSize(Buffer.concat([head, junk]))).not.toThrow();
    }
  });
});
