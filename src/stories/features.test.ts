import { describe, expect, it } from "vitest";
import { extractEntities } from "../text/entities/extract-entities.ts";
import { itemFeatures, packedTermsAndEntities, packFeatures, unpackFeatures } from "./features.ts";
import { Interner } from "./intern.ts";
import { createMinHasher } from "./minhash.ts";

describe("packed features", () => {
  it("unpack to the features they were packed from", () => {
    const options = { hasher: createMinHasher(), entities: extractEntities, interner: new Interner() };
    const features = itemFeatures(
      {
        id: "a",
        title: "AWS commits $50 billion to government AI data centres",
        text: "Amazon Web Services will spend up to $50 billion from 2026 on 1.3 gigawatts of capacity for US agencies, using Trainium chips and Nvidia GPUs. Shares of Amazon rose 1.2% on the news.",
        published: "2025-11-24T14:00:00Z",
      },
      options,
    );
    expect(features.amounts.length).toBeGreaterThan(0);
    const unpacked = unpackFeatures(packFeatures(features));
    const plain = (f: typeof features) =>
      Object.fromEntries(
        Object.entries(f).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v]),
      );
    expect(plain(unpacked)).toEqual(plain(features));
    expect(unpacked.signature).toBeInstanceOf(Uint32Array);
    const { terms, entities } = packedTermsAndEntities(packFeatures(features));
    expect(Array.from(terms)).toEqual(Array.from(features.terms));
    expect(Array.from(entities)).toEqual(Array.from(features.entities));
  });
});
