/**
 * `npm run chaos -- --seed N --ops M [--fault-rate 0.2] [--kills K] [--concurrency C] [--rebuild | --reuse-build]`: exactly-once
 * money under faults (issue 22). A production build (.next-chaos) on a throwaway PostgreSQL, two instances
 * behind a round-robin proxy with shared rate limits in Redis, the sandbox processor losing answers at
 * --fault-rate, a webhook receiver that sometimes fails or hangs; M seeded operations with concurrent
 * duplicates while instances are kill -9'd and restarted; then, after recovery, the checks. Exits 1 on any
 * violation. KASSA_CHAOS_LOGS=1 shows the instances' own output.
 */
import { Client as PgClient } from "pg";
import { parseArgs } from "./args";
import { buildSchedule, derivedSeed, describeSchedule } from "./schedule";
import { ensureBuild, startCluster, type Cluster } from "./cluster";
import { seededRandom } from "@/lib/gateways/sandbox/seeded-random";
import { startProxy, type Proxy } from "./proxy";
import { startReceiver, type Receiver } from "./receiver";
import { ChaosClient } from "./client";
import { drive } from "./driver";
import { createMerchant, createMonthlyPrice, registerEndpoints, routeEurToStripe, type ChaosMerchant } from "./setup";
import { backlog, waitForRecovery, RECOVERY_WINDOW_MS } from "./recovery";
import { replaysIdentical, runChecks } from "./checks";
import { burstCheck } from "./rate-limit";
import { memoryCheck, SAMPLE_MS } from "./memory";
import { startStripeReplayer, type StripeReplayer } from "./stripe-replayer";
import { stripeChargesPerPayment, stripeEventsProcessed } from "./stripe-checks";
import { startStripeDouble, type StripeDouble } from "@/test/stripe-double/server";
import { checksTable, instancesTable, outcomesTable, stripeSummary } from "./report";
import { CheckoutCustomers } from "./checkout";

