/**
 * The fraud model on the hot path: the committed model file, compiled once at load into flat typed
 * arrays, scored in process with no allocation per call.
 */
import type { FeatureVector } from "../features";
import { MODEL_FEATURES } from "../features";
import { compileScorer, type Term } from "./logistic";
import model from "./model-v1.json" with { type: "json" };

const terms = model.terms as Term[];
if (model.features.length !== MODEL_FEATURES.length || model.features.some((f, i) => f !== MODEL_FEATURES[i])) {
  throw new Error(`fraud model ${model.version} names features other than MODEL_FEATURES: retrain with npm run fraud:train`);
}

/** What fraud_assessments records as the model version. */
export const MODEL_VERSION: string = model.version;

/** Scores at or above `review` go to review, at or above `block` are blocked. */
export const MODEL_THRESHOLDS: Readonly<{ review: number; block: number }> = Object.freeze({ ...model.thresholds });

const scorer = compileScorer({ terms, intercept: model.intercept, coefficients: model.coefficients });

/** The probability in [0, 1] that this payment attempt is fraudulent. Pure: the same vector, the same score. */
export function scoreFeatures(vector: FeatureVector): number {
  return scorer(vector);
}
