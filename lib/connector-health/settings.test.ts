import { describe, expect, it } from "vitest";
import { ConnectorHealthSettingError, DEFAULT_SETTINGS, connectorHealthSettings } from "./settings";

describe("connector health settings", () => {
  it("defaults to 5 failures, 60 s open, a 5-minute window; the environment, then options, override", () => {
    expect(connectorHealthSettings({}, {})).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({ threshold: 5, openMs: 60_000, windowMs: 300_000 });
    const env = { KASSA_BREAKER_THRESHOLD: "8", KASSA_BREAKER_OPEN_MS: " 15000 ", KASSA_HEALTH_WINDOW_MS: "600000" };
    expect(connectorHealthSettings({}, env)).toMatchObject({ threshold: 8, openMs: 15_000, windowMs: 600_000 });
    expect(connectorHealthSettings({ threshold: 2 }, env)).toMatchObject({ threshold: 2, openMs: 15_000 });
  });

  it("refuses a setting that is not a positive integer, naming its variable", () => {
    expect(() => connectorHealthSettings({}, { KASSA_BREAKER_THRESHOLD: "five" })).toThrow(ConnectorHealthSettingError);
    expect(() => connectorHealthSettings({}, { KASSA_BREAKER_OPEN_MS: "0" })).toThrow(/KASSA_BREAKER_OPEN_MS/);
    expect(() => connectorHealthSettings({ probeTimeoutMs: 1.5 }, {})).toThrow(/probeTimeoutMs/);
  });
});
