/**
 * Training end to end, shared by `npm run fraud:train` and the model's test: generate the seeded
 * examples, split them 80/20 stratified, fit the regression on the 80, and measure the model and
 * the rules-only baseline on the held-out 20 with the same compiled scorer the hot path uses.
 */
import { MODEL_FEATURES, type FeatureVector } from "../features";
import { BASELINE_RULES, baselineScore } from "./baseline";
import { compileScorer, trainLogistic, type Term } from "./logistic";
import { evaluate, roundMetrics, type Metrics } from "./metrics";
import { mulberry32 } from "./prng";
import { generateExamples, type Example } from "./synthetic";

export const MODEL_VERSION = "fraud-v1";
export const DEFAULT_SEED = 17;
export const DEFAULT_EXAMPLES = 200_000;
export const THRESHOLDS = { review: 0.65, block: 0.8 } as const;
const LAMBDA = 1;

export interface ModelFile {
  version: string;
  kind: "logistic_regression";
  features: string[];
  /** A fixed instant derived from the seed (2026-01-01 plus the seed in seconds), so reruns write the same file. */
  trained_at: string;
  training: { seed: number; examples: number; split: string; lambda: number };
  thresholds: { review: number; block: number };
  intercept: number;
  terms: Term[];
  coefficients: number[];
  metrics: { held_out: Metrics; rules_baseline: Metrics & { rules: string[] } };
}

/** Train and held-out parts, 80/20 within each class, shuffled by a PRNG seeded from `seed`. */
export function stratifiedSplit(examples: Example[], seed: number): { train: Example[]; heldOut: Example[] } {
  const rng = mulberry32(seed ^ 0x5f3759df);
  const train: Example[] = [];
  const heldOut: Example[] = [];
  for (const label of [0, 1] as const) {
    const part = examples.filter((e) => e.fraud === label);
    for (let i = part.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [part[i], part[j]] = [part[j]!, part[i]!];
    }
    const cut = Math.round(part.length * 0.8);
    part.forEach((e, i) => (i < cut ? train : heldOut).push(e));
  }
  return { train, heldOut };
}

export function trainFraudModel(options: { seed?: number; examples?: number } = {}): ModelFile {
  const seed = options.seed ?? DEFAULT_SEED;
  const count = options.examples ?? DEFAULT_EXAMPLES;
  const { train, heldOut } = stratifiedSplit(generateExamples({ seed, count }), seed);
  const params = trainLogistic({ vectors: train.map((e) => e.features), labels: train.map((e) => e.fraud), lambda: LAMBDA });
  const score = compileScorer(params);
  const labels = heldOut.map((e) => e.fraud);
  const measure = (f: (v: FeatureVector) => number) =>
    roundMetrics(
      evaluate(
        heldOut.map((e) => f(e.features)),
        labels,
        THRESHOLDS,
      ),
    );
  return {
    version: MODEL_VERSION,
    kind: "logistic_regression",
    features: [...MODEL_FEATURES],
    trained_at: new Date(Date.UTC(2026, 0, 1) + seed * 1000).toISOString(),
    training: { seed, examples: count, split: "80/20 stratified by label", lambda: LAMBDA },
    thresholds: { ...THRESHOLDS },
    intercept: params.intercept,
    terms: params.terms,
    coefficients: params.coefficients,
    metrics: { held_out: measure(score), rules_baseline: { ...measure(baselineScore), rules: [...BASELINE_RULES] } },
  };
}
