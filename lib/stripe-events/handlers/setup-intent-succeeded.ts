// setup_intent.succeeded — a card saved after 3D Secure (or any setup whose answer Kassa missed): record it.
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { setupIntents } from "@/db/schema";
import { applySetupResult } from "@/lib/customers/create-setup-intent";
import { getConnector } from "@/lib/gateways";
import { stripeCtx, type StripeEventHandler } from "../context";

export const handleSetupIntentSucceeded: StripeEventHandler = async (object) => {
  const setupId = (object.metadata as Record<string, string> | undefined)?.kassa_setup_intent_id;
  if (!setupId) return "unknown_object";
  const [setup] = await (await getDb()).select().from(setupIntents).where(eq(setupIntents.id, setupId));
  if (!setup || setup.connector !== "stripe") return "unknown_object";
  if (setup.status === "succeeded") return "no_change";
  const ctx = stripeCtx(setup);
  const result = await getConnector("stripe").retrieveSetup(ctx, { processorId: object.id });
  if (!result) return "unknown_object";
  const { row } = await applySetupResult(ctx, setup.id, result);
  return row.status === "succeeded" ? "applied" : "no_change";
};
