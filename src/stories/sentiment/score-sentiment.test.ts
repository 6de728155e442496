import { describe, expect, it } from "vitest";
import { scoreSentiment, toSentiment } from "./score-sentiment.ts";

const label = (text: string) => scoreSentiment(text).label;

describe("financial sentiment", () => {
  it("reads the issue's examples", () => {
    expect(label("Shares fell after the miss.")).toBe("negative");
    expect(label("Anthropic raises $2 billion.")).toBe("positive");
    expect(label("The company plans to open an office in Tokyo.")).toBe("neutral");
  });

  it("reads a direction word by what it moves: a narrower loss is good, higher costs are bad", () => {
    expect(label("Intel's quarterly loss narrowed from a year earlier.")).toBe("positive");
    expect(label("Snowflake's operating loss widened.")).toBe("negative");
    expect(label("Gross margin expanded by two points.")).toBe("positive");
    expect(label("Operating expenses climbed sharply.")).toBe("negative");
    expect(label("Micron cut its revenue forecast.")).toBe("negative");
    expect(label("The company cut costs across its cloud unit.")).toBe("positive");
  });

  it("flips the tone after a negation", () => {
    expect(label("The company did not miss estimates.")).toBe("positive");
    expect(label("The company did not cut its dividend.")).toBe("positive");
    expect(label("Management no longer expects an operating loss this year.")).toBe("positive");
    expect(label("Losses are not expected to widen further.")).toBe("positive");
    expect(label("The company did not raise its guidance.")).toBe("negative");
    expect(label("Intel will not reach its target for foundry breakeven.")).toBe("negative");
    expect(label("The start-up is unlikely to turn a profit before 2029.")).toBe("negative");
  });

  it("keeps a hedged event's direction and leaves a hedge without one neutral", () => {
    expect(label("Nvidia could face tighter export restrictions.")).toBe("negative");
    expect(label("Meta may have to postpone the launch of its largest model.")).toBe("negative");
    expect(label("The company may consider a stock split, though no decision has been made.")).toBe("neutral");
    const hedged = scoreSentiment("Revenue could rise sharply next year.").score;
    const plain = scoreSentiment("Revenue rose sharply last year.").score;
    expect(hedged).toBeGreaterThan(0);
    expect(hedged).toBeLessThan(plain);
  });

  it("lets the market clause decide a mixed sentence", () => {
    expect(label("Despite record revenue, shares fell.")).toBe("negative");
    expect(label("Revenue beat estimates, but the shares fell because gross margin missed.")).toBe("negative");
    expect(label("The guidance cut was smaller than investors had feared, and the shares rose 6%.")).toBe("positive");
    expect(label("Revenue rose 12%, but the operating loss widened.")).toBe("negative");
  });

  it("reads procedural facts, flat shares and in-line results as neutral", () => {
    expect(label("Nvidia will report results on Wednesday after the market closes.")).toBe("neutral");
    expect(label("Amazon declined to comment.")).toBe("neutral");
    expect(label("The shares were unchanged after the company reiterated its guidance.")).toBe("neutral");
    expect(label("The company reported revenue of $2.1 billion for the quarter.")).toBe("neutral");
  });

  it("reads events: downgrades, lawsuits and layoffs are bad; contracts, buybacks and upgrades good", () => {
    expect(label("Analysts downgraded Snowflake to neutral.")).toBe("negative");
    expect(label("Apple faces a shareholder lawsuit.")).toBe("negative");
    expect(label("Amazon will cut roughly 14,000 corporate roles.")).toBe("negative");
    expect(label("Oracle signed another multibillion-dollar cloud contract.")).toBe("positive");
    expect(label("The board authorised an additional $60 billion of share repurchases.")).toBe("positive");
    expect(label("Several brokerages upgraded TSMC to buy.")).toBe("positive");
  });

  it("averages the sentences of a longer text that carry a tone", () => {
    const text = "Nvidia reported results on Wednesday. Revenue beat estimates. The shares rose 4%.";
    expect(scoreSentiment(text)).toMatchObject({ label: "positive" });
    expect(scoreSentiment("")).toEqual({ label: "neutral", score: 0 });
  });

  it("reads figures set against earlier ones by which way they moved", () => {
    expect(label("Micron reported revenue of USD 11.3 bn, compared with USD 7.75 bn a year earlier.")).toBe("positive");
    expect(label("The operating loss was EUR 1.8 mn, compared with a loss of EUR 4.6 mn a year earlier.")).toBe(
      "positive",
    );
    expect(label("Volkswagen sold 2.2 million vehicles in China, compared with 3.2 million in 2019.")).toBe("negative");
    expect(label("Operating profit was EUR 41.2 mn, compared with EUR 41.0 mn a year earlier.")).toBe("neutral");
  });

  it("keeps a bracketed ticker inside the company's clause", () => {
    expect(label("Synopsys (SNPS) rose in early trading.")).toBe("positive");
    expect(label("Micron (NASDAQ: MU) shares fell 3%.")).toBe("negative");
  });

  it("keeps scores within -1..1", () => {
    expect(toSentiment(50).score).toBeLessThanOrEqual(1);
    expect(toSentiment(-50).score).toBeGreaterThanOrEqual(-1);
    expect(toSentiment(0.1).label).toBe("neutral");
  });
});
