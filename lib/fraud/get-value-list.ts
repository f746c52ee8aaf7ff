import { executor, type ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";
import { firstItems, loadList } from "./radar-load";
import { serializeList, type ListObject } from "./radar-serialize";

/** GET /api/v1/radar/value_lists/:id — with its newest items. */
export async function getValueList({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<ListObject> {
  requirePermission(ctx, "radar:read");
  const db = await executor(ctx);
  const list = await loadList(db, ctx, id);
  return serializeList(list, await firstItems(db, list.id));
}
