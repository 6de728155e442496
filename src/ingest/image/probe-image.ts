import { DaybriefError } from "../../errors.ts";
import type { Fetcher } from "../fetch/fetcher.ts";
import { type ImageFormat, imageMime, imageSize } from "./image-size.ts";

/** An image we fetched and measured: where it is (after redirects), its format and its pixel size. */
export type ProbedImage = { url: string; format: ImageFormat; width: number; height: number; bytes: number };

/**
 * The limits an image must meet to lead an issue. A lead image is shown about 550 px wide: one much smaller looks
 * blurred or is a logo or tracking pixel; one with more than `maxPixels` costs a phone hundreds of megabytes to
 * decode (a "pixel bomb" can be a few kilobytes on the wire); a very wide one is a banner, a tall one fills the
 * screen before the story starts.
 */
export const imageLimits = {
  /** Bytes read at most: a lead image heavier than this slows every reader's email. */
  maxBytes: 5 * 1024 * 1024,
  minWidth: 320,
  minHeight: 120,
  maxSide: 12_000,
  maxPixels: 40_000_000,
  /** Width over height, at most (4:1) and at least (4:5). */
  maxRatio: 4,
  minRatio: 0.8,
} as const;

const accept = "image/png, image/jpeg, image/webp;q=0.9, image/gif;q=0.8";

/**
 * Fetches an image through the fetcher (its SSRF guard, redirects, timeouts and gzip/brotli decoding apply), reads
 * its size from the header bytes and checks it against `imageLimits`. Anything unusable — not an image, a format
 * mail clients do not show, too small, too large, a pixel bomb, a banner — fails with E_IMAGE_UNUSABLE saying why.
 *
 * @example
 * const image = await probeImage(fetcher, "https://outlet.example/lead.jpg"); // { width: 1200, height: 630, … }
 */
export async function probeImage(fetcher: Fetcher, url: string, signal?: AbortSignal): Promise<ProbedImage> {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw unusable(url, "its URL is not valid");
  }
  if (protocol !== "http:" && protocol !== "https:") throw unusable(url, "only http(s) images are used");
  let response: Awaited<ReturnType<Fetcher["fetch"]>>;
  try {
    response = await fetcher.fetch({ url, accept, maxBytes: imageLimits.maxBytes, ...(signal ? { signal } : {}) });
  } catch (error) {
    throw unusable(url, `it could not be fetched (${(error as Error).message})`, error);
  }
  const declared = (response.contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (declared && !declared.startsWith("image/") && declared !== "application/octet-stream")
    throw unusable(url, `the server sent ${declared}, not an image`);
  const size = imageSize(response.body);
  if (!size) {
    const what = declared.startsWith("image/") ? declared : "an unknown format";
    throw unusable(url, `it is ${what}, not a PNG, JPEG, GIF or WebP image that every mail client shows`);
  }
  const { width, height } = size;
  const limits = imageLimits;
  if (width > limits.maxSide || height > limits.maxSide || width * height > limits.maxPixels)
    throw unusable(url, `it is ${width}×${height} px, too large to decode on a phone`);
  if (width < limits.minWidth || height < limits.minHeight)
    throw unusable(url, `it is ${width}×${height} px, too small to lead (at least ${limits.minWidth} px wide)`);
  const ratio = width / height;
  if (ratio > limits.maxRatio) throw unusable(url, `it is ${width}×${height} px, a banner rather than a picture`);
  if (ratio < limits.minRatio)
    throw unusable(url, `it is ${width}×${height} px, taller than wide: it would fill a phone screen`);
  if (declared.startsWith("image/") && declared !== imageMime[size.format] && !(declared === "image/jpg"))
    throw unusable(url, `the server calls it ${declared} but it is ${imageMime[size.format]}`);
  return { url: response.url, format: size.format, width, height, bytes: response.body.length };
}

function unusable(url: string, why: string, cause?: unknown): DaybriefError {
  return new DaybriefError("E_IMAGE_UNUSABLE", `Image ${url} is not used: ${why}.`, cause ? { cause } : {});
}
