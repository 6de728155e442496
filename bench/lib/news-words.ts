/**
 * The word lists and sentence templates the synthetic AI-news corpus (`news-corpus.ts`) is written from. Names of
 * companies, people, products and places come from the entity tables in src/text/entities, content words from
 * the repository's real news texts (`news-lexicon.ts`); this file holds the rest: adjectives, verbs, outlets, and
 * templates per kind of event.
 *
 * Slots: {c} the event's company, {p} its partner (a company or investor), {prod} product, {per} person, {pl} place,
 * {m} money, {m2} a second amount, {q} quantity, {t} {t2} {t3} the event's own topic words, {n} {n2} nouns,
 * {a} adjective, {v} past-tense verb, {round}, {pct}, {num}, {day} weekday, {outlet}, {rc} {rp} {rper} {rprod}
 * a random company, partner, person or product (for background sentences).
 */

const words = (text: string): string[] => text.trim().split(/\s+/);

export const adjectives = words(`
new larger smaller faster cheaper efficient open closed proprietary multimodal agentic autonomous generative
frontier sovereign regional global domestic national federal European Asian enterprise consumer industrial medical
financial scientific academic experimental commercial strategic long-term short-term multi-year record-breaking
ambitious controversial unexpected delayed accelerated expanded limited exclusive non-exclusive custom dedicated
shared hybrid on-premises edge mobile embedded secure private public low-latency high-bandwidth energy-efficient
water-cooled next-generation second-generation third-generation flagship entry-level mid-range premium
`);

export const verbsPast = words(`
expanded doubled tripled cut reduced raised lowered trimmed boosted launched unveiled shipped delayed paused
resumed scrapped renewed signed extended finalised confirmed denied disclosed filed won lost secured landed
acquired sold licensed opened closed hired appointed replaced promoted warned forecast reported posted beat missed
`);

export const rounds = words(`seed Series-A Series-B Series-C Series-D Series-E growth pre-IPO strategic`).map((r) =>
  r.replace("-", " "),
);

export const weekdays = words(`Monday Tuesday Wednesday Thursday Friday`);

export const analysts = words(`Bernstein Gartner IDC Jefferies Mizuho Evercore Wedbush Forrester TrendForce Omdia`);

export const outletFirst = words(`Silicon Inference Circuit Market Compute Model Frontier Signal Tensor Gradient
Vector Latency Cloud Capital Quantum`);
export const outletSecond = words(`Ledger Daily Review Wire Times Report Post Observer Journal Beat`);
export const podcastNames = [
  "The Inference Hour",
  "Gradient Talk",
  "Compute Weekly",
  "Model Behaviour",
  "The Token Budget",
  "Frontier Signals",
];

/**
 * Kinds of events: the verbs and nouns a headline about one uses (each outlet picks its own), and lead sentences.
 * Headlines are built from `titlePatterns`, so that most of their words are the event's own (names, amounts, topic
 * words) and only a verb and a noun say what kind of event it is — as in real coverage.
 */
