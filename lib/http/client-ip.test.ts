import { request, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientIp, installPeerAddressHeader, PEER_HEADER, trustedProxies } from "./client-ip";

const h = (headers: Record<string, string>) => new Headers(headers);

describe("clientIp", () => {
  it("without trusted proxies, is the peer: a client's X-Forwarded-For is ignored (rotating it resets nothing)", () => {
    const none = trustedProxies("");
    expect(clientIp(h({ [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": "1.2.3.4" }), none)).toBe("203.0.113.7");
    expect(clientIp(h({ [PEER_HEADER]: "::ffff:203.0.113.7" }), none)).toBe("203.0.113.7");
    expect(clientIp(h({ "x-forwarded-for": "1.2.3.4" }), none)).toBeNull();
  });

  it("behind trusted proxies, reads X-Forwarded-For from the right and stops at the first address no proxy vouches for", () => {
    const lb = trustedProxies("10.0.0.0/8, 192.168.1.1");
    // client → (spoofed entry) → LB 10.0.0.5 → Kassa
    expect(clientIp(h({ [PEER_HEADER]: "10.0.0.5", "x-forwarded-for": "6.6.6.6, 198.51.100.9" }), lb)).toBe("198.51.100.9");
    expect(clientIp(h({ [PEER_HEADER]: "10.0.0.5", "x-forwarded-for": "198.51.100.9, 192.168.1.1" }), lb)).toBe("198.51.100.9");
    // The peer is not a proxy: its X-Forwarded-For is the client's own words.
    expect(clientIp(h({ [PEER_HEADER]: "198.51.100.9", "x-forwarded-for": "10.0.0.1" }), lb)).toBe("198.51.100.9");
    // A trusted proxy with nothing forwarded: the proxy itself.
    expect(clientIp(h({ [PEER_HEADER]: "10.0.0.5" }), lb)).toBe("10.0.0.5");
    expect(clientIp(h({ [PEER_HEADER]: "10.0.0.5", "x-forwarded-for": "not-an-ip" }), lb)).toBe("10.0.0.5");
  });

  it("reads KASSA_TRUSTED_PROXIES by default, parsed once per value: a changed value counts from the next call", () => {
    const before = process.env.KASSA_TRUSTED_PROXIES;
    const forwarded = h({ [PEER_HEADER]: "10.0.0.5", "x-forwarded-for": "198.51.100.9" });
    try {
      delete process.env.KASSA_TRUSTED_PROXIES;
      expect(clientIp(forwarded)).toBe("10.0.0.5");
      process.env.KASSA_TRUSTED_PROXIES = "10.0.0.0/8";
      expect(clientIp(forwarded)).toBe("198.51.100.9");
      expect(clientIp(forwarded)).toBe("198.51.100.9");
      process.env.KASSA_TRUSTED_PROXIES = " ";
      expect(clientIp(forwarded)).toBe("10.0.0.5");
    } finally {
      if (before === undefined) delete process.env.KASSA_TRUSTED_PROXIES;
      else process.env.KASSA_TRUSTED_PROXIES = before;
    }
  });

  it("refuses a malformed KASSA_TRUSTED_PROXIES instead of trusting too much", () => {
    expect(() => trustedProxies("10.0.0.0/8, everyone")).toThrow(/KASSA_TRUSTED_PROXIES/);
  });
});

describe("installPeerAddressHeader", () => {
  it("writes the TCP peer over whatever a client sent in that header, before the app's listener runs", async () => {
    class TestServer extends Server {}
    installPeerAddressHeader(TestServer);
    installPeerAddressHeader(TestServer); // idempotent
    const server = new TestServer((req, res) => res.end(String(req.headers[PEER_HEADER])));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const { port } = server.address() as AddressInfo;
    const seen = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port, localAddress: "127.0.0.2", headers: { [PEER_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" } },
        (res) => {
          let body = "";
          res.on("data", (c: Buffer) => (body += c.toString()));
          res.on("end", () => resolve(body));
        },
      );
      req.on("error", reject);
      req.end();
    });
    server.close();
    expect(seen).toBe("127.0.0.2");
  });
});
