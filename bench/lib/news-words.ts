/**
 * The word lists and sentence templates the synthetic AI-news corpus (`news-corpus.ts`) is written from. Names of
 * companies, people, products and places come from the entity tables in src/stories/entities; this file holds the
 * rest: business and technology vocabulary, outlets, and templates per kind of event.
 *
 * Slots: {c} the event's company, {p} its partner (a company or investor), {prod} product, {per} person, {pl} place,
 * {m} money, {m2} a second amount, {q} quantity, {t} {t2} {t3} the event's own topic words, {n} {n2} nouns,
 * {a} adjective, {v} past-tense verb, {round}, {pct}, {num}, {day} weekday, {outlet}, {rc} {rp} {rper} {rprod}
 * a random company, partner, person or product (for background sentences).
 */

const words = (text: string): string[] => text.trim().split(/\s+/);

export const nouns = words(`
inference training datacenter cluster accelerator chip wafer foundry packaging memory bandwidth interconnect
network switch optics photonics laser rack server cooling liquid power grid substation turbine reactor battery
campus region zone cloud tenant workload pipeline dataset corpus benchmark leaderboard evaluation alignment safety
red-teaming watermark provenance copyright licence lawsuit settlement regulator antitrust probe subpoena tariff
export quota subsidy grant budget forecast guidance margin revenue backlog capex opex valuation round tranche
warrant stake spin-off merger acquisition buyback dividend listing offering debt bond loan credit lease contract
customer partner supplier vendor reseller developer startup incumbent rival lab team researcher engineer talent
hiring layoff restructuring headcount office headquarters factory plant fab node lithography reticle transistor
die chiplet substrate interposer module card board firmware driver compiler kernel runtime framework library
toolkit SDK API endpoint agent assistant copilot chatbot search browser plugin workflow automation orchestration
retrieval embedding vector index database warehouse lakehouse storage cache latency throughput token context
window parameter weight checkpoint fine-tuning distillation quantization sparsity mixture router reasoning
planning coding math vision speech audio video image translation robotics humanoid drone vehicle autonomy
simulation twin sensor camera lidar radar satellite spectrum telecom handset laptop wearable glasses headset
tablet console subscription pricing tier seat licence-fee marketplace storefront advertising commerce payments
fraud identity privacy encryption sovereignty residency compliance audit certification standard protocol consortium
university curriculum scholarship fellowship hackathon conference keynote roadmap preview beta rollout waitlist
outage incident recall patch vulnerability exploit breach ransomware firewall endpoint-security
`);

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

