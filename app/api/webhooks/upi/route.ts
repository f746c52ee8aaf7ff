// POST /api/webhooks/upi — the UPI PSP's callbacks: verified, recorded once, handed to the upi-callback workflow
import { withUpiSignature } from "@/lib/http/with-upi-signature";
import { receiveUpiCallback } from "@/lib/upi/receive-upi-callback";

export const POST = withUpiSignature("/api/webhooks/upi", ({ payload }) => receiveUpiCallback({ payload }));
