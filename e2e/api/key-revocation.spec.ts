// Issue 20: API keys are served from a short-lived in-process cache on every instance; a revoke must be
// honoured on the very next request everywhere — here the suite's server and a second `next start` on the
// same database, both holding the key in memory, while the change is made by a third process (this one):
// neither instance made it, so only the database's notification can tell them.
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { removeMember } from "@/lib/team/change-role";
import { memberKey, seedMerchant } from "../support/db";
import { expect, expectError, kassa, kassaAt, test } from "../support/api";
import { freePort } from "@/scripts/pg-server";
import { startServerProcess, type ServerProcess } from "../support/server-process";

let second: ServerProcess | undefined;
test.beforeAll(async () => {
  second = await startServerProcess(await freePort());
});
test.afterAll(async () => {
  await second?.stop();
});

test("a key revoked while both instances hold it in memory is refused by both on the next request", async () => {
  const m = await seedMerchant("two-instances");
  const instances = [kassa(m.secretKey), kassaAt(second!.url, m.secretKey)];
  // Twice on each: the second answer comes from that instance's cache.
  for (const api of instances) for (let i = 0; i < 2; i++) expect((await api.GET("/api/v1/account")).response.status).toBe(200);
  await revokeApiKey({ ctx: m.ctx, id: m.secretKeyId });
  for (const api of instances) await expectError(await api.GET("/api/v1/account"), 401, "api_key_expired");
  // The merchant's other keys still work on both (only what changed is refused).
  for (const url of [undefined, second!.url]) {
    const live = url ? kassaAt(url, m.liveKey) : kassa(m.liveKey);
    expect((await live.GET("/api/v1/account")).data?.livemode).toBe(true);
  }
});

test("a key whose creator is removed from the team is refused by both instances on the next request", async () => {
  const m = await seedMerchant("two-instances-team");
  const { secret, membershipId } = await memberKey(m.ctx, "developer");
  const instances = [kassa(secret), kassaAt(second!.url, secret)];
  for (const api of instances) for (let i = 0; i < 2; i++) expect((await api.GET("/api/v1/account")).response.status).toBe(200);
  await removeMember({ ctx: m.ctx, membershipId });
  for (const api of instances) await expectError(await api.GET("/api/v1/account"), 401, "api_key_expired");
});
