import { describe, expect, it } from "vitest";
import { chainConfigFromEnv, redactRpcUrl } from "./config";

describe("chain configuration", () => {
  it("defaults to the local chain when EVM_RPC_URL is unset", () => {
    expect(chainConfigFromEnv({})).toEqual({ kind: "local", chainId: 31337 });
    expect(chainConfigFromEnv({ EVM_RPC_URL: "  " })).toEqual({ kind: "local", chainId: 31337 });
  });

  it("reads EVM_RPC_URL with its EVM_CHAIN_ID", () => {
    expect(chainConfigFromEnv({ EVM_RPC_URL: "https://rpc.example.com/v2/key", EVM_CHAIN_ID: "8453" })).toEqual({
      kind: "rpc",
      url: "https://rpc.example.com/v2/key",
      chainId: 8453,
    });
  });

  it("refuses an RPC URL without a chain id, a bad chain id, a chain id alone, or a non-HTTP URL", () => {
    expect(() => chainConfigFromEnv({ EVM_RPC_URL: "https://rpc.example.com" })).toThrow(/needs EVM_CHAIN_ID/);
    for (const bad of ["0", "-1", "1.5", "0x1", "mainnet", "9007199254740993"]) {
      expect(() => chainConfigFromEnv({ EVM_RPC_URL: "https://rpc.example.com", EVM_CHAIN_ID: bad }), bad).toThrow(/positive integer/);
    }
    expect(() => chainConfigFromEnv({ EVM_CHAIN_ID: "1" })).toThrow(/EVM_RPC_URL is not/);
    expect(() => chainConfigFromEnv({ EVM_RPC_URL: "ws://rpc.example.com", EVM_CHAIN_ID: "1" })).toThrow(/http/);
    expect(() => chainConfigFromEnv({ EVM_RPC_URL: "not a url", EVM_CHAIN_ID: "1" })).toThrow(/not a URL/);
  });

  it("shows only an RPC URL's origin, since providers put API keys in the path", () => {
    expect(redactRpcUrl("https://eth-mainnet.example.com/v2/SECRETKEY?x=1")).toBe("https://eth-mainnet.example.com");
  });
});
