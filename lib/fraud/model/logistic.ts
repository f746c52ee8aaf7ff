/**
 * The fraud model: a logistic regression over transformed features (logs of amounts and counts,
 * indicators, a few interactions that name the fraud patterns), trained by Newton's method with a
 * small L2 penalty. Chosen over `ml-random-forest` because that library's CART split search visits
 * every sample for every candidate split (20,000 rows × 30 trees took 290 s on this machine), so the
 * 160,000-row training set was out of reach; a regression trains in seconds, is deterministic,
 * stores in a few kilobytes and scores with a few dozen multiply-adds.
 */
import { MODEL_FEATURES, type FeatureVector, type ModelFeature } from "../features";

/** How one feature enters a term. `between` is 1 when lo ≤ x < hi; `not` is 1 − x (for 0/1 features). */
export type Factor = { feature: ModelFeature; fn: "log1p" | "identity" | "not" } | { feature: ModelFeature; fn: "between"; lo: number; hi: number };

/** A term is the product of its factors. */
export interface Term {
  name: string;
  factors: Factor[];
}

const log = (feature: ModelFeature): Term => ({ name: `log1p(${feature})`, factors: [{ feature, fn: "log1p" }] });
const flag = (feature: ModelFeature): Term => ({ name: feature, factors: [{ feature, fn: "identity" }] });

/** The model's terms: every feature, then the interactions the patterns in synthetic.ts describe. */
export const TERMS: Term[] = [
  log("amount_in_usd"),
  log("amount_vs_customer_avg"),
  log("amount_vs_merchant_avg"),
  flag("is_first_payment_for_card"),
  flag("is_first_time_customer"),
  log("card_attempts_1h"),
  log("card_attempts_24h"),
  log("card_declines_1h"),
  log("card_declines_24h"),
  log("email_attempts_1h"),
  log("email_attempts_24h"),
  log("ip_attempts_1h"),
  log("ip_attempts_24h"),
  log("ip_declines_1h"),
  log("customer_attempts_24h"),
  log("vpa_attempts_1h"),
  log("distinct_cards_per_email_24h"),
  log("distinct_cards_per_ip_24h"),
  log("distinct_emails_per_card_24h"),
  flag("card_country_mismatch"),
  { name: "hour_of_day in [0, 8)", factors: [{ feature: "hour_of_day", fn: "between", lo: 0, hi: 8 }] },
  log("merchant_small_declines_10m"),
  { name: "network_risk = 1", factors: [{ feature: "network_risk", fn: "between", lo: 1, hi: 2 }] },
  { name: "network_risk = 2", factors: [{ feature: "network_risk", fn: "between", lo: 2, hi: 3 }] },
  {
    name: "known customer × new card × log1p(amount_vs_customer_avg)",
    factors: [
      { feature: "is_first_time_customer", fn: "not" },
      { feature: "is_first_payment_for_card", fn: "identity" },
      { feature: "amount_vs_customer_avg", fn: "log1p" },
    ],
  },
  {
    name: "known customer × new card × card_country_mismatch",
    factors: [
      { feature: "is_first_time_customer", fn: "not" },
      { feature: "is_first_payment_for_card", fn: "identity" },
      { feature: "card_country_mismatch", fn: "identity" },
    ],
  },
  {
    name: "card_country_mismatch × log1p(amount_vs_merchant_avg)",
    factors: [
      { feature: "card_country_mismatch", fn: "identity" },
      { feature: "amount_vs_merchant_avg", fn: "log1p" },
    ],
  },
  {
    name: "new card × log1p(amount_vs_merchant_avg)",
    factors: [
      { feature: "is_first_payment_for_card", fn: "identity" },
      { feature: "amount_vs_merchant_avg", fn: "log1p" },
    ],
  },
  {
    name: "amount < USD 5 × log1p(merchant_small_declines_10m)",
    factors: [
      { feature: "amount_in_usd", fn: "between", lo: 0, hi: 500 },
      { feature: "merchant_small_declines_10m", fn: "log1p" },
    ],
  },
  {
    name: "amount < USD 5 × log1p(distinct_cards_per_ip_24h)",
    factors: [
      { feature: "amount_in_usd", fn: "between", lo: 0, hi: 500 },
      { feature: "distinct_cards_per_ip_24h", fn: "log1p" },
    ],
  },
];

