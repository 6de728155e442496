/** A thing to time: one pass over a whole input set. */
export type Contender = { name: string; pass: () => unknown };

export type Timing = {
  name: string;
  /** Median CPU milliseconds per pass over the input set: the figure ratios use, steady on a shared machine. */
  cpuMs: number;
  /** Median wall-clock milliseconds per pass. */
  wallMs: number;
  /** Interquartile range relative to the median: how noisy the rounds were. */
  spread: number;
  rounds: number;
  passes: number;
  /** CPU milliseconds per pass, one per round, in round order (for paired ratios). */
  perRound: number[];
};

export type Ratio = { median: number; low: number; high: number };

/**
 * The ratio a ÷ b taken round by round (both ran in the same round, so drift cancels), summarised by its median
 * and interquartile range.
 */
export function pairedRatio(a: Timing, b: Timing): Ratio {
  const ratios = a.perRound.map((value, i) => value / (b.perRound[i] ?? Number.NaN)).filter(Number.isFinite);
  ratios.sort((x, y) => x - y);
  return { median: quantile(ratios, 0.5), low: quantile(ratios, 0.25), high: quantile(ratios, 0.75) };
}

export type CompareOptions = {
  /** Wall time each contender should get in the timed rounds. */
  budgetMs: number;
  /** Rounds are at least this long (several passes per round when one pass is quicker). */
  roundMs?: number;
  warmupMs?: number;
  minRounds?: number;
};

const now = () => Number(process.hrtime.bigint()) / 1e6;
const cpuNow = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

type Sample = { wall: number; cpu: number };

async function timePasses(contender: Contender, passes: number): Promise<Sample> {
  const wall = now();
  const cpu = cpuNow();
  for (let i = 0; i < passes; i += 1) {
    const result = contender.pass();
    if (result instanceof Promise) await result;
  }
  return { wall: now() - wall, cpu: cpuNow() - cpu };
}

function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (at - low);
}

/** Runs a contender for at least `warmupMs` (and twice), returning the wall time of one warm pass. */
async function warmUp(contender: Contender, warmupMs: number): Promise<number> {
  let runs = 0;
  let last = 0;
  for (const start = now(); runs < 2 || now() - start < warmupMs; runs += 1)
    last = (await timePasses(contender, 1)).wall;
  return last;
}

const median = (values: number[]) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

/**
 * Times contenders in interleaved rounds (A B C, B C A, C A B, …) so drift, GC and noisy neighbours fall on all of
 * them alike. A warm-up first lets the JIT settle and sizes the rounds: each contender repeats its pass enough times
 * that all rounds last about as long as the slowest single pass (or `roundMs`). Reports the median per pass, in CPU
 * time (user + system of this process, GC threads included) and in wall time.
 */
export async function compare(contenders: Contender[], options: CompareOptions): Promise<Timing[]> {
  const single = new Map<string, number>();
  for (const c of contenders) single.set(c.name, await warmUp(c, options.warmupMs ?? 300));
  const roundMs = Math.max(options.roundMs ?? 50, ...single.values());
  const passes = new Map(
    contenders.map((c) => [c.name, Math.max(1, Math.round(roundMs / Math.max(single.get(c.name) ?? 1, 1e-3)))]),
  );
  const rounds = Math.max(options.minRounds ?? 5, Math.ceil(options.budgetMs / roundMs));
  const samples = new Map<string, Sample[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (let k = 0; k < contenders.length; k += 1) {
      const c = contenders[(round + k) % contenders.length] as Contender;
      const n = passes.get(c.name) ?? 1;
      const sample = await timePasses(c, n);
      samples.get(c.name)?.push({ wall: sample.wall / n, cpu: sample.cpu / n });
    }
  }
  return contenders.map((c) => {
    const list = samples.get(c.name) ?? [];
    const cpu = list.map((s) => s.cpu).sort((a, b) => a - b);
    const cpuMs = quantile(cpu, 0.5);
    return {
      name: c.name,
      cpuMs,
      wallMs: median(list.map((s) => s.wall)),
      spread: cpuMs > 0 ? (quantile(cpu, 0.75) - quantile(cpu, 0.25)) / cpuMs : 0,
      rounds: list.length,
      perRound: list.map((s) => s.cpu),
      passes: list.length * (passes.get(c.name) ?? 1),
    };
  });
}
