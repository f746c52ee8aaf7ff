// The dashboard's customer search: by part of an email, name or id, LIKE wildcards taken literally,
// cursor pages, default cards, tenant scope; on PostgreSQL and PGlite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import type { ServiceContext } from "@/lib/service/context";
import { freshPglite, freshPostgres } from "@/test/db";
import { makeMerchant, errorCodeOf as code } from "@/test/fixtures";
import { createCustomer } from "./create-customer";
import { createSetupIntent } from "./create-setup-intent";
import { searchCustomers } from "./search-customers";
import { updateCustomer } from "./update-customer";

describe.each([
  ["postgres", () => freshPostgres("cussearch")],
  ["pglite", () => freshPglite()],
] as const)("searchCustomers on %s", (_name, open) => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(() => h.close());

  const merchant = async (): Promise<ServiceContext> => (await makeMerchant(h.db)).ctx;

  it("finds by email, name or id part, case-insensitively; pages by cursor; shows the default card", async () => {
    const ctx = await merchant();
    const ada = await createCustomer({ ctx, input: { email: "ada@lovelace.test", name: "Ada Lovelace" } });
    const alan = await createCustomer({ ctx, input: { email: "alan@turing.test", name: "Alan Turing" } });
    const odd = await createCustomer({ ctx, input: { email: "under_score@x.test", name: "100% Real" } });
    const seti = await createSetupIntent({ ctx, input: { customer: ada.id, payment_method: "pm_card_visa" } });
    await updateCustomer({ ctx, id: ada.id, input: { invoice_settings: { default_payment_method: seti.payment_method } } });

    const ids = async (query: string) => (await searchCustomers({ ctx, input: { query }, url: "/customers" })).data.map((r) => r.customer.id);
    expect(await ids("LOVELACE")).toEqual([ada.id]);
    expect(await ids("turing.test")).toEqual([alan.id]);
    expect(await ids(alan.id.slice(-10))).toEqual([alan.id]);
    // Wildcards are plain characters: "%" and "_" match only themselves.
    expect(await ids("100%")).toEqual([odd.id]);
    expect(await ids("r_s")).toEqual([odd.id]);
    expect(await ids("%")).toEqual([odd.id]);
    expect(await ids("nobody")).toEqual([]);

    const all = await searchCustomers({ ctx, input: { limit: 2 }, url: "/customers" });
    expect(all.data.map((r) => r.customer.id)).toEqual([odd.id, alan.id]);
    expect(all.has_more).toBe(true);
    const next = await searchCustomers({ ctx, input: { limit: 2, starting_after: alan.id }, url: "/customers" });
    expect(next.data.map((r) => r.customer.id)).toEqual([ada.id]);
    expect(next.data[0]!.default_card).toMatchObject({ brand: "visa", last4: "4242" });
    expect(all.data[0]!.default_card).toBeNull();
    const back = await searchCustomers({ ctx, input: { limit: 2, ending_before: ada.id }, url: "/customers" });
    expect(back.data.map((r) => r.customer.id)).toEqual([odd.id, alan.id]);
  });

  it("sees only the merchant's customers in its mode; refuses bad input", async () => {
    const a = await merchant();
    const b = await merchant();
    const mine = await createCustomer({ ctx: a, input: { email: "scope@x.test" } });
    expect((await searchCustomers({ ctx: b, input: { query: "scope@x.test" }, url: "/x" })).data).toEqual([]);
    expect((await searchCustomers({ ctx: b, input: { query: mine.id }, url: "/x" })).data).toEqual([]);
    expect((await searchCustomers({ ctx: { ...a, livemode: true }, input: {}, url: "/x" })).data).toEqual([]);
    expect(await code(searchCustomers({ ctx: a, input: { query: "x".repeat(255) }, url: "/x" }))).toBe("parameter_invalid");
    expect(await code(searchCustomers({ ctx: a, input: { sort: "name" }, url: "/x" }))).toBe("parameter_unknown");
    expect(await code(searchCustomers({ ctx: { ...a, role: undefined }, input: {}, url: "/x" }))).toBe("permission_denied");
  });
});
