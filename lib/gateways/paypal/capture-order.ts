import { sharedPayPalApi } from "./client";
import { isNotFound, toConnectorError } from "./errors";

/**
 * The order a PayPal capture belongs to (`supplementary_data.related_ids.order_id` of GET
 * /v2/payments/captures/:id), or null when PayPal knows no such capture. Kassa's tenant for it is then
 * the attempt that made that order, never anything the caller says.
 */
export async function orderOfCapture(captureId: string): Promise<string | null> {
  const api = sharedPayPalApi();
  try {
    const { result } = await api.payments.getCapturedPayment({ captureId });
    return result.supplementaryData?.relatedIds?.orderId ?? null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw toConnectorError(error, "retrieve", api);
  }
}
