import { afterEach, describe, expect, it } from "vitest";
import { resolveConfig } from "./config";
import { seededRandom } from "./seeded-random";

const draws = (random: () => number, n: number) => Array.from({ length: n }, random);

describe("seededRandom (mulberry32)", () => {
  it("gives mulberry32's published sequence for seed 1", () => {
    expect(draws(seededRandom(1), 3)).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });

  it("repeats for a seed, differs for another, and stays in [0, 1)", () => {
    const a = draws(seededRandom(7), 1000);
    expect(draws(seededRandom(7), 1000)).toEqual(a);
    expect(draws(seededRandom(8), 1000)).not.toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
    // Roughly uniform: each tenth of [0, 1) gets 100 ± 40 of the 1,000 draws.
    for (let d = 0; d < 10; d++) expect(Math.abs(a.filter((x) => Math.floor(x * 10) === d).length - 100)).toBeLessThan(40);
  });
});

describe("KASSA_SANDBOX_FAULT_SEED", () => {
  afterEach(() => {
    delete process.env.KASSA_SANDBOX_FAULT_SEED;
    delete process.env.KASSA_SANDBOX_B_FAULT_SEED;
  });

  it("is Math.random when unset, as before", () => {
    expect(resolveConfig().random).toBe(Math.random);
    expect(resolveConfig({}, "sandbox_b").random).toBe(Math.random);
  });

  it("draws the seed's sequence, one sequence for the whole process however often the config is resolved", () => {
    process.env.KASSA_SANDBOX_FAULT_SEED = "1001";
    const twin = seededRandom(1001);
    const seen = Array.from({ length: 6 }, () => resolveConfig().random());
    expect(seen).toEqual(draws(twin, 6));
    expect(resolveConfig({}, "sandbox_b").random).toBe(Math.random);
  });

  it("seeds sandbox_b from its own variable, and a connector's own random still wins", () => {
    process.env.KASSA_SANDBOX_B_FAULT_SEED = "2002";
    expect(draws(resolveConfig({}, "sandbox_b").random, 4)).toEqual(draws(seededRandom(2002), 4));
    const own = () => 0.5;
    expect(resolveConfig({ random: own }, "sandbox_b").random).toBe(own);
  });

  it("refuses a seed that is not a whole number in [0, 2^32)", () => {
    for (const bad of ["-1", "1.5", String(2 ** 32), "abc"]) {
      process.env.KASSA_SANDBOX_FAULT_SEED = bad;
      expect(() => resolveConfig(), bad).toThrow(/KASSA_SANDBOX_FAULT_SEED/);
    }
  });
});