const args = parseArgs(process.argv.slice(2));
const schedule = buildSchedule(args);
const log = (line: string) => console.log(`[chaos ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const t0 = Date.now();
console.log(describeSchedule(schedule).join("\n"));
console.log(
  `  fault rate ${args.faultRate} (unknown outcomes; ${args.faultRate / 4} refused authorisations; drawn from the seed per instance and life), concurrency ${args.concurrency}`,
);

let cluster: Cluster | undefined;
let proxy: Proxy | undefined;
let receiver: Receiver | undefined;
let merchant: ChaosMerchant | undefined;
let stripe: StripeDouble | undefined;
let replayer: StripeReplayer | undefined;
let customers: CheckoutCustomers | undefined;
const pg = { client: undefined as PgClient | undefined };
let failed = true;
try {
  log(`build: ${await ensureBuild({ rebuild: args.rebuild, reuse: args.reuseBuild })}`);
  receiver = await startReceiver({ seed: args.seed, failRate: 0.08, hangRate: 0.02 });
  // Stripe loses answers at the same rate as the sandbox: a third each 500, lost after the write, held past the SDK's timeout.
  stripe = await startStripeDouble({ randomFaults: { rate: args.faultRate, random: seededRandom(derivedSeed(args.seed, "stripe faults")), delayMs: 2000 } });
  cluster = await startCluster({
    seed: args.seed,
    faultRate: args.faultRate,
    proxyUrl: () => proxy!.url,
    stripeApiBase: stripe.url,
    verbose: process.env.KASSA_CHAOS_LOGS === "1",
  });
  const { instances } = cluster;
  proxy = await startProxy([instances.engine, instances.api]);
  await cluster.start("engine");
  await cluster.start("api");
  log(`PostgreSQL :${cluster.pg.port}, engine :${instances.engine.port}, api :${instances.api.port}, proxy ${proxy.url}`);

  merchant = await createMerchant(cluster.databaseUrl, args.seed, 16);
  // Before the endpoints: its routing_rules.updated event is no event of the run's.
  await routeEurToStripe(proxy.url, merchant.loadKeys[0]!);
  // Before the endpoints too: the plan's product and price events are none of the run's.
  const priceId = await createMonthlyPrice(proxy.url, merchant.loadKeys[0]!);
  const since = await registerEndpoints(proxy.url, merchant.loadKeys[0]!, receiver);
  replayer = startStripeReplayer({ double: stripe, base: proxy.url, random: seededRandom(derivedSeed(args.seed, "stripe replay order")) });
  pg.client = new PgClient({ connectionString: cluster.databaseUrl });
  await pg.client.connect();

  const rss = setInterval(() => cluster!.sampleRss(t0), SAMPLE_MS.rss);
  let sampling = false;
  const heap = setInterval(() => {
    if (sampling) return;
    sampling = true;
    void cluster!.sampleHeap(t0).finally(() => (sampling = false));
  }, SAMPLE_MS.heap);
  const client = new ChaosClient(proxy.url, seededRandom(derivedSeed(args.seed, "client jitter")));
  const step = Math.max(1, Math.floor(args.ops / 10));
  customers = new CheckoutCustomers(proxy.url);
  const { results, kills } = await drive(schedule, {
    client,
    priceId,
    apiKeys: merchant.loadKeys,
    customers,
    concurrency: args.concurrency,
    kill: async (name) => {
      log(`kill -9 ${name}`);
      await cluster!.killAndRestart(name, t0);
      log(`${name} back in rotation after ${(instances[name].restarts.at(-1)!.upAfterMs / 1000).toFixed(1)} s`);
    },
    onProgress: (done) => {
      if (done % step !== 0) return;
      const at = Date.now();
      void backlog(pg.client!, merchant!.merchantId).then(
        (b) => log(`${done}/${args.ops} operations (backlog ${b}, read in ${Date.now() - at} ms)`),
        () => log(`${done}/${args.ops} operations`),
      );
    },
  });
  await kills;
  await customers.close();
  const loadDoneAt = Date.now() - t0;
  log(`load done; waiting for recovery (at most ${RECOVERY_WINDOW_MS / 1000} s)`);
  const stripeOpen = async () => {
    const unprocessed = Number((await pg.client!.query<{ n: string }>(`select count(*) as n from stripe_events where processed_at is null`)).rows[0]!.n);
    return unprocessed > 0 || !replayer!.idle() ? `Stripe events unprocessed ${unprocessed}${replayer!.idle() ? "" : ", replays in flight"}` : null;
  };
  const recovery = await waitForRecovery(pg.client, merchant.merchantId, since, receiver, log, stripeOpen);
  await replayer.stop();
  log(`${recovery.settled ? "recovered" : "NOT recovered"} after ${(recovery.ms / 1000).toFixed(0)} s (${recovery.last})`);
  clearInterval(rss);
  clearInterval(heap);

  const payOps = results.filter((r) => r.op.kind === "pay").map((r) => ({ key: r.op.key, status: r.answer?.status ?? null, paymentId: r.paymentId }));
  // A customer operation's create answer is known only when it sent the attach (the driver keeps the last answer).
  const customerOps = results
    .filter((r) => r.op.kind === "customer")
    .map((r) => ({ key: r.op.key, created: r.customerId ? 200 : (r.answer?.status ?? null), attached: r.customerId ? (r.answer?.status ?? null) : null }));
  const subscribeOps = results.filter((r) => r.op.kind === "subscribe").map((r) => ({ key: r.op.key, status: r.answer?.status ?? null }));
  const checkoutOps = results
    .filter((r) => r.op.kind === "checkout")
    .map((r) => ({ key: r.op.key, status: r.answer?.status ?? null, sessionId: r.sessionId, tabs: r.tabs }));
  const checks = await runChecks({
    pg: pg.client,
    db: merchant.handle.db,
    merchantId: merchant.merchantId,
    since,
    receiver,
    payOps,
    customerOps,
    subscribeOps,
    checkoutOps,
  });
  checks.push(await replaysIdentical(client));
  checks.push(await burstCheck(proxy.url, merchant.burstKey));
  checks.push(memoryCheck([instances.engine, instances.api], loadDoneAt, "heap"));
  checks.splice(2, 0, await stripeChargesPerPayment(pg.client, merchant.merchantId, stripe), await stripeEventsProcessed(pg.client, stripe, replayer));
  const webhookTries = receiver.got.length;
  const webhookFailed = receiver.got.filter((g) => g.answered !== 200).length;

  console.log(`\n${describeSchedule(schedule)[0]}\n`);
  console.log(outcomesTable(results, client.stats, proxy.badGateway).join("\n"));
  console.log(`  webhook tries ${webhookTries} (${webhookFailed} answered 500 or hung on purpose); recovery ${(recovery.ms / 1000).toFixed(0)} s`);
  console.log(
    `  checkout tabs in Chromium, what each saw last: ${Object.entries(customers.seen)
      .map(([k, n]) => `${k} ${n}`)
      .join(", ")}`,
  );
  for (const line of customers.unpaid.slice(0, 5)) console.log(`    not paid in its tab: ${line}`);
  console.log(`  ${stripeSummary(stripe, replayer)}\n`);
  console.log(instancesTable([instances.engine, instances.api], loadDoneAt).join("\n") + "\n");
  console.log(checksTable(checks).join("\n"));
  failed = checks.some((c) => c.violations.length > 0);
  console.log(`\nchaos: ${failed ? "FAILED" : "passed"} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
} catch (error) {
  console.error("chaos: the run could not complete:", error);
} finally {
  await pg.client?.end().catch(() => {});
  await merchant?.handle.close().catch(() => {});
  await proxy?.close();
  await receiver?.close();
  await replayer?.stop();
  await customers?.close();
  await stripe?.close();
  await cluster?.stop();
}
process.exit(failed ? 1 : 0);
