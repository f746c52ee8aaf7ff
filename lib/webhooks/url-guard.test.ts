import { afterEach, describe, expect, it, vi } from "vitest";
import { KassaError } from "@/lib/service/errors";
import { checkWebhookUrl, classifyAddress, isAllowedAddress, resolveAndCheck, type LookupAll } from "./url-guard";

function refusal(fn: () => unknown): KassaError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KassaError);
    return error as KassaError;
  }
  throw new Error("expected a url_invalid refusal, but the URL was accepted");
}

async function asyncRefusal(promise: Promise<unknown>): Promise<KassaError> {
  const error = await promise.then(
    () => new Error("expected a url_invalid refusal, but it was accepted"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KassaError);
  return error as KassaError;
}

// [name, URL, what the message must mention]; every one refused in test mode even with allowLoopback,
// except the loopback rows, which are refused with allowLoopback off (see the loopback tests below).
const REFUSED: [string, string, RegExp][] = [
  ["private 10/8", "https://10.0.0.1/", /private/],
  ["private 172.16/12", "https://172.16.0.1/", /private/],
  ["private 172.31.255.255", "https://172.31.255.255/", /private/],
  ["private 192.168/16", "https://192.168.1.1/", /private/],
  ["link-local 169.254/16", "https://169.254.1.1/", /link-local/],
  ["cloud metadata 169.254.169.254", "http://169.254.169.254/latest/meta-data/", /link-local/],
  ["CGNAT 100.64/10", "https://100.64.0.1/", /cgnat/],
  ["CGNAT top 100.127.255.254", "https://100.127.255.254/", /cgnat/],
  ["unspecified 0.0.0.0", "https://0.0.0.0/", /unspecified/],
  ["unspecified 0/8", "https://0.1.2.3/", /unspecified/],
  ["unspecified as bare 0", "http://0/", /unspecified/],
  ["multicast 224/4", "https://224.0.0.1/", /multicast/],
  ["multicast 239.255.255.250", "https://239.255.255.250/", /multicast/],
  ["reserved 240/4", "https://240.0.0.1/", /reserved/],
  ["broadcast", "https://255.255.255.255/", /broadcast/],
  ["benchmark 198.18/15", "https://198.19.0.1/", /benchmark/],
  ["documentation 192.0.2/24", "https://192.0.2.10/", /documentation/],
  ["documentation 198.51.100/24", "https://198.51.100.10/", /documentation/],
  ["documentation 203.0.113/24", "https://203.0.113.10/", /documentation/],
  ["IETF 192.0.0/24", "https://192.0.0.170/", /reserved/],
  ["unique-local fc00::/7", "https://[fd12:3456::1]/", /unique-local/],
  ["unique-local fc00::", "https://[fc00::1]/", /unique-local/],
  ["IPv6 link-local fe80::/10", "https://[fe80::1]/", /link-local/],
  ["IPv6 site-local fec0::/10", "https://[fec0::1]/", /site-local/],
  ["IPv6 unspecified ::", "https://[::]/", /unspecified/],
  ["IPv6 multicast", "https://[ff02::1]/", /multicast/],
  ["IPv6 documentation", "https://[2001:db8::1]/", /documentation/],
  ["IPv6 benchmark", "https://[2001:2::1]/", /benchmark/],
  ["IPv6 outside 2000::/3", "https://[4000::1]/", /reserved/],
  ["IPv4-mapped private", "https://[::ffff:10.0.0.1]/", /private/],
  ["IPv4-mapped metadata", "https://[::ffff:169.254.169.254]/", /link-local/],
  ["IPv4-compatible ::127.0.0.1", "https://[::127.0.0.1]/", /reserved/],
  ["NAT64 embedding private", "https://[64:ff9b::192.168.0.1]/", /private/],
  ["NAT64 embedding metadata (hex)", "https://[64:ff9b::a9fe:a9fe]/", /link-local/],
  ["local-use NAT64", "https://[64:ff9b:1::8.8.8.8]/", /private/],
  ["6to4 embedding private", "https://[2002:c0a8:0101::1]/", /private/],
  ["6to4 embedding loopback", "https://[2002:7f00:1::1]/", /loopback/],
  ["Teredo", "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", /tunnel/],
  ["decimal private", "http://167772161/", /10\.0\.0\.1.*private/],
  ["hex private", "http://0xa9.0xfe.0xa9.0xfe/", /169\.254\.169\.254/],
  ["octal private", "http://0300.0250.01.01/", /192\.168\.1\.1.*private/],
  ["percent-encoded private", "http://%31%30.0.0.1/", /10\.0\.0\.1/],
  ["fullwidth digits", "http://\uff11\uff10.0.0.1/", /10\.0\.0\.1/],
  ["localhost", "http://localhost:3000/", /reserved/],
  ["localhost, upper case", "http://LOCALHOST/", /reserved/],
  ["localhost via a look-alike letter", "http://\u24dbocalhost/", /reserved/],
  ["*.localhost", "http://api.localhost/", /reserved/],
  ["*.local (mDNS)", "https://printer.local/", /reserved/],
  ["*.internal", "https://metadata.google.internal/", /reserved/],
  ["single-label name", "https://intranet/", /fully qualified/],
  ["trailing dot", "https://example.com./", /dot/],
  ["localhost trailing dot", "http://localhost./", /dot/],
  ["userinfo", "https://user:pass@example.com/", /user name or password/],
  ["user only", "https://user@example.com/", /user name or password/],
  ["userinfo hiding a host", "https://example.com@10.0.0.1/", /user name or password/],
  ["ftp scheme", "ftp://example.com/", /scheme/],
  ["file scheme", "file:///etc/passwd", /scheme/],
  ["gopher scheme", "gopher://example.com:70/", /scheme/],
  ["javascript scheme", "javascript:alert(1)", /scheme/],
  ["data scheme", "data:text/plain,hi", /scheme/],
  ["ws scheme", "ws://example.com/", /scheme/],
  ["relative URL", "/webhooks", /valid absolute URL/],
  ["empty", "", /required/],
  ["too long", `https://example.com/${"a".repeat(2030)}`, /2048/],
];

const LOOPBACK: [string, string][] = [
  ["127.0.0.1", "http://127.0.0.1:8080/"],
  ["127/8 elsewhere", "http://127.255.0.9/"],
  ["short 127.1", "http://127.1/"],
  ["decimal 2130706433", "http://2130706433/"],
  ["hex 0x7f.1", "http://0x7f.1/"],
  ["hex 0x7f000001", "http://0x7f000001/"],
  ["octal 017700000001", "http://017700000001/"],
  ["octal dotted 0177.0.0.01", "http://0177.0.0.01/"],
  ["::1", "http://[::1]/"],
  ["::1 long form", "http://[0:0:0:0:0:0:0:1]/"],
];

afterEach(() => vi.unstubAllEnvs());

const MAPPED_LOOPBACK = ["http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[64:ff9b::127.0.0.1]/"];

describe("checkWebhookUrl", () => {
  it.each(REFUSED)("refuses %s (%s) with url_invalid on param url", (_name, url, reason) => {
    for (const livemode of [false, true]) {
      const error = refusal(() => checkWebhookUrl(url, { livemode, allowLoopback: true }));
      expect(error.code).toBe("url_invalid");
      expect(error.param).toBe("url");
      if (!(livemode && url.startsWith("http:"))) expect(error.message).toMatch(reason);
    }
  });

  it.each(LOOPBACK)("refuses loopback %s (%s) unless allowLoopback", (_name, url) => {
    const error = refusal(() => checkWebhookUrl(url, { livemode: false, allowLoopback: false }));
    expect([error.code, error.param]).toEqual(["url_invalid", "url"]);
    expect(error.message).toMatch(/loopback/);
    expect(checkWebhookUrl(url, { livemode: false, allowLoopback: true })).toBeInstanceOf(URL);
  });

  it.each(MAPPED_LOOPBACK)("refuses loopback carried in IPv6 (%s) even with allowLoopback", (url) => {
    const error = refusal(() => checkWebhookUrl(url, { livemode: false, allowLoopback: true }));
    expect([error.code, error.param]).toEqual(["url_invalid", "url"]);
  });

  it("allowLoopback allows only loopback: 10.0.0.1 and 169.254.169.254 are still refused", () => {
    expect(checkWebhookUrl("http://127.0.0.1:4000/hook", { livemode: false, allowLoopback: true }).port).toBe("4000");
    for (const url of ["http://10.0.0.1/", "http://169.254.169.254/", "http://localhost/"]) {
      expect(refusal(() => checkWebhookUrl(url, { livemode: false, allowLoopback: true })).code).toBe("url_invalid");
    }
  });

  it("allowLoopback defaults to KASSA_WEBHOOKS_ALLOW_LOOPBACK=1", () => {
    vi.stubEnv("KASSA_WEBHOOKS_ALLOW_LOOPBACK", "1");
    expect(checkWebhookUrl("http://127.0.0.1/", { livemode: false }).hostname).toBe("127.0.0.1");
    vi.stubEnv("KASSA_WEBHOOKS_ALLOW_LOOPBACK", "true");
    expect(refusal(() => checkWebhookUrl("http://127.0.0.1/", { livemode: false })).code).toBe("url_invalid");
    vi.stubEnv("KASSA_WEBHOOKS_ALLOW_LOOPBACK", "");
    expect(refusal(() => checkWebhookUrl("http://127.0.0.1/", { livemode: false })).code).toBe("url_invalid");
  });

  it("live mode refuses http and accepts https on any port", () => {
    const error = refusal(() => checkWebhookUrl("http://example.com/hook", { livemode: true }));
    expect([error.code, error.param]).toEqual(["url_invalid", "url"]);
    expect(error.message).toMatch(/https/);
    expect(checkWebhookUrl("https://example.com/hook", { livemode: true }).href).toBe("https://example.com/hook");
    expect(checkWebhookUrl("https://example.com:8443/hook", { livemode: true }).port).toBe("8443");
  });

  it("test mode allows http and https on any port", () => {
    expect(checkWebhookUrl("http://example.com/hook", { livemode: false }).protocol).toBe("http:");
    expect(checkWebhookUrl("http://example.com:1/hook", { livemode: false }).port).toBe("1");
    expect(checkWebhookUrl("https://example.com:65535/hook", { livemode: false }).port).toBe("65535");
  });

  it("accepts public addresses and names, returning the normalised URL", () => {
    expect(checkWebhookUrl("https://8.8.8.8/x", { livemode: true }).hostname).toBe("8.8.8.8");
    expect(checkWebhookUrl("https://[2606:4700:4700::1111]/x", { livemode: true }).hostname).toBe("[2606:4700:4700::1111]");
    expect(checkWebhookUrl("HTTPS://Hooks.Example.COM/a?b=1", { livemode: true }).href).toBe("https://hooks.example.com/a?b=1");
    expect(checkWebhookUrl(`https://example.com/${"a".repeat(2028)}`, { livemode: true }).href).toHaveLength(2048);
  });
});

describe("classifyAddress and isAllowedAddress", () => {
  it.each([
    ["8.8.8.8", "public"],
    ["2606:4700::1111", "public"],
    ["::ffff:8.8.8.8", "public"],
    ["127.0.0.1", "loopback"],
    ["::1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.15.255.255", "public"],
    ["172.32.0.0", "public"],
    ["169.254.169.254", "link_local"],
    ["100.63.255.255", "public"],
    ["100.64.0.0", "cgnat"],
    ["fd00::1", "unique_local"],
    ["fe80::1%eth0", "link_local"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["224.0.0.251", "multicast"],
    ["2002:a00:1::", "private"],
    ["64:ff9b::7f00:1", "loopback"],
    ["not-an-ip", "invalid"],
  ])("%s is %s", (ip, cls) => {
    expect(classifyAddress(ip)).toBe(cls);
  });

  it("allows public always, loopback only in its plain spellings and only when asked", () => {
    expect(isAllowedAddress("8.8.8.8", { allowLoopback: false })).toBe(true);
    expect(isAllowedAddress("127.0.0.1", { allowLoopback: false })).toBe(false);
    expect(isAllowedAddress("127.0.0.1", { allowLoopback: true })).toBe(true);
    expect(isAllowedAddress("::1", { allowLoopback: true })).toBe(true);
    expect(isAllowedAddress("::ffff:127.0.0.1", { allowLoopback: true })).toBe(false);
    expect(isAllowedAddress("10.0.0.1", { allowLoopback: true })).toBe(false);
    expect(isAllowedAddress("fd00::1", { allowLoopback: true })).toBe(false);
  });
});

describe("resolveAndCheck", () => {
  const table: Record<string, string[]> = {
    "evil.example": ["127.0.0.1"],
    "mixed.example": ["93.184.215.14", "10.0.0.5"],
    "mixed6.example": ["2606:4700::1111", "fd00::5"],
    "meta.example": ["169.254.169.254"],
    "good.example": ["93.184.215.14", "2606:4700::1111"],
  };
  const lookup: LookupAll = async (host) => {
    const found = table[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return found.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };

  it("refuses a name that resolves to loopback, link-local, or to one private address among public ones", async () => {
    for (const host of ["evil.example", "mixed.example", "mixed6.example", "meta.example"]) {
      const error = await asyncRefusal(resolveAndCheck(host, { lookup, allowLoopback: false }));
      expect([error.code, error.param]).toEqual(["url_invalid", "url"]);
      expect(error.message).toContain(host);
    }
  });

  it("with allowLoopback, a loopback name passes but a mixed private one does not", async () => {
    expect(await resolveAndCheck("evil.example", { lookup, allowLoopback: true })).toEqual([{ address: "127.0.0.1", family: 4 }]);
    expect((await asyncRefusal(resolveAndCheck("mixed.example", { lookup, allowLoopback: true }))).code).toBe("url_invalid");
  });

  it("returns every address of a public name, checks literals without DNS, and passes DNS errors through", async () => {
    expect(await resolveAndCheck("good.example", { lookup })).toHaveLength(2);
    const never: LookupAll = async () => {
      throw new Error("lookup must not be called for a literal");
    };
    expect(await resolveAndCheck("[2606:4700::1111]", { lookup: never })).toEqual([{ address: "2606:4700::1111", family: 6 }]);
    expect((await asyncRefusal(resolveAndCheck("10.0.0.1", { lookup: never }))).code).toBe("url_invalid");
    await expect(resolveAndCheck("nowhere.example", { lookup })).rejects.toMatchObject({ code: "ENOTFOUND" });
  });

  it("the default resolver refuses localhost-style names before asking DNS", async () => {
    expect((await asyncRefusal(resolveAndCheck("localhost", { allowLoopback: true }))).message).toMatch(/reserved/);
  });
});