export const eventKinds: Record<string, { verbs: string[]; nouns: string[]; leads: string[] }> = {
  funding: {
    verbs: ["raises", "secures", "lands", "closes", "bags", "nets"],
    nouns: ["funding round", "round", "investment", "financing", "raise"],
    leads: [
      "{c} said on {day} it had raised {m} in a {round} funding round led by {p}, valuing the company at {m2}.",
      "{c} has closed a {m} {round} round led by {p}, money it will spend on {t} {n} and {t2} hiring.",
      "{p} led a {m} investment in {c}, the {a} {t} developer said, in one of the largest rounds of the year.",
    ],
  },
  acquisition: {
    verbs: ["buys", "acquires", "snaps up", "agrees to buy", "takes over", "to acquire"],
    nouns: ["deal", "takeover", "acquisition", "purchase", "merger"],
    leads: [
      "{c} agreed on {day} to acquire {p} for {m} in cash and stock, adding {t} and {t2} {n} to its lineup.",
      "{c} will buy {p} for about {m}, the companies said, in a deal expected to close next year pending review.",
      "In a {m} deal announced on {day}, {c} is acquiring {p}, whose {t} {n} already runs in {pl}.",
    ],
  },
  launch: {
    verbs: ["launches", "unveils", "rolls out", "ships", "debuts", "introduces"],
    nouns: ["launch", "system", "platform", "service", "lineup"],
    leads: [
      "{c} on {day} launched {prod}, which packs {q} and is built for {t} and {t2} workloads.",
      "{c} introduced {prod} at an event in {pl}, saying it delivers {pct} better {t} performance than before.",
      "The new {prod} from {c} offers {q}, the company said, and will reach {t} customers within weeks.",
    ],
  },
  model: {
    verbs: ["releases", "opens", "open-sources", "previews", "updates", "ships"],
    nouns: ["model", "model family", "reasoning model", "weights", "benchmark results"],
    leads: [
      "{c} released {prod} on {day}, a model it says scores {pct} higher on {t} and {t2} benchmarks.",
      "{prod}, the latest model from {c}, is available to developers through its API at a lower {t} price.",
      "{c} said {prod} handles {q} of context and improves {t} accuracy by {pct} over its predecessor.",
    ],
  },
  datacenter: {
    verbs: ["plans", "signs", "breaks ground on", "wins approval for", "expands", "picks"],
    nouns: ["data center", "campus", "power deal", "build-out", "site"],
    leads: [
      "{c} has signed an agreement with {p} for {q} of power for a data center campus in {pl}, the companies said.",
      "{c} will invest {m} in a new data center in {pl}, its largest {t} build so far, with {p} as partner.",
      "Officials in {pl} approved {c}'s plan for a {q} campus, which will serve {t} and {t2} customers.",
    ],
  },
  earnings: {
    verbs: ["beats", "misses", "tops", "lifts", "cuts", "posts"],
    nouns: ["quarter", "results", "forecast", "guidance", "earnings"],
    leads: [
      "{c} reported quarterly revenue of {m} on {day}, up {pct} from a year earlier, driven by {t} demand.",
      "Shares of {c} moved after the company said {t} revenue reached {m} and guided above analyst estimates.",
      "{c} said {t} sales grew {pct} in the quarter, while {t2} margins narrowed, according to its filing.",
    ],
  },
  partnership: {
    verbs: ["partners with", "teams up with", "signs with", "expands ties with", "picks", "joins"],
    nouns: ["partnership", "alliance", "agreement", "tie-up", "pact"],
    leads: [
      "{c} and {p} said on {day} they would expand their partnership, bringing {prod} to {t} customers.",
      "Under a multi-year agreement worth {m}, {p} will use {c}'s {prod} for {t} and {t2} work.",
      "{p} has chosen {c} as its main {t} partner, the companies said, in a deal covering {pl}.",
    ],
  },
  policy: {
    verbs: ["faces", "probes", "fines", "warns", "targets", "restricts"],
    nouns: ["probe", "rules", "fine", "inquiry", "ban"],
    leads: [
      "Regulators in {pl} have opened an investigation into {c} over its {t} {n} practices, officials said on {day}.",
      "A proposal in {pl} would require companies such as {c} to disclose {t} and {t2} data, {per} said.",
      "{c} could face a fine of up to {m} in {pl} after complaints about {t} {n}, according to a filing.",
    ],
  },
  people: {
    verbs: ["hires", "names", "poaches", "appoints", "loses", "promotes"],
    nouns: ["chief", "head", "executive", "leader", "president"],
    leads: [
      "{c} has hired {per}, previously at {p}, to run its {t} and {t2} teams, the company said on {day}.",
      "{per} is joining {c} from {p} to lead {t}, a move that follows weeks of talks, people familiar said.",
    ],
  },
  lawsuit: {
    verbs: ["sues", "settles with", "is sued by", "wins case against", "loses bid against", "countersues"],
    nouns: ["lawsuit", "case", "complaint", "settlement", "ruling"],
    leads: [
      "{p} filed a lawsuit against {c} on {day}, alleging the company used its {t} {n} without permission.",
      "A judge in {pl} ruled that {p}'s case against {c} over {t} can go ahead, rejecting a motion to dismiss.",
      "{c} agreed to pay {m} to settle claims by {p} over {t} and {t2} data, according to court papers.",
    ],
  },
  research: {
    verbs: ["shows", "finds", "publishes", "proposes", "tests", "challenges"],
    nouns: ["paper", "study", "method", "results", "technique"],
    leads: [
      "Researchers at {c} described a {a} method that reduces {t} training costs by {pct} on standard benchmarks.",
      "A paper from {c} and {p} finds that {t} models trained with {a} {t2} data improve {pct} on held-out tests.",
    ],
  },
};

