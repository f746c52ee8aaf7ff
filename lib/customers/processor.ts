import { ERROR_CODES, type ErrorCode } from "@/lib/service/error-codes";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { getConnector } from "@/lib/gateways";
import { isConnectorRequestError, isConnectorUnknownOutcome, type Connector, type ConnectorName } from "@/lib/gateways/types";

export const connectorCtx = (ctx: Pick<ServiceContext, "merchantId" | "livemode">) => ({ merchantId: ctx.merchantId, livemode: ctx.livemode });

/**
 * One call to the processor for customers and saved cards, its errors in Kassa's table: a refusal
 * keeps its code when Kassa knows it (else parameter_invalid); a lost answer is 502 processor_error —
 * every such call carries an idempotency key, so the client's retry is safe.
 */
export async function callProcessor<T>(name: string, fn: (connector: Connector) => Promise<T>): Promise<T> {
  try {
    return await fn(getConnector(name as ConnectorName));
  } catch (error) {
    if (isConnectorRequestError(error)) {
      const code = Object.hasOwn(ERROR_CODES, error.code) ? (error.code as ErrorCode) : "parameter_invalid";
      throw new KassaError(code, error.message, error.param ? { param: error.param } : {});
    }
    if (isConnectorUnknownOutcome(error)) {
      throw new KassaError("processor_error", "The processor did not answer; retry the request with the same Idempotency-Key.", { cause: error });
    }
    throw error;
  }
}
