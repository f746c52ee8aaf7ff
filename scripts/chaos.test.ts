import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { parseArgs } from "./chaos/args";
import { buildSchedule, describeSchedule } from "./chaos/schedule";
import { startProxy, type Backend, type Proxy } from "./chaos/proxy";

describe("npm run chaos: the plan", () => {
  it("is the same for the same seed and differs for another", () => {
    const a = buildSchedule({ seed: 7, ops: 500, kills: 3 });
    expect(buildSchedule({ seed: 7, ops: 500, kills: 3 })).toEqual(a);
    expect(describeSchedule(buildSchedule({ seed: 8, ops: 500, kills: 3 }))[0]).not.toBe(describeSchedule(a)[0]);
  });

  it("acts only on earlier payments, with manual capture for captures and cancels, and alternates its kills", () => {
    const { ops, kills } = buildSchedule({ seed: 3, ops: 1000, kills: 4 });
    for (const op of ops.filter((o) => o.kind !== "pay")) {
      const target = ops[op.target!]!;
      expect(target.kind).toBe("pay");
      expect(target.index).toBeLessThan(op.index);
      if (op.kind !== "refund") expect(target.body.capture_method).toBe("manual");
    }
    expect(kills.map((k) => k.instance)).toEqual(["engine", "api", "engine", "api"]);
    expect(kills.every((k, i) => i === 0 || k.atOp >= kills[i - 1]!.atOp)).toBe(true);
  });

  it("parses its flags and refuses unknown ones", () => {
    expect(parseArgs(["--seed", "4", "--ops", "20", "--fault-rate", "0.1", "--kills", "0"])).toMatchObject({ seed: 4, ops: 20, faultRate: 0.1, kills: 0 });
    expect(() => parseArgs(["--ops", "-1"])).toThrow(/--ops/);
    expect(() => parseArgs(["--speed"])).toThrow(/unknown argument/);
  });
});

describe("npm run chaos: the proxy", () => {
  let proxy: Proxy | undefined;
  const servers: http.Server[] = [];
  afterEach(async () => {
    await proxy?.close();
    for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  });

  const backend = async (name: string, answer: (res: http.ServerResponse) => void): Promise<Backend> => {
    const server = http.createServer((_req, res) => answer(res));
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    return { name, port: (server.address() as AddressInfo).port, inRotation: true, served: 0 };
  };

  it("alternates, skips what is out of rotation, and answers 502 when an instance dies mid-request", async () => {
    const a = await backend("a", (res) => res.end("a"));
    const b = await backend("b", (res) => res.end("b"));
    const dying = await backend("dying", (res) => res.socket?.destroy());
    proxy = await startProxy([a, b, dying]);
    dying.inRotation = false;
    const get = async () => (await fetch(proxy!.url)).text();
    expect([await get(), await get()].sort()).toEqual(["a", "b"]);
    b.inRotation = false;
    expect([await get(), await get(), await get()]).toEqual(["a", "a", "a"]);
    a.inRotation = false;
    dying.inRotation = true;
    expect((await fetch(proxy.url)).status).toBe(502);
    dying.inRotation = false;
    expect((await fetch(proxy.url)).status).toBe(503);
    expect(proxy.badGateway).toBe(2);
  });
});