/** Headline patterns: {kv} and {kn} are the event kind's verb and noun, the rest the event's own facts. */
export const titlePatterns = [
  "{c} {kv} {m} {t} {kn} with {p} as {t2} demand grows",
  "{c} {kv} {t} {t2} {kn} worth {m}",
  "{t} {t2}: {c} {kv} {kn} with {p} in {pl}",
  "{c} and {p} {t} {kn}: {c} {kv} {t2} {t3} plans",
  "Why {c}'s {t} {kn} with {p} matters for {t2} {t3}",
  "{c} {kv} {t} {kn} in {pl}, eyes {t2} {t3}",
  "{p} and {c}: {m} {t} {kn} puts {t2} in focus",
  "{c} {kv} {kn} for {t} and {t2}, {per} says",
];

/** Sentences that carry an event's facts and topic words into the body (quotes, details, context). */
export const detailTemplates = [
  "“We are building the {a} {t} {n} our customers have been asking for,” {per} said in a statement.",
  "“This is a {a} step for {t} and for everyone who builds on {prod},” said {per}.",
  "The company expects the {t} {n} to be available in {pl} first, followed by other regions next year.",
  "Analysts at {analyst} said the move could add {pct} to {c}'s {t} revenue over the next two years.",
  "{c} did not disclose further financial terms, but said {t2} remains a priority for the coming year.",
  "The {t} market is expected to grow {pct} a year through the end of the decade, according to {analyst}.",
  "Shares of {c} rose {pct} in early trading after the news, while {rc} was little changed.",
  "The announcement follows a similar {t} move by {rc} last month, which analysts called {a}.",
  "{c} said it has more than {num} customers using its {t} products, including {rc} and {rp}.",
  "People familiar with the matter said talks between {c} and {p} had been under way for several months.",
];

/** Background sentences, filled at random: what surrounds the facts in any AI-industry article. */
export const fillerTemplates = [
  "{rc} has {v} its own {n} plans this year as competition for {n2} heats up across the industry.",
  "Spending on {a} {n} has {v} sharply, according to {analyst}, with much of it going to {n2}.",
  "{rper}, who leads {rc}, said last month that demand for {n} still exceeds supply in {pl}.",
  "The industry has struggled with {n} shortages, and several suppliers have {v} their {n2} targets.",
  "Earlier this year {rc} {v} a {a} {n} program, a move that rivals including {rp} later copied.",
  "Developers have complained about {n} costs, which can run to {m} a year for large {n2} deployments.",
  "In {pl}, officials have pushed for more {a} {n} capacity, citing concerns about {n2} and security.",
  "{rprod} remains one of the most widely used products in the category, according to {analyst}.",
  "Critics say the pace of {n} announcements has outrun the evidence that customers will pay for {n2}.",
  "The deal comes as {rc} and {rp} compete for the same pool of {n} engineers and {n2} suppliers.",
  "Investors have poured more than {m} into {a} {n} companies this year, data from {analyst} show.",
  "A spokesperson for {rc} declined to comment on its {n} plans or on the {n2} market in {pl}.",
  "Several {a} startups have {v} funding rounds in recent weeks, many of them focused on {n}.",
  "{rper} told reporters that {a} {n} would be central to the company's strategy through next year.",
  "Supply of {n} and {n2} is expected to stay tight into next year, according to people in the industry.",
  "The company employs about {num} people and has offices in {pl}, according to its website.",
  "Some customers have {v} their {n} budgets, waiting to see whether {n2} prices fall further.",
  "Regulators in {pl} have asked companies including {rc} to explain how their {n} systems handle {n2}.",
  "{rc} {v} its {n} forecast in its most recent quarter, pointing to demand from {n2} customers.",
  "Training a {a} model now costs hundreds of millions of dollars, much of it spent on {n} and {n2}.",
  "{rprod} was updated last week with better {n} support, {rc} said in a blog post.",
  "The partnership builds on earlier work between {rc} and {rp} on {a} {n} for {n2} customers.",
  "Energy use by {n} has become a political issue in {pl}, where {n2} projects face local opposition.",
  "Open models such as {rprod} have narrowed the gap with proprietary systems on many {n} tasks.",
];

