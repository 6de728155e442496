import { describe, expect, it } from "vitest";
import { companies, companyByTicker, findCompany, rootCompany } from "./companies.ts";

describe("the company table", () => {
  it("finds a company by name, alias or ticker, ignoring case, legal forms and possessives", () => {
    expect(findCompany("nvidia")?.ticker).toBe("NVDA");
    expect(findCompany("Broadcom Inc.")?.name).toBe("Broadcom");
    expect(findCompany("Taiwan Semiconductor Manufacturing Co.")?.name).toBe("TSMC");
    expect(findCompany("Nvidia's")?.name).toBe("Nvidia");
    expect(findCompany("SNPS")?.name).toBe("Synopsys");
    expect(findCompany("$NVDA")?.name).toBe("Nvidia");
    expect(findCompany("9984.T")?.name).toBe("SoftBank");
  });

  it("leads a subsidiary to its listed parent: AWS → Amazon → AMZN, DeepMind → Alphabet → GOOGL", () => {
    const aws = findCompany("Amazon Web Services");
    expect(aws).toMatchObject({ name: "AWS", parent: "Amazon", ticker: "AMZN" });
    expect(aws && rootCompany(aws).name).toBe("Amazon");
    const deepMind = findCompany("DeepMind");
    expect(deepMind && rootCompany(deepMind)).toMatchObject({ name: "Alphabet", ticker: "GOOGL" });
  });

  it("finds the parent, not a unit, by a shared ticker", () => {
    expect(companyByTicker("AMZN")?.name).toBe("Amazon");
    expect(companyByTicker("GOOGL")?.name).toBe("Alphabet");
  });

  it("keeps unlisted labs without a ticker", () => {
    for (const name of ["OpenAI", "Anthropic", "xAI", "Mistral AI", "Zhipu AI", "ByteDance", "DeepSeek"]) {
      expect(findCompany(name)).toMatchObject({ ticker: null, kind: "lab" });
    }
  });

  it("does not read a word as a ticker", () => {
    expect(findCompany("now")).toBeNull();
    expect(findCompany("NOW")?.name).toBe("ServiceNow");
    expect(findCompany("Acme Widgets")).toBeNull();
  });

  it("is consistent: every parent exists, prominence is within 0..1, no alias names two companies", () => {
    const owners = new Map<string, string>();
    for (const company of companies) {
      if (company.parent) expect(findCompany(company.parent), company.name).not.toBeNull();
      expect(company.prominence).toBeGreaterThanOrEqual(0);
      expect(company.prominence).toBeLessThanOrEqual(1);
      for (const key of [company.name, ...company.aliases]) {
        const owner = owners.get(key.toLowerCase());
        expect(owner === undefined || owner === company.name, `${key}: ${owner} and ${company.name}`).toBe(true);
        owners.set(key.toLowerCase(), company.name);
      }
    }
    expect(companies.length).toBeGreaterThan(200);
  });
});