/** Kinds of events, each with title templates (every item words its own title) and lead-sentence templates. */
export const eventKinds: Record<string, { titles: string[]; leads: string[] }> = {
  funding: {
    titles: [
      "{c} raises {m} in {round} round led by {p} to expand {t} {n}",
      "{c} secures {m} from {p} and others as {t} demand keeps growing",
      "Investors led by {p} pour {m} into {c} for its {a} {t} push",
      "{c} valued at {m2} after {p}-led {round} round, people familiar say",
      "{t} startup {c} lands {m} from {p} to scale {t2} work",
    ],
    leads: [
      "{c} said on {day} it had raised {m} in a {round} funding round led by {p}, valuing the company at {m2}.",
      "{c} has closed a {m} {round} round led by {p}, money it will spend on {t} {n} and {t2} hiring.",
      "{p} led a {m} investment in {c}, the {a} {t} developer said, in one of the largest rounds of the year.",
    ],
  },
  acquisition: {
    titles: [
      "{c} agrees to buy {p} for {m} to strengthen its {t} business",
      "{c} to acquire {p} in {m} deal aimed at {a} {t} {n}",
      "{p} sold to {c} for {m} as consolidation in {t} continues",
      "{c} confirms {m} takeover of {p}, its biggest {t} deal yet",
    ],
    leads: [
      "{c} agreed on {day} to acquire {p} for {m} in cash and stock, adding {t} and {t2} {n} to its lineup.",
      "{c} will buy {p} for about {m}, the companies said, in a deal expected to close next year pending review.",
      "In a {m} deal announced on {day}, {c} is acquiring {p}, whose {t} {n} already runs in {pl}.",
    ],
  },
  launch: {
    titles: [
      "{c} launches {prod} with {q} aimed at {a} {t} workloads",
      "{c} unveils {prod}, promising faster {t} and lower {n} costs",
      "New {prod} from {c} targets {t} customers in {pl} and beyond",
      "{c} rolls out {prod} as race for {t} {n} intensifies",
      "Hands-on: {c}'s {prod} brings {q} to {a} {t} users",
    ],
    leads: [
      "{c} on {day} launched {prod}, which packs {q} and is built for {t} and {t2} workloads.",
      "{c} introduced {prod} at an event in {pl}, saying it delivers {pct} better {t} performance than before.",
      "The new {prod} from {c} offers {q}, the company said, and will reach {t} customers within weeks.",
    ],
  },
  model: {
    titles: [
      "{c} releases {prod}, a {a} model that tops {t} benchmarks",
      "{c}'s new {prod} model beats rivals on {t} and {t2} tests",
      "{prod} from {c} arrives with longer context and cheaper {t} pricing",
      "{c} opens {prod} to developers, claiming big gains in {t}",
    ],
    leads: [
      "{c} released {prod} on {day}, a model it says scores {pct} higher on {t} and {t2} benchmarks.",
      "{prod}, the latest model from {c}, is available to developers through its API at a lower {t} price.",
      "{c} said {prod} handles {q} of context and improves {t} accuracy by {pct} over its predecessor.",
    ],
  },
  datacenter: {
    titles: [
      "{c} signs {q} power deal for {pl} data center campus with {p}",
      "{c} plans {m} data center in {pl} to meet {t} demand",
      "{c} and {p} to build {q} AI campus near {pl}",
      "{pl} approves {c}'s {m} {t} data center after long review",
    ],
    leads: [
      "{c} has signed an agreement with {p} for {q} of power for a data center campus in {pl}, the companies said.",
      "{c} will invest {m} in a new data center in {pl}, its largest {t} build so far, with {p} as partner.",
      "Officials in {pl} approved {c}'s plan for a {q} campus, which will serve {t} and {t2} customers.",
    ],
  },
  earnings: {
    titles: [
      "{c} shares jump after quarterly revenue rises {pct} on {t} sales",
      "{c} beats estimates as {t} revenue climbs to {m}",
      "{c} stock slides as {t} guidance disappoints investors",
      "{c} posts record quarter, lifts forecast on {t} and {t2} demand",
    ],
    leads: [
      "{c} reported quarterly revenue of {m} on {day}, up {pct} from a year earlier, driven by {t} demand.",
      "Shares of {c} moved after the company said {t} revenue reached {m} and guided above analyst estimates.",
      "{c} said {t} sales grew {pct} in the quarter, while {t2} margins narrowed, according to its filing.",
    ],
  },
  partnership: {
    titles: [
      "{c} and {p} expand partnership to bring {prod} to {t} customers",
      "{p} picks {c} as preferred {t} partner in multi-year deal",
      "{c} teams up with {p} on {a} {t} {n} for enterprises",
    ],
    leads: [
      "{c} and {p} said on {day} they would expand their partnership, bringing {prod} to {t} customers.",
      "Under a multi-year agreement worth {m}, {p} will use {c}'s {prod} for {t} and {t2} work.",
      "{p} has chosen {c} as its main {t} partner, the companies said, in a deal covering {pl}.",
    ],
  },
  policy: {
    titles: [
      "Regulators in {pl} open probe into {c} over {t} {n} practices",
      "{pl} lawmakers propose new rules for {t} after {c} controversy",
      "{c} faces {m} fine in {pl} over {t} and {t2} data use",
      "{per} says {pl} will tighten {t} export rules affecting {c}",
    ],
    leads: [
      "Regulators in {pl} have opened an investigation into {c} over its {t} {n} practices, officials said on {day}.",
      "A proposal in {pl} would require companies such as {c} to disclose {t} and {t2} data, {per} said.",
      "{c} could face a fine of up to {m} in {pl} after complaints about {t} {n}, according to a filing.",
    ],
  },
  people: {
    titles: [
      "{c} hires former {p} executive {per} to lead {t} efforts",
      "{per} leaves {p} to join {c} as head of {t}",
      "{c} names {per} chief of {t} in leadership shake-up",
    ],
    leads: [
      "{c} has hired {per}, previously at {p}, to run its {t} and {t2} teams, the company said on {day}.",
      "{per} is joining {c} from {p} to lead {t}, a move that follows weeks of talks, people familiar said.",
    ],
  },
  lawsuit: {
    titles: [
      "{c} sued by {p} over alleged misuse of {t} {n} data",
      "Judge allows {p} lawsuit against {c} over {t} to proceed",
      "{c} settles {t} copyright case with {p} for {m}",
    ],
    leads: [
      "{p} filed a lawsuit against {c} on {day}, alleging the company used its {t} {n} without permission.",
      "A judge in {pl} ruled that {p}'s case against {c} over {t} can go ahead, rejecting a motion to dismiss.",
      "{c} agreed to pay {m} to settle claims by {p} over {t} and {t2} data, according to court papers.",
    ],
  },
  research: {
    titles: [
      "{c} researchers show {a} method cuts {t} training costs by {pct}",
      "{c} paper finds {t} models improve with {a} {t2} data",
      "Study from {c} and {p} questions {t} benchmark results",
    ],
    leads: [
      "Researchers at {c} described a {a} method that reduces {t} training costs by {pct} on standard benchmarks.",
      "A paper from {c} and {p} finds that {t} models trained with {a} {t2} data improve {pct} on held-out tests.",
    ],
  },
};

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
