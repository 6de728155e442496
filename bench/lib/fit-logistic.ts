/**
 * Logistic regression by Newton's method (IRLS) with a small ridge and balanced classes — the fitting method of
 * the lexical pair model (bench/cluster-fit.ts) and of the semantic one (semantic-cv.ts), over any named columns.
 */
export type Row = { x: number[]; same: boolean };

export function fitLogistic(
  rows: Row[],
  names: readonly string[],
  ridge = 1e-4,
  iterations = 30,
): Record<string, number> {
  const k = names.length + 1;
  const positives = rows.filter((r) => r.same).length || 1;
  const negatives = rows.length - positives || 1;
  let w = new Array<number>(k).fill(0);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    const gradient = new Array<number>(k).fill(0);
    const hessian = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (const row of rows) {
      const c = row.same ? 0.5 / positives : 0.5 / negatives;
      let z = w[0] as number;
      for (let i = 1; i < k; i += 1) z += (w[i] as number) * (row.x[i - 1] as number);
      const p = 1 / (1 + Math.exp(-z));
      const g = c * (p - (row.same ? 1 : 0));
      const h = c * p * (1 - p);
      for (let i = 0; i < k; i += 1) {
        const xi = i === 0 ? 1 : (row.x[i - 1] as number);
        gradient[i] = (gradient[i] as number) + g * xi;
        const line = hessian[i] as number[];
        for (let j = 0; j <= i; j += 1)
          line[j] = (line[j] as number) + h * xi * (j === 0 ? 1 : (row.x[j - 1] as number));
      }
    }
    for (let i = 0; i < k; i += 1)
      for (let j = i + 1; j < k; j += 1) (hessian[i] as number[])[j] = (hessian[j] as number[])[i] as number;
    for (let i = 1; i < k; i += 1) {
      gradient[i] = (gradient[i] as number) + ridge * (w[i] as number);
      (hessian[i] as number[])[i] = ((hessian[i] as number[])[i] as number) + ridge;
    }
    const step = solve(hessian, gradient);
    w = w.map((wi, i) => wi - (step[i] as number));
  }
  return Object.fromEntries(["bias", ...names].map((n, i) => [n, Math.round((w[i] as number) * 100) / 100]));
}

/** Gaussian elimination with partial pivoting. */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] as number]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1)
      if (Math.abs((a[r] as number[])[col] as number) > Math.abs((a[pivot] as number[])[col] as number)) pivot = r;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const p = (a[col] as number[])[col] as number;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = 0; r < n; r += 1) {
      if (r === col) continue;
      const factor = ((a[r] as number[])[col] as number) / p;
      if (!factor) continue;
      for (let c = col; c <= n; c += 1)
        (a[r] as number[])[c] = ((a[r] as number[])[c] as number) - factor * ((a[col] as number[])[c] as number);
    }
  }
  return a.map((row, i) => (row[n] as number) / ((row[i] as number) || 1));
}