/** The parameters as saved in the model file: raw-scale coefficients, one per term. */
export interface LogisticParameters {
  terms: Term[];
  intercept: number;
  coefficients: number[];
}

const FN_LOG1P = 0;
const FN_IDENTITY = 1;
const FN_NOT = 2;
const FN_BETWEEN = 3;
const FN_CODES = { log1p: FN_LOG1P, identity: FN_IDENTITY, not: FN_NOT, between: FN_BETWEEN } as const;

/** Features are counts, ratios and flags: anything negative or not finite reads as 0. */
function clean(x: number): number {
  return x > 0 && x < Infinity ? x : 0;
}

/**
 * Compiles the parameters into flat typed arrays and returns a scorer that allocates nothing per
 * call: it copies the vector into a reused buffer in MODEL_FEATURES order, then sums the terms.
 */
export function compileScorer(params: LogisticParameters): (vector: FeatureVector) => number {
  const featureIndex = new Map<string, number>(MODEL_FEATURES.map((f, i) => [f, i]));
  const termCount = params.terms.length;
  if (params.coefficients.length !== termCount) throw new Error("fraud model: one coefficient per term");
  const factorCount = params.terms.reduce((n, t) => n + t.factors.length, 0);
  const termEnd = new Int32Array(termCount);
  const coef = new Float64Array(params.coefficients);
  const fFeature = new Int32Array(factorCount);
  const fFn = new Uint8Array(factorCount);
  const fLo = new Float64Array(factorCount);
  const fHi = new Float64Array(factorCount);
  let k = 0;
  params.terms.forEach((term, t) => {
    for (const factor of term.factors) {
      const index = featureIndex.get(factor.feature);
      if (index === undefined) throw new Error(`fraud model: unknown feature ${factor.feature}`);
      fFeature[k] = index;
      fFn[k] = FN_CODES[factor.fn];
      if (factor.fn === "between") {
        fLo[k] = factor.lo;
        fHi[k] = factor.hi;
      }
      k++;
    }
    termEnd[t] = k;
  });
  const intercept = params.intercept;
  const x = new Float64Array(MODEL_FEATURES.length);
  const names = MODEL_FEATURES;
  const width = names.length;
  return (vector) => {
    for (let i = 0; i < width; i++) x[i] = clean(vector[names[i]!]);
    let z = intercept;
    let f = 0;
    for (let t = 0; t < termCount; t++) {
      const end = termEnd[t]!;
      let value = 1;
      for (; f < end; f++) {
        const v = x[fFeature[f]!]!;
        const fn = fFn[f]!;
        if (fn === FN_LOG1P) value *= Math.log1p(v);
        else if (fn === FN_NOT) value *= 1 - v;
        else if (fn === FN_BETWEEN) value *= v >= fLo[f]! && v < fHi[f]! ? 1 : 0;
        else value *= v;
      }
      z += coef[t]! * value;
    }
    return 1 / (1 + Math.exp(-z));
  };
}

/** One row of term values for a vector (training only; scoring uses the compiled form). */
export function termValues(terms: Term[], vector: FeatureVector, out: Float64Array, offset: number): void {
  terms.forEach((term, t) => {
    let value = 1;
    for (const factor of term.factors) {
      const v = clean(vector[factor.feature]);
      if (factor.fn === "log1p") value *= Math.log1p(v);
      else if (factor.fn === "not") value *= 1 - v;
      else if (factor.fn === "between") value *= v >= factor.lo && v < factor.hi ? 1 : 0;
      else value *= v;
    }
    out[offset + t] = value;
  });
}

/** Rounds to 8 significant digits, so the saved file is stable and readable. */
function round(x: number): number {
  return Number(x.toPrecision(8));
}

/**
 * Fits the terms to the labels by Newton's method (iteratively reweighted least squares) on
 * standardised term values with an L2 penalty `lambda`, then folds the standardisation back into
 * raw-scale coefficients.
 */
