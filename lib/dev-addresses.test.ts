import type os from "node:os";
import { describe, expect, it } from "vitest";
import { devHosts, devUrls, lanHosts } from "./dev-addresses";

const iface = (address: string, family: "IPv4" | "IPv6", internal = false) =>
  ({ address, family, internal, netmask: "", mac: "", cidr: null, ...(family === "IPv6" ? { scopeid: 0 } : {}) }) as os.NetworkInterfaceInfo;

const interfaces = {
  lo: [iface("127.0.0.1", "IPv4", true), iface("::1", "IPv6", true)],
  eth0: [iface("192.168.1.20", "IPv4"), iface("fd00::2", "IPv6"), iface("fe80::fc:ff:fe00:1", "IPv6")],
  wlan0: [iface("10.0.0.7", "IPv4")],
};

describe("the dev server's addresses", () => {
  it("LAN hosts: every non-loopback address, IPv6 in brackets, link-local IPv6 left out", () => {
    expect(lanHosts(interfaces)).toEqual(["192.168.1.20", "[fd00::2]", "10.0.0.7"]);
  });

  it("allowed dev origins: loopback by address and the LAN (localhost is Next's own)", () => {
    expect(devHosts(interfaces)).toEqual(["127.0.0.1", "[::1]", "192.168.1.20", "[fd00::2]", "10.0.0.7"]);
  });

  it("printed URLs: every address on the port when next dev listens everywhere, else the one host it was bound to", () => {
    expect(devUrls(4123, "http://localhost:4123", interfaces)).toEqual([
      "http://localhost:4123",
      "http://127.0.0.1:4123",
      "http://192.168.1.20:4123",
      "http://[fd00::2]:4123",
      "http://10.0.0.7:4123",
    ]);
    expect(devUrls(3000, undefined, { lo: interfaces.lo })).toEqual(["http://localhost:3000", "http://127.0.0.1:3000"]);
    expect(devUrls(3000, "http://127.0.0.1:3000", interfaces)).toEqual(["http://127.0.0.1:3000"]);
  });
});
