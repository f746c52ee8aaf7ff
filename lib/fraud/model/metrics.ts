/** Held-out metrics for a scorer: AUC and the confusion at a threshold. */

export interface ThresholdMetrics {
  threshold: number;
  precision: number;
  recall: number;
  false_positive_rate: number;
  /** How many held-out examples scored at or above the threshold. */
  flagged: number;
}

export interface Metrics {
  examples: number;
  fraud: number;
  auc: number;
  review: ThresholdMetrics;
  block: ThresholdMetrics;
}

/** Area under the ROC curve by the rank-sum formula, ties sharing their average rank. */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]! || a - b);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[order[k]!] === 1) {
        positives++;
        rankSum += rank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function atThreshold(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): ThresholdMetrics {
  let tp = 0;
  let fp = 0;
  let positives = 0;
  for (let i = 0; i < scores.length; i++) {
    const flagged = scores[i]! >= threshold;
    if (labels[i] === 1) {
      positives++;
      if (flagged) tp++;
    } else if (flagged) fp++;
  }
  const negatives = scores.length - positives;
  return {
    threshold,
    precision: tp + fp === 0 ? 0 : tp / (tp + fp),
    recall: positives === 0 ? 0 : tp / positives,
    false_positive_rate: negatives === 0 ? 0 : fp / negatives,
    flagged: tp + fp,
  };
}

/** Rounds every metric to 6 decimals for the model file. */
export function roundMetrics(m: Metrics): Metrics {
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  const t = (x: ThresholdMetrics): ThresholdMetrics => ({
    threshold: x.threshold,
    precision: r(x.precision),
    recall: r(x.recall),
    false_positive_rate: r(x.false_positive_rate),
    flagged: x.flagged,
  });
  return { examples: m.examples, fraud: m.fraud, auc: r(m.auc), review: t(m.review), block: t(m.block) };
}

export function evaluate(scores: ArrayLike<number>, labels: ArrayLike<number>, thresholds: { review: number; block: number }): Metrics {
  let fraud = 0;
  for (let i = 0; i < labels.length; i++) fraud += labels[i]!;
  return {
    examples: labels.length,
    fraud,
    auc: auc(scores, labels),
    review: atThreshold(scores, labels, thresholds.review),
    block: atThreshold(scores, labels, thresholds.block),
  };
}
