// /api/inngest on `next start` with no Inngest variables (the embedded executor): every call must be
// signed with the key the executor and the SDK share; a forged Host never moves the registration.
import { expect, test } from "@playwright/test";
import { inngestFunctions } from "@/inngest/local/schema";
import { canonicalJson, signBody } from "@/inngest/signature";
import { rawRequest } from "@/test/route-server";
import { db } from "../support/db";

const base = () => `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
const registered = async () => (await (await db()).db.select().from(inngestFunctions)).map((f) => f.url).sort();

test("an unsigned sync (PUT) is 401, and a forged Host re-registers nothing", async () => {
  const before = await registered();
  expect(before.length).toBeGreaterThan(0);
  expect(before.every((u) => u.startsWith(`${base()}/api/inngest`))).toBe(true);
  for (const headers of [
    { host: "attacker.example:8996" } as Record<string, string>,
    { host: "attacker.example:8996", "x-inngest-signature": signBody("", "signkey-local-" + "ab".repeat(32)) },
  ]) {
    const res = await rawRequest(`${base()}/api/inngest`, { method: "PUT", headers });
    expect(res.status, res.body).toBe(401);
    expect(JSON.parse(res.body).error.code).toBe("workflow_signature_invalid");
  }
  expect(await registered()).toEqual(before);
});

test("an unsigned or forged function call (POST) is 401: no step runs, no memoised step skips a sleep", async () => {
  const body = canonicalJson({
    version: 2,
    event: { name: "kassa/payment.succeeded", data: {} },
    events: [],
    steps: { "0000000000000000000000000000000000000000": { data: null } },
    ctx: { run_id: "01forged", attempt: 0, disable_immediate_execution: false, use_api: false, stack: { stack: [], current: 0 } },
  });
  const url = `${base()}/api/inngest?fnId=kassa-webhook-deliver&stepId=step`;
  for (const headers of [{} as Record<string, string>, { "x-inngest-signature": signBody(body, "signkey-local-" + "cd".repeat(32)) }]) {
    const res = await rawRequest(url, { method: "POST", headers: { "content-type": "application/json", host: "attacker.example:8996", ...headers }, body });
    expect(res.status, res.body).toBe(401);
  }
});
