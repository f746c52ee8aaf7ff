"use server";

import { revalidatePath } from "next/cache";
import { memberAction, type ActionResult } from "@/lib/http/session/action";
import { backtestRule, type BacktestObject } from "@/lib/fraud/backtest-rule";
import { createRule } from "@/lib/fraud/create-rule";
import { createValueList } from "@/lib/fraud/create-value-list";
import { createValueListItem } from "@/lib/fraud/create-value-list-item";
import { deleteValueList } from "@/lib/fraud/delete-value-list";
import { deleteValueListItem } from "@/lib/fraud/delete-value-list-item";
import { disableRule } from "@/lib/fraud/disable-rule";
import { updateRule } from "@/lib/fraud/update-rule";

const str = (form: FormData, key: string) => String(form.get(key) ?? "");

/** Saves the editor's rule: a new rule, or with `id` the rule's next version. */
export async function saveRuleAction(_prev: ActionResult<{ id: string; version: number }> | null, form: FormData) {
  const id = str(form, "id");
  const source = str(form, "source").trim();
  const result = await memberAction(async ({ ctx }) => {
    const rule = id ? await updateRule({ ctx, id, input: { source } }) : await createRule({ ctx, input: { source } });
    return { id: rule.id, version: rule.version };
  }, "fraud rules: save");
  if (result.ok) revalidatePath("/fraud/rules");
  return result;
}

/** The editor's "Test rule": the backtest of the draft, nothing saved. */
export async function backtestRuleAction(_prev: ActionResult<BacktestObject> | null, form: FormData) {
  return memberAction(({ ctx }) => backtestRule({ ctx, input: { source: str(form, "source").trim() } }), "fraud rules: backtest");
}

export async function disableRuleAction(_prev: ActionResult<null> | null, form: FormData) {
  const result = await memberAction(async ({ ctx }) => {
    await disableRule({ ctx, id: str(form, "id") });
    return null;
  }, "fraud rules: disable");
  if (result.ok) revalidatePath("/fraud/rules");
  return result;
}

export async function createListAction(_prev: ActionResult<{ id: string }> | null, form: FormData) {
  const result = await memberAction(async ({ ctx }) => {
    const list = await createValueList({ ctx, input: { alias: str(form, "alias").trim(), name: str(form, "name"), item_type: str(form, "item_type") } });
    return { id: list.id };
  }, "fraud lists: create");
  if (result.ok) revalidatePath("/fraud/lists");
  return result;
}

/** Adds a value to a list, by id or alias (a default block_/allow_ list is made by its first value). */
export async function addListItemAction(_prev: ActionResult<{ value: string }> | null, form: FormData) {
  const result = await memberAction(async ({ ctx }) => {
    const item = await createValueListItem({ ctx, input: { value_list: str(form, "value_list"), value: str(form, "value") } });
    return { value: item.value };
  }, "fraud lists: add item");
  if (result.ok) revalidatePath("/fraud/lists");
  return result;
}

export async function removeListItemAction(_prev: ActionResult<null> | null, form: FormData) {
  const result = await memberAction(async ({ ctx }) => {
    await deleteValueListItem({ ctx, id: str(form, "id") });
    return null;
  }, "fraud lists: remove item");
  if (result.ok) revalidatePath("/fraud/lists");
  return result;
}

export async function deleteListAction(_prev: ActionResult<null> | null, form: FormData) {
  const result = await memberAction(async ({ ctx }) => {
    await deleteValueList({ ctx, id: str(form, "id") });
    return null;
  }, "fraud lists: delete");
  if (result.ok) revalidatePath("/fraud/lists");
  return result;
}
