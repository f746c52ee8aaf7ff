import { describe, expect, it } from "vitest";
import { LOCAL_ADDRESSES, localAccount, localPrivateKey } from "./local-accounts";
import { LOCAL_ROLES } from "./local-addresses";

describe("the local chain's accounts", () => {
  it("derive the addresses the chain process funds (local-addresses.ts keeps them without viem)", () => {
    expect(LOCAL_ROLES).toHaveLength(8);
    for (const role of LOCAL_ROLES) expect(localAccount(role).address, role).toBe(LOCAL_ADDRESSES[role]);
    expect(new Set(LOCAL_ROLES.map(localPrivateKey)).size).toBe(LOCAL_ROLES.length);
  });
});
