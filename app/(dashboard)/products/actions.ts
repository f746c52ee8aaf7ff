"use server";

import { revalidatePath } from "next/cache";
import { memberAction, type ActionResult } from "@/lib/http/session/action";
import { KassaError } from "@/lib/service/errors";
import { currencyExponent, fromDecimalString, isCurrency } from "@/lib/money";
import { createPrice } from "@/lib/products/create-price";
import { createProduct } from "@/lib/products/create-product";
import { updatePrice } from "@/lib/products/update-price";
import { updateProduct } from "@/lib/products/update-product";

const str = (form: FormData, key: string) => String(form.get(key) ?? "").trim();

/**
 * The price fields of a form as the API's terms: the amount typed in major units, converted exactly by
 * the currency's exponent (12.50 USD → 1250, 500 JPY → 500); the verbs check the rest.
 */
function priceTerms(form: FormData) {
  const currency = str(form, "currency").toLowerCase();
  if (!isCurrency(currency)) throw new KassaError("currency_unsupported", "Choose a currency.", { param: "currency" });
  let unitAmount: number;
  try {
    unitAmount = Number(fromDecimalString(str(form, "amount"), currency));
  } catch {
    const exp = currencyExponent(currency);
    const example = exp === 0 ? "1500" : `12.${"5".padEnd(exp, "0")}`;
    throw new KassaError("parameter_invalid", `Enter the amount as a number in ${currency.toUpperCase()}, such as ${example}.`, { param: "amount" });
  }
  const recurring = str(form, "billing") === "recurring";
  const count = str(form, "interval_count") || "1";
  if (recurring && !/^\d{1,4}$/.test(count))
    throw new KassaError("parameter_invalid", "Enter how many intervals as a whole number.", { param: "interval_count" });
  return {
    currency,
    unit_amount: unitAmount,
    ...(recurring ? { recurring: { interval: str(form, "interval") as "day" | "week" | "month" | "year", interval_count: Number(count) } } : {}),
  };
}

export async function createProductAction(_prev: ActionResult<{ id: string }> | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  const result = await memberAction(async ({ ctx }) => {
    const description = str(form, "description");
    const product = await createProduct({
      ctx,
      input: { name: str(form, "name"), ...(description ? { description } : {}), default_price_data: priceTerms(form) },
    });
    return { id: product.id };
  });
  if (result.ok) revalidatePath("/products");
  return result;
}

export async function addPriceAction(_prev: ActionResult<{ id: string }> | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  const product = str(form, "product");
  const result = await memberAction(async ({ ctx }) => {
    const nickname = str(form, "nickname");
    const price = await createPrice({ ctx, input: { product, ...priceTerms(form), ...(nickname ? { nickname } : {}) } });
    return { id: price.id };
  });
  if (result.ok) revalidatePath(`/products/${product}`);
  return result;
}

/** Archive (active=false) or unarchive a product. */
export async function setProductActiveAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const id = str(form, "id");
  const result = await memberAction(async ({ ctx }) => {
    await updateProduct({ ctx, id, input: { active: str(form, "active") === "true" } });
    return null;
  });
  if (result.ok) {
    revalidatePath(`/products/${id}`);
    revalidatePath("/products");
  }
  return result;
}

/** Archive or unarchive a price (its product's default cannot be archived: the form shows why). */
export async function setPriceActiveAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const product = str(form, "product");
  const result = await memberAction(async ({ ctx }) => {
    await updatePrice({ ctx, id: str(form, "id"), input: { active: str(form, "active") === "true" } });
    return null;
  });
  if (result.ok) revalidatePath(`/products/${product}`);
  return result;
}
