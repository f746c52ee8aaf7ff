import { MODEL_THRESHOLDS } from "./model/score";

/** Radar's bands from the model's own thresholds: 65 or more is elevated (reviewed by default), 80 or more highest (blocked). */
export const REVIEW_AT = Math.round(MODEL_THRESHOLDS.review * 100);
export const BLOCK_AT = Math.round(MODEL_THRESHOLDS.block * 100);
