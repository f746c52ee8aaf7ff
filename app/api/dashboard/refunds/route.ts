// POST /api/dashboard/refunds — refund from the dashboard (owner, admin, support); the same verb as the API
import { withSession } from "@/lib/http/with-session";
import { createRefund } from "@/lib/refunds/create-refund";
import { CreateRefundInput } from "@/lib/refunds/inputs";

export const POST = withSession({ route: "/api/dashboard/refunds", body: CreateRefundInput }, ({ ctx, body }) => createRefund({ ctx, input: body }));
