import { type Readable, Transform, type TransformCallback } from "node:stream";
import * as zlib from "node:zlib";
import { DaybriefError } from "../../errors.ts";

/**
 * Reads a response body, undoing Content-Encoding, and fails as soon as either the bytes on the wire or the
 * decoded bytes pass `maxBytes` — so a 2 GB response or a decompression bomb costs at most `maxBytes` of memory.
 */
export async function readBody(
  body: Readable,
  encoding: string | undefined,
  maxBytes: number,
  url: string,
): Promise<Buffer> {
  const codings = (encoding ?? "")
    .toLowerCase()
    .split(",")
    .map((c) => c.trim())
    .filter((c) => c && c !== "identity");
  let wire = 0;
  const tooLarge = () =>
    new DaybriefError("E_FETCH_TOO_LARGE", `Response from ${url} is larger than ${formatBytes(maxBytes)}.`, {
      details: { maxBytes },
    });
  body.on("data", (chunk: Buffer) => {
    wire += chunk.length;
    if (wire > maxBytes) body.destroy(tooLarge());
  });
  let stream: Readable = body;
  for (const coding of codings.reverse()) stream = stream.pipe(decoderFor(coding, url));
  if (stream !== body) body.on("error", (error) => stream.destroy(error));
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > maxBytes) throw tooLarge();
      chunks.push(buffer);
    }
  } catch (error) {
    body.destroy();
    if (error instanceof DaybriefError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (code.startsWith("Z_") || code.startsWith("ERR__ERROR") || code.includes("BROTLI")) {
      throw new DaybriefError("E_FETCH_NETWORK", `Response from ${url} is not valid ${codings.join("+")} data.`, {
        cause: error,
        details: { connection: false },
      });
    }
    throw error;
  }
  return Buffer.concat(chunks, size);
}

function decoderFor(coding: string, url: string) {
  switch (coding) {
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip();
    case "deflate":
      return new LenientInflate();
    case "br":
      return zlib.createBrotliDecompress();
    case "zstd": {
      const create = (zlib as unknown as { createZstdDecompress?: () => Transform }).createZstdDecompress;
      if (create) return create();
      break;
    }
  }
  throw new DaybriefError("E_FETCH_NETWORK", `Response from ${url} uses unsupported Content-Encoding "${coding}".`, {
    details: { connection: false },
  });
}

/** "deflate" is zlib-wrapped by the standard but raw deflate from many servers; the first two bytes tell which. */
class LenientInflate extends Transform {
  #inner: zlib.Inflate | zlib.InflateRaw | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (!this.#inner) {
      const header = ((chunk[0] ?? 0) << 8) | (chunk[1] ?? 0);
      const wrapped = ((chunk[0] ?? 0) & 0x0f) === 8 && header % 31 === 0;
      this.#inner = wrapped ? zlib.createInflate() : zlib.createInflateRaw();
      this.#inner.on("data", (data: Buffer) => this.push(data));
      this.#inner.on("error", (error: Error) => this.destroy(error));
    }
    this.#inner.write(chunk, () => done());
  }

  override _flush(done: TransformCallback): void {
    if (!this.#inner) {
      done();
      return;
    }
    this.#inner.once("end", () => done());
    this.#inner.end();
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} B`;
}
