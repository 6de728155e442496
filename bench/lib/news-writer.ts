import { type Company, companies } from "../../src/text/entities/companies.ts";
import { people } from "../../src/text/entities/people.ts";
import { places } from "../../src/text/entities/places.ts";
import { products } from "../../src/text/entities/products.ts";
import {
  adjectives,
  analysts,
  eventKinds,
  rounds,
  startupSuffixes,
  titlePatterns,
  units,
  verbsPast,
  versioned,
  weekdays,
} from "./news-words.ts";

/** One real-world event of the synthetic corpus: the facts every item about it states. */
export type NewsEvent = {
  id: string;
  kind: string;
  start: number;
  company: string;
  partner: string;
  product: string;
  person: string;
  place: string;
  money: number;
  money2: number;
  quantity: { value: number; unit: string };
  round: string;
  /** The event's own words ("inference", "photonics"…): what its coverage shares beyond names. */
  topic: [string, string, string];
};

/**
 * Writes synthetic AI-industry news from a seeded PRNG: events with real company, product, person and place names,
 * and items about them (titles, article texts, near-copies, research abstracts, show notes). Deterministic: the same
 * seed and the same calls give the same text on every run.
 */
export class NewsWriter {
  readonly #next: () => number;
  readonly #companies: Company[];
  readonly #weights: number[];
  readonly #products: string[];
  readonly #places: string[];
  readonly #lexicon: string[];
  #events = 0;

  /** `lexicon`: content words, most frequent first (see `newsLexicon`). */
  constructor(next: () => number, lexicon: string[]) {
    this.#next = next;
    this.#lexicon = lexicon;
    this.#companies = companies.filter((c) => c.prominence >= 0.2);
    // Prominent companies are in the news every day; the long tail now and then.
    this.#weights = this.#companies.map((c) => c.prominence ** 2);
    this.#products = [...products.map((row) => row[0] ?? ""), ...versioned, ...versioned].filter(Boolean);
    this.#places = places.map((row) => row[0] ?? "").filter(Boolean);
  }

  next(): number {
    return this.#next();
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.#next() * list.length)] as T;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1));
  }

  /** A content word, frequent ones more often (roughly the Zipf curve of the texts the lexicon comes from). */
  word(): string {
    return this.#lexicon[Math.floor(this.#lexicon.length * this.#next() ** 2)] as string;
  }

  /** A word from the lexicon's long tail: what makes one event's coverage recognisable. */
  #topicWord(): string {
    const head = Math.floor(this.#lexicon.length / 8);
    return this.#lexicon[head + Math.floor((this.#lexicon.length - head) * this.#next())] as string;
  }

  /**
   * A company: half the time one of the table's (prominent ones more often), else a start-up of the long tail that
   * news covers once ("Lattice Robotics", "Ferment AI") — most companies in a day's news are not household names.
   */
  #company(): string {
    if (this.#next() < 0.5) {
      const word = this.#topicWord();
      return `${word.charAt(0).toUpperCase()}${word.slice(1)} ${this.pick(startupSuffixes)}`;
    }
    let r = this.#next() * this.#weights.reduce((s, w) => s + w, 0);
    for (let i = 0; i < this.#companies.length; i += 1) {
      r -= this.#weights[i] as number;
      if (r <= 0) return (this.#companies[i] as Company).name;
    }
    return (this.#companies[0] as Company).name;
  }

  /** A new event starting at `start` (ms), of a random kind unless given. */
  event(start: number, kind?: string): NewsEvent {
    const company = this.#company();
    let partner = this.#company();
    while (partner === company) partner = this.#company();
    const money = this.#amount();
    const u = this.pick(units);
    const value = Math.round((u.min + this.#next() * (u.max - u.min)) / u.step) * u.step;
    this.#events += 1;
    return {
      id: `ev_${this.#events}`,
      kind: kind ?? this.pick(Object.keys(eventKinds)),
      start,
      company,
      partner,
      product: this.pick(this.#products),
      person: this.pick(people),
      place: this.pick(this.#places),
      money,
      money2: money * this.int(4, 30),
      quantity: { value: Math.round(value * 10) / 10, unit: u.unit },
      round: this.pick(rounds),
      topic: [this.#topicWord(), this.#topicWord(), this.#topicWord()],
    };
  }

  /** Between $1 million and $100 billion, log-uniform, two significant digits. */
  #amount(): number {
    const raw = 10 ** (6 + this.#next() * 5);
    const magnitude = 10 ** (Math.floor(Math.log10(raw)) - 1);
    return Math.round(raw / magnitude) * magnitude;
  }

  /** "$2 billion", "$2bn", "$2.0 billion", "US$2 billion", "$450 million", "$450m". */
  #money(value: number): string {
    const [scale, long, short] = value >= 1e9 ? [1e9, "billion", "bn"] : [1e6, "million", "m"];
    const n = value / scale;
    const plain = Number.isInteger(n) ? String(n) : n.toFixed(1);
    const style = this.int(0, 3);
    if (style === 0) return `$${plain} ${long}`;
    if (style === 1) return `$${plain}${short}`;
    if (style === 2) return `$${n.toFixed(1)} ${long}`;
    return `US$${plain} ${long}`;
  }

  #number(value: number): string {
    return value >= 10_000 ? value.toLocaleString("en-US") : String(value);
  }

  /** Fills a template's slots from the event (and, for background slots, at random). */
  fill(template: string, event: NewsEvent, outlet: string): string {
    return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      switch (slot) {
        case "c":
          return event.company;
        case "p":
          return event.partner;
        case "prod":
          return event.product;
        case "per":
          return event.person;
        case "pl":
          return event.place;
        case "m":
          return this.#money(event.money);
        case "m2":
          return this.#money(event.money2);
        case "q":
          return `${this.#number(event.quantity.value)} ${event.quantity.unit}`;
        case "round":
          return event.round;
        case "t":
          return event.topic[0];
        case "t2":
          return event.topic[1];
        case "t3":
          return event.topic[2];
        case "n":
        case "n2":
          return this.word();
        case "a":
          return this.pick(adjectives);
        case "v":
          return this.pick(verbsPast);
        case "pct":
          return this.#next() < 0.5 ? `${this.int(2, 60)}%` : `${this.int(2, 60)} percent`;
        case "num":
          return this.#number(this.int(50, 50_000));
        case "day":
          return this.pick(weekdays);
        case "analyst":
          return this.pick(analysts);
        case "outlet":
          return outlet;
        case "rc":
        case "rp":
          return this.#company();
        case "rper":
          return this.pick(people);
        case "rprod":
          return this.pick(this.#products);
        default:
          return slot;
      }
    });
  }

  /** A title of 8–14 words: a headline pattern with the event's facts and a verb and noun of its kind. */
  title(event: NewsEvent, outlet: string): string {
    const kind = eventKinds[event.kind] ?? (eventKinds.launch as { verbs: string[]; nouns: string[] });
    const pattern = this.pick(titlePatterns)
      .replace("{kv}", this.pick(kind.verbs))
      .replace("{kn}", this.pick(kind.nouns));
    let words = this.fill(pattern, event, outlet).split(/\s+/);
    const tails = ["in {pl}", "amid {t3} push", "report says", "this week", "as rivals watch", "for {t2} buyers"];
    while (words.length < 8) words = [...words, ...this.fill(this.pick(tails), event, outlet).split(/\s+/)];
    return words.slice(0, 14).join(" ");
  }
}