export function trainLogistic(args: { vectors: FeatureVector[]; labels: (0 | 1)[]; terms?: Term[]; lambda?: number; iterations?: number }): LogisticParameters {
  const terms = args.terms ?? TERMS;
  const lambda = args.lambda ?? 1;
  const n = args.vectors.length;
  const d = terms.length;
  const X = new Float64Array(n * d);
  args.vectors.forEach((v, i) => termValues(terms, v, X, i * d));
  const mean = new Float64Array(d);
  const scale = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j]! += X[i * d + j]! / n;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) scale[j]! += (X[i * d + j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) X[i * d + j] = (X[i * d + j]! - mean[j]!) / scale[j]!;

  // Parameters: index 0 the intercept, then one weight per term.
  const p = d + 1;
  const w = new Float64Array(p);
  const positives = args.labels.reduce<number>((s, y) => s + y, 0);
  w[0] = Math.log(Math.max(positives, 1) / Math.max(n - positives, 1));
  const row = new Float64Array(p);
  const labels = args.labels;
  const loss = (weights: Float64Array): number => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      let z = weights[0]!;
      for (let j = 0; j < d; j++) z += weights[j + 1]! * X[i * d + j]!;
      // log(1 + e^z) − y z, computed without overflow.
      total += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - labels[i]! * z;
    }
    for (let j = 1; j < p; j++) total += (lambda / 2) * weights[j]! ** 2;
    return total;
  };
  for (let iteration = 0; iteration < (args.iterations ?? 30); iteration++) {
    const grad = new Float64Array(p);
    const hess = new Float64Array(p * p);
    for (let i = 0; i < n; i++) {
      row[0] = 1;
      for (let j = 0; j < d; j++) row[j + 1] = X[i * d + j]!;
      let z = 0;
      for (let j = 0; j < p; j++) z += w[j]! * row[j]!;
      const mu = 1 / (1 + Math.exp(-z));
      const r = mu - args.labels[i]!;
      const s = Math.max(mu * (1 - mu), 1e-12);
      for (let a = 0; a < p; a++) {
        const ra = row[a]!;
        if (ra === 0) continue;
        grad[a]! += r * ra;
        const sa = s * ra;
        for (let b = 0; b <= a; b++) hess[a * p + b]! += sa * row[b]!;
      }
    }
    for (let a = 1; a < p; a++) {
      grad[a]! += lambda * w[a]!;
      hess[a * p + a]! += lambda;
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) hess[b * p + a] = hess[a * p + b]!;
    const step = choleskySolve(hess, grad, p);
    // Newton's step can overshoot on nearly separable data: halve it until the penalised loss falls.
    const before = loss(w);
    const next = new Float64Array(p);
    let t = 1;
    for (; t > 1e-6; t /= 2) {
      for (let j = 0; j < p; j++) next[j] = w[j]! - t * step[j]!;
      if (loss(next) <= before) break;
    }
    let largest = 0;
    for (let j = 0; j < p; j++) largest = Math.max(largest, Math.abs(next[j]! - w[j]!));
    w.set(next);
    if (largest < 1e-8) break;
  }
  const coefficients = terms.map((_, j) => w[j + 1]! / scale[j]!);
  let intercept = w[0]!;
  for (let j = 0; j < d; j++) intercept -= (w[j + 1]! * mean[j]!) / scale[j]!;
  return { terms, intercept: round(intercept), coefficients: coefficients.map(round) };
}

/** Solves A x = b for a symmetric positive definite A (p × p, row-major). */
function choleskySolve(A: Float64Array, b: Float64Array, p: number): Float64Array {
  const L = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = A[i * p + j]!;
      for (let k = 0; k < j; k++) sum -= L[i * p + k]! * L[j * p + k]!;
      L[i * p + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / L[j * p + j]!;
    }
  }
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= L[i * p + k]! * y[k]!;
    y[i] = sum / L[i * p + i]!;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < p; k++) sum -= L[k * p + i]! * x[k]!;
    x[i] = sum / L[i * p + i]!;
  }
  return x;
}
