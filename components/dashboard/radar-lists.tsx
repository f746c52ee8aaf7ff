"use client";

import { useActionState } from "react";
import { addListItemAction, createListAction, deleteListAction, removeListItemAction } from "@/app/(dashboard)/fraud/actions";
import type { ActionResult } from "@/lib/http/session/action";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { ActionError, fieldError } from "./action-error";

export const ITEM_TYPE_LABELS: Record<string, string> = {
  card_fingerprint: "Card fingerprint",
  email: "Email",
  ip_address: "IP address",
  vpa: "UPI VPA",
  card_bin: "Card BIN",
  customer: "Customer id",
  country: "Country",
};

export function CreateListForm() {
  const [state, action, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(createListAction, null);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-4 sm:items-end" aria-label="New list">
      <Field label="Alias" name="alias" required maxLength={100} pattern="[a-z0-9_]+" placeholder="vip_customers" error={fieldError(state, "alias")} />
      <Field label="Name" name="name" required maxLength={100} placeholder="VIP customers" error={fieldError(state, "name")} />
      <SelectField label="Holds" name="item_type" defaultValue="email">
        {Object.entries(ITEM_TYPE_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create list"}
        </Button>
      </div>
      {state && !state.ok && !fieldError(state, "alias", "name") ? (
        <div className="sm:col-span-4">
          <ActionError error={state.error} code={state.code} />
        </div>
      ) : null}
    </form>
  );
}

/** Adds a value to one list (`list` fixed), or to a list chosen from `choices` (aliases; a default list is made by its first value). */
export function AddItemForm({ list, choices, label }: { list?: string; choices?: { value: string; label: string }[]; label: string }) {
  const [state, action, pending] = useActionState<ActionResult<{ value: string }> | null, FormData>(addListItemAction, null);
  const id = list ?? "any";
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" aria-label={label}>
      {list ? (
        <input type="hidden" name="value_list" value={list} />
      ) : (
        <SelectField label="List" name="value_list" id={`value_list-${id}`}>
          {(choices ?? []).map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </SelectField>
      )}
      <div className="min-w-56 flex-1">
        <Field label="Value" name="value" id={`value-${id}`} required maxLength={800} error={fieldError(state, "value")} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Adding…" : "Add"}
      </Button>
      {state && !state.ok && !fieldError(state, "value") ? <ActionError error={state.error} code={state.code} /> : null}
      {state?.ok ? <Alert tone="green">Added {state.data.value}.</Alert> : null}
    </form>
  );
}

export function RemoveItemButton({ id, value }: { id: string; value: string }) {
  const [state, action, pending] = useActionState<ActionResult<null> | null, FormData>(removeListItemAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="ghost" disabled={pending} aria-label={`Remove ${value}`}>
        Remove
      </Button>
      {state && !state.ok ? <ActionError error={state.error} code={state.code} /> : null}
    </form>
  );
}

export function DeleteListButton({ id, alias }: { id: string; alias: string }) {
  const [state, action, pending] = useActionState<ActionResult<null> | null, FormData>(deleteListAction, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!confirm(`Delete @${alias} and every value on it?`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="danger" disabled={pending} aria-label={`Delete list @${alias}`}>
        Delete list
      </Button>
      {state && !state.ok ? <ActionError error={state.error} code={state.code} /> : null}
    </form>
  );
}
