// POST /api/cron/reap-idempotency-keys — delete idempotency keys older than 24 hours
import { getDb } from "@/db/client";
import { reapIdempotencyKeys } from "@/lib/service/idempotency";
import { withCron } from "@/lib/http/with-cron";

export const POST = withCron({ route: "/api/cron/reap-idempotency-keys", secretEnv: "CRON_SECRET" }, async () => ({
  object: "reap_result",
  deleted: await reapIdempotencyKeys(await getDb()),
}));
