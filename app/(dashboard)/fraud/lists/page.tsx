import Link from "next/link";
import { AddItemForm, CreateListForm, DeleteListButton, ITEM_TYPE_LABELS, RemoveItemButton } from "@/components/dashboard/radar-lists";
import { Card, PageHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { DEFAULT_LIST_ATTRIBUTES, defaultList } from "@/lib/fraud/default-lists";
import { listValueListItems } from "@/lib/fraud/list-value-list-items";
import { listValueLists } from "@/lib/fraud/list-value-lists";
import { can } from "@/lib/service/roles";

export const metadata = { title: "Fraud lists" };

/** Items shown per list on this page. */
const SHOWN = 100;

export default async function FraudListsPage() {
  const member = await requireMember("radar:read");
  const ctx = await memberContext(member);
  const canWrite = can(member.role, "radar:write");
  const { data: lists } = await listValueLists({ ctx, input: { limit: "100" }, url: "/fraud/lists" });
  const withItems = [];
  for (const list of lists)
    withItems.push({ list, items: await listValueListItems({ ctx, input: { value_list: list.id, limit: String(SHOWN) }, url: "/fraud/lists" }) });
  // The default block and allow lists the default rules read, whether or not they exist yet.
  const defaults = (["block", "allow"] as const).flatMap((kind) => Object.keys(DEFAULT_LIST_ATTRIBUTES).map((attr) => defaultList(`${kind}_${attr}`)!));
  const choices = [
    ...defaults.map((d) => ({ value: d.alias, label: `${d.name} (@${d.alias})` })),
    ...lists.filter((l) => !defaultList(l.alias)).map((l) => ({ value: l.alias, label: `${l.name} (@${l.alias})` })),
  ];
  return (
    <>
      <PageHeader
        title="Lists"
        description="Values your rules read as @alias. Kassa's default rules block what is on the block_ lists and let through what is on the allow_ lists."
        actions={
          <Link className="text-sm font-medium text-brand-700 hover:underline" href="/fraud/rules">
            Rules
          </Link>
        }
      />
      <div className="space-y-6">
        {canWrite ? (
          <Card title="Add a value">
            <AddItemForm choices={choices} label="Add a value to a list" />
          </Card>
        ) : null}
        {withItems.length === 0 ? (
          <Card>
            <p className="py-6 text-center text-sm text-slate-600" data-testid="lists-empty">
              No lists yet. Add a value to a block list above, or create a list of your own.
            </p>
          </Card>
        ) : (
          withItems.map(({ list, items }) => (
            <Card key={list.id} title={`${list.name} — @${list.alias}`} actions={canWrite ? <DeleteListButton id={list.id} alias={list.alias} /> : undefined}>
              <div className="space-y-3" data-list={list.alias}>
                <p className="text-xs text-slate-600">
                  {ITEM_TYPE_LABELS[list.item_type] ?? list.item_type} values · created <Time seconds={list.created} /> · {list.id}
                </p>
                {items.data.length === 0 ? (
                  <p className="text-sm text-slate-600">Empty.</p>
                ) : (
                  <ul className="divide-y divide-slate-100" aria-label={`Values on @${list.alias}`}>
                    {items.data.map((item) => (
                      <li key={item.id} className="flex items-center justify-between gap-3 py-1.5 text-sm" data-item={item.value}>
                        <span className="font-mono text-xs text-slate-800">{item.value}</span>
                        {canWrite ? <RemoveItemButton id={item.id} value={item.value} /> : null}
                      </li>
                    ))}
                  </ul>
                )}
                {items.has_more ? <p className="text-xs text-slate-600">Showing the newest {SHOWN}; the API lists the rest.</p> : null}
                {canWrite ? <AddItemForm list={list.id} label={`Add a value to @${list.alias}`} /> : null}
              </div>
            </Card>
          ))
        )}
        {canWrite ? (
          <Card title="New list">
            <CreateListForm />
          </Card>
        ) : null}
      </div>
    </>
  );
}
