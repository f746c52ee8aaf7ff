// VPA rules (README "UPI"): the format, length and blocklist checks with their exact codes, and the mask
// pages show instead of a payer's VPA (SECURITY.md "UPI").
import { describe, expect, it } from "vitest";
import { KassaError } from "@/lib/service/errors";
import { checkVpa, isBlockedVpa, maskVpa, VPA_MAX_LENGTH } from "./vpa";

const codeOf = (vpa: string): string => {
  try {
    checkVpa(vpa);
    return "ok";
  } catch (e) {
    return e instanceof KassaError ? `${e.code}:${e.param}` : "thrown";
  }
};

describe("checkVpa", () => {
  it("takes lowercase handle@psp within the limits", () => {
    for (const vpa of ["asha@okaxis", "asha.verma-1_x@ybl", "abc@ok", `${"a".repeat(100)}@${"b".repeat(64)}`]) expect(codeOf(vpa), vpa).toBe("ok");
    expect(`${"a".repeat(100)}@${"b".repeat(64)}`).toHaveLength(VPA_MAX_LENGTH);
  });

  it("refuses each malformed VPA with vpa_invalid on its param", () => {
    for (const vpa of [
      "ashaokaxis",
      "Asha@okaxis",
      "asha@OKAXIS",
      "ab@okaxis",
      ".asha@okaxis",
      "asha.@okaxis",
      "asha!@okaxis",
      "asha@ok@axis",
      "asha@o",
      "asha@1ok",
      "asha@",
      "@okaxis",
      "asha @okaxis",
      `${"a".repeat(101)}@okaxis`,
      `${"a".repeat(160)}@okaxis`,
    ]) {
      expect(codeOf(vpa), vpa).toBe("vpa_invalid:vpa");
    }
    expect(() => checkVpa("nope", "payment_method_options[upi][vpa]")).toThrow(expect.objectContaining({ param: "payment_method_options[upi][vpa]" }));
  });

  it("refuses blocked VPAs, exactly or by their PSP handle, with vpa_blocked", () => {
    expect(codeOf("blocked@kassa")).toBe("vpa_blocked:vpa");
    expect(codeOf("fraud@kassa")).toBe("vpa_blocked:vpa");
    expect(codeOf("anyone@blocked")).toBe("vpa_blocked:vpa");
    expect(isBlockedVpa("blocked.not@kassa")).toBe(false);
  });
});

describe("maskVpa", () => {
  it("keeps the handle's first two characters and the PSP, never the rest", () => {
    expect(maskVpa("asha.verma@okaxis")).toBe("as••••••@okaxis");
    expect(maskVpa("success@kassa")).toBe("su•••••@kassa");
    expect(maskVpa("abc@ybl")).toBe("ab••@ybl");
    expect(maskVpa("nobody")).toBe("••••");
    expect(maskVpa(null)).toBeNull();
    expect(maskVpa("")).toBeNull();
    for (const vpa of ["asha.verma@okaxis", "success@kassa"]) expect(maskVpa(vpa)).not.toContain(vpa.split("@")[0]!.slice(2));
  });
});
