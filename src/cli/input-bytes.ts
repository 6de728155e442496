import { gunzipSync } from "node:zlib";
import { DaybriefError } from "../errors.ts";
import { binaryFormat, isBinaryContentType, sniffBinary } from "../text/binary.ts";

/**
 * The bytes of a FILE|URL input when they are a text document: a gzip file is unpacked (at most `maxBytes`, the
 * fetch limit, so a gzip bomb stops there); anything else binary — a served image or PDF, an archive, random bytes
 * — is refused with E_INPUT_BINARY instead of being decoded into screens of mojibake.
 */
export function textBytes(name: string, bytes: Buffer, contentType: string | null, maxBytes: () => number): Buffer {
  let body = bytes;
  if (binaryFormat(body) === "gzip") {
    const limit = maxBytes();
    try {
      body = gunzipSync(body, { maxOutputLength: limit });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
        throw new DaybriefError("E_FETCH_TOO_LARGE", `${name} unpacks to more than ${limit} bytes (fetch.maxBytes).`);
      }
      throw new DaybriefError(
        "E_INPUT_BINARY",
        `${name} is a gzip file that does not unpack: ${(error as Error).message}.`,
        {
          cause: error,
        },
      );
    }
  } else if (isBinaryContentType(contentType)) {
    const type = contentType?.split(";")[0]?.trim();
    throw new DaybriefError("E_INPUT_BINARY", `${name} is served as ${type}, not as a text document.`);
  }
  const verdict = sniffBinary(body);
  if (verdict.binary) {
    const unpacked = body === bytes ? "" : " once unpacked";
    throw new DaybriefError("E_INPUT_BINARY", `${name} is ${verdict.reason}${unpacked}, not a text document.`);
  }
  return body;
}
