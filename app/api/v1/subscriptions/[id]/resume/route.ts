// POST /api/v1/subscriptions/:id/resume — bill a paused subscription again, from a new period starting now
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { resumeSubscription } from "@/lib/subscriptions/resume-subscription";

export const POST = withApiKey(operation("POST /api/v1/subscriptions/:id/resume"), ({ ctx, params }) => resumeSubscription({ ctx, id: String(params.id) }));
