// Products and prices over the API with a team member's key: the key acts with its maker's current role
// (lib/service/roles.ts). products:read is every role; products:write is owner, admin and developer, so an
// analyst's or a support agent's key reads the catalogue but every write is 403 permission_denied with
// nothing stored.
import { and, asc, eq } from "drizzle-orm";
import { memberships, prices, products, users, type Role } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { ServiceContext } from "@/lib/service/context";
import { changeRole } from "@/lib/team/change-role";
import { expect, expectError, kassa, type Merchant, ok, test } from "../support/api";
import { addMember, db, seedMerchant } from "../support/db";

let m: Merchant;
let productId: string;
let priceId: string;
test.beforeAll(async () => {
  m = await seedMerchant("prod-roles");
  const made = await ok(
    await kassa(m.secretKey).POST("/api/v1/products", {
      body: { name: "Owner's product", default_price_data: { currency: "usd", unit_amount: 1500 } },
    }),
  );
  productId = made.id;
  priceId = made.default_price as string;
});

/** Every product and price row of the merchant, in a stable order: what "nothing stored" compares. */
async function catalogue() {
  const h = await db();
  return {
    products: await h.db.select().from(products).where(eq(products.merchantId, m.merchantId)).orderBy(asc(products.id)),
    prices: await h.db.select().from(prices).where(eq(prices.merchantId, m.merchantId)).orderBy(asc(prices.id)),
  };
}

/** A member's context, as the dashboard builds it for them. */
async function memberCtx(email: string, role: Role): Promise<{ ctx: ServiceContext; membershipId: string }> {
  const h = await db();
  const [user] = await h.db.select().from(users).where(eq(users.email, email));
  const [membership] = await h.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, user!.id), eq(memberships.merchantId, m.merchantId)));
  expect(membership!.role).toBe(role);
  return {
    ctx: { merchantId: m.merchantId, livemode: false, actor: { type: "user", id: user!.id, label: email }, role, db: h.db },
    membershipId: membership!.id,
  };
}

/**
 * A secret key made by a member who now has `role`. Owners, admins and developers make their own (the
 * dashboard's "Create key" verb); an analyst or a support agent cannot (api_keys:write), so theirs is the
 * key they made as a developer before the owner changed their role — the only way such a key exists.
 */
async function keyOf(role: Role): Promise<string> {
  const writerRole = role === "analyst" || role === "support" ? "developer" : role;
  const login = await addMember(m.ctx, writerRole);
  const { ctx, membershipId } = await memberCtx(login.email, writerRole);
  const { secret } = await createApiKey({ ctx, input: { kind: "secret", name: `${role}'s key` } });
  if (writerRole !== role) {
    await changeRole({ ctx: m.ctx, input: { membership: membershipId, role } });
    const now = await memberCtx(login.email, role);
    await expect(createApiKey({ ctx: now.ctx, input: { kind: "secret", name: "not allowed" } })).rejects.toMatchObject({ code: "permission_denied" });
  }
  return secret;
}

const WRITERS: Role[] = ["owner", "admin", "developer"];
const READERS: Role[] = ["analyst", "support"];

for (const role of [...WRITERS, ...READERS]) {
  const writes = WRITERS.includes(role);
  test(`${/^[aeiou]/.test(role) ? "an" : "a"} ${role}'s key reads products and prices${writes ? " and writes them (200)" : "; every write is 403 permission_denied with nothing stored"}`, async () => {
    const key = await keyOf(role);
    const api = kassa(key);
    const list = await ok(await api.GET("/api/v1/products", { params: { query: { limit: 100 } } }));
    expect(list.data.map((p) => p.id)).toContain(productId);
    const priceList = await ok(await api.GET("/api/v1/prices", { params: { query: { product: productId, limit: 100 } } }));
    expect(priceList.data.map((p) => p.id)).toContain(priceId);
    expect(await ok(await api.GET("/api/v1/products/{id}", { params: { path: { id: productId } } }))).toMatchObject({ id: productId });
    expect(await ok(await api.GET("/api/v1/prices/{id}", { params: { path: { id: priceId } } }))).toMatchObject({ id: priceId });

    const before = await catalogue();
    const createProduct = () =>
      api.POST("/api/v1/products", {
        body: { name: `By ${role}`, default_price_data: { currency: "eur", unit_amount: 900, recurring: { interval: "month" } } },
      });
    const createPrice = () => api.POST("/api/v1/prices", { body: { product: productId, currency: "gbp", unit_amount: 700, nickname: `By ${role}` } });
    const updateProduct = () =>
      api.POST("/api/v1/products/{id}", { params: { path: { id: productId } }, body: { name: `Renamed by ${role}`, metadata: { by: role } } });
    const updatePrice = () => api.POST("/api/v1/prices/{id}", { params: { path: { id: priceId } }, body: { nickname: `Renamed by ${role}` } });

    if (writes) {
      const product = await ok(await createProduct());
      const price = await ok(await createPrice());
      expect(await ok(await updateProduct())).toMatchObject({ id: productId, name: `Renamed by ${role}`, metadata: { by: role } });
      expect(await ok(await updatePrice())).toMatchObject({ id: priceId, nickname: `Renamed by ${role}` });
      const after = await catalogue();
      expect(after.products.map((p) => p.id).sort()).toEqual([...before.products.map((p) => p.id), product.id].sort());
      expect(after.prices.map((p) => p.id).sort()).toEqual([...before.prices.map((p) => p.id), product.default_price, price.id].sort());
      expect(after.products.find((p) => p.id === productId)).toMatchObject({ name: `Renamed by ${role}` });
      expect(after.prices.find((p) => p.id === priceId)).toMatchObject({ nickname: `Renamed by ${role}` });
    } else {
      for (const [label, send] of [
        ["POST /api/v1/products", createProduct],
        ["POST /api/v1/prices", createPrice],
        ["POST /api/v1/products/:id", updateProduct],
        ["POST /api/v1/prices/:id", updatePrice],
      ] as const) {
        await test.step(label, async () => {
          const error = await expectError(await send(), 403, "permission_denied");
          expect(error.message).toContain(`(${role})`);
        });
      }
      // Not a row added or changed: every product and price as it was, to the updated_at.
      expect(await catalogue()).toEqual(before);
    }
  });
}
