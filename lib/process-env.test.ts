import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { detachProcessEnv } from "./process-env";

const live = process.env;
afterEach(() => {
  process.env = live;
});

describe("detachProcessEnv", () => {
  it("in production: the same variables in a plain object; later changes reach the process and its children", () => {
    detachProcessEnv({ NODE_ENV: "production" });
    expect(process.env).not.toBe(live);
    expect(Object.getPrototypeOf(process.env)).toBe(Object.prototype);
    expect(process.env.PATH).toBe(live.PATH);
    expect(Object.keys(process.env).sort()).toEqual(Object.keys(live).sort());
    process.env.KASSA_DETACH_PROBE = "seen";
    const child = spawnSync(process.execPath, ["-e", "process.stdout.write(process.env.KASSA_DETACH_PROBE ?? 'missing')"], { encoding: "utf8" });
    expect(child.stdout).toBe("seen");
    // Once only: a second call keeps the object (and what was set on it).
    const detached = process.env;
    detachProcessEnv({ NODE_ENV: "production" });
    expect(process.env).toBe(detached);
  });

  it("leaves the live environment outside production", () => {
    detachProcessEnv({ NODE_ENV: "development" });
    expect(process.env).toBe(live);
    detachProcessEnv({ NODE_ENV: "test" });
    expect(process.env).toBe(live);
  });
});
