import { and, eq } from "drizzle-orm";
import { fraudLists, type FraudListRow } from "@/db/schema";
import { executor, type ServiceContext } from "@/lib/service/context";
import { paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { ListValueListsQuery } from "./radar-inputs";
import { firstItems } from "./radar-load";
import { serializeList } from "./radar-serialize";

/** GET /api/v1/radar/value_lists — newest first, cursor pages, each with its newest items; `alias=` finds one. */
export async function listValueLists({ ctx, input, url }: { ctx: ServiceContext; input: unknown; url: string }) {
  requirePermission(ctx, "radar:read");
  const q = parseWith(ListValueListsQuery, input ?? {});
  const db = await executor(ctx);
  const page = await paginate({
    db,
    table: fraudLists,
    id: fraudLists.id,
    where: and(eq(fraudLists.merchantId, ctx.merchantId), eq(fraudLists.livemode, ctx.livemode), q.alias ? eq(fraudLists.alias, q.alias) : undefined),
    params: q,
    url,
    serialize: (row: FraudListRow) => row,
  });
  const data = [];
  for (const row of page.data) data.push(serializeList(row, await firstItems(db, row.id)));
  return { ...page, data };
}