/** Closing paragraphs of company posts: the same boilerplate under every post of one company. */
export const boilerplate =
  "About {c}: {c} builds {a} {n} and {n2} for customers around the world. Its products include {prod} and a growing " +
  "portfolio of {t} services. Headquartered in {pl}, the company works with partners including {p}. This release " +
  "contains forward-looking statements that involve risks and uncertainties; actual results may differ materially.";

/** Sentences of a research abstract (arXiv items), with finding and use sentences the Research Corner looks for. */
export const abstractTemplates = [
  "We study {t} in {a} language models and show that current {t2} benchmarks overstate their reliability.",
  "We propose a {a} method for {t} that reduces {n} costs by {pct} while matching the accuracy of strong baselines.",
  "Experiments on {num} tasks show that our approach outperforms prior {t2} methods by {pct} on average.",
  "Our analysis finds that {n} quality matters more than scale for {t}, especially in low-resource settings.",
  "The method enables practical deployment of {t} models on {a} hardware with limited {n}.",
  "We release code and data to support further work on {t} and {t2}.",
  "These results suggest that {a} {n} can be used to improve {t} without additional training compute.",
];

/** Show-notes paragraphs (podcast items): short points a podcast summary is built from. */
export const showNoteTemplates = [
  "Why {t} spending is still accelerating, and what it means for {n} suppliers.",
  "How {rc} thinks about {t2} pricing after the latest round of model releases.",
  "What builders should watch in {a} {n} over the next six months.",
  "{rper} on the limits of {t} benchmarks and how teams evaluate models in practice.",
  "The state of {n} supply, from chips to power, with numbers from {analyst}.",
];

/** Products named with digits, which the product table leaves to rules: common in titles. */
export const versioned = [
  "H100",
  "H200",
  "B200",
  "B300",
  "GB300",
  "MI355X",
  "Trainium3",
  "TPU v7",
  "GPT-5.1",
  "o4-mini",
  "Llama 4",
  "Qwen3",
  "DeepSeek-V3.2",
  "Grok 4",
  "Gemini 3 Pro",
  "Claude Opus 4.5",
  "Mistral Large 3",
  "Nova 2",
  "Phi-4",
  "Gaudi 3",
];

export const startupSuffixes = ["AI", "Labs", "Robotics", "Systems", "Technologies", "Networks", "Compute", "Bio"];

export const units = [
  { unit: "GW", min: 0.3, max: 5, step: 0.1 },
  { unit: "MW", min: 50, max: 950, step: 10 },
  { unit: "GPUs", min: 1000, max: 200_000, step: 1000 },
  { unit: "chips", min: 64, max: 1024, step: 8 },
  { unit: "tokens", min: 100_000, max: 2_000_000, step: 100_000 },
];

export const monthNames = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"];
