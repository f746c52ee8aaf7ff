// What the payment page shows of an outgoing transaction's last error: the chain client's first line, without the node's URL.
import { describe, expect, it } from "vitest";
import { displayChainError } from "./get-payment-chain-activity";

describe("displayChainError", () => {
  it("shows a chain error's first line without the node's URL (it may carry an API key)", () => {
    expect(displayChainError("insufficient funds for gas * price + value\nURL: https://mainnet.example/v3/secret-key\nRequest body: {}")).toBe(
      "insufficient funds for gas * price + value",
    );
    expect(displayChainError("HTTP request failed at https://rpc.example/key123 (503)")).toBe("HTTP request failed at [node] (503)");
    expect(displayChainError(null)).toBeNull();
  });
});
