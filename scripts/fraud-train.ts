/**
 * `npm run fraud:train [-- --examples N --seed S --out FILE]`: trains the fraud model on the seeded
 * synthetic payments (lib/fraud/model/synthetic.ts), prints the held-out metrics beside the
 * rules-only baseline's, and writes lib/fraud/model/model-v1.json. The same seed writes the same file.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import * as prettier from "prettier";
import { DEFAULT_EXAMPLES, DEFAULT_SEED, trainFraudModel } from "../lib/fraud/model/train";
import type { Metrics } from "../lib/fraud/model/metrics";

const { values } = parseArgs({
  options: { examples: { type: "string" }, seed: { type: "string" }, out: { type: "string" } },
});
const examples = Number(values.examples ?? DEFAULT_EXAMPLES);
const seed = Number(values.seed ?? DEFAULT_SEED);
const out = path.resolve(values.out ?? path.join(import.meta.dirname, "../lib/fraud/model/model-v1.json"));

const started = performance.now();
const model = trainFraudModel({ seed, examples });
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
function line(name: string, m: Metrics): string {
  return [
    name.padEnd(6),
    `AUC ${m.auc.toFixed(4)}`,
    `review@${m.review.threshold}: precision ${pct(m.review.precision)} recall ${pct(m.review.recall)} FPR ${pct(m.review.false_positive_rate)}`,
    `block@${m.block.threshold}: precision ${pct(m.block.precision)} recall ${pct(m.block.recall)} FPR ${pct(m.block.false_positive_rate)}`,
  ].join(" | ");
}

const { held_out: heldOut, rules_baseline: rules } = model.metrics;
console.log(`fraud model ${model.version}: ${examples} examples (seed ${seed}), trained in ${seconds} s`);
console.log(`held-out split: ${heldOut.examples} examples, ${heldOut.fraud} fraudulent`);
console.log(line("model", heldOut));
console.log(line("rules", rules));
const beats = heldOut.auc > rules.auc;
const fprOk = heldOut.block.false_positive_rate < 0.001;
console.log(`model AUC ${beats ? ">" : "<="} rules AUC; block-threshold FPR ${pct(heldOut.block.false_positive_rate)} ${fprOk ? "<" : ">="} 0.1%`);

// Written as Prettier formats it, so `npm run lint:format` passes on a freshly trained file.
const options = (await prettier.resolveConfig(out)) ?? {};
fs.writeFileSync(out, await prettier.format(JSON.stringify(model, null, 2), { ...options, filepath: out }));
console.log(`wrote ${path.relative(process.cwd(), out)} (${fs.statSync(out).size} bytes)`);
if (!beats || !fprOk) process.exitCode = 1;
