import { BaseError, ContractFunctionRevertedError } from "viem";

/** The contract's custom error behind a failed call or transaction viem reports, decoded by the ABI used; null if it was something else. */
export function revertError(error: unknown): { name: string; args: readonly unknown[] } | null {
  if (!(error instanceof BaseError)) return null;
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (!(reverted instanceof ContractFunctionRevertedError) || !reverted.data?.errorName) return null;
  return { name: reverted.data.errorName, args: reverted.data.args ?? [] };
}
