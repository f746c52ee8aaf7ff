import type { EventSender } from "@/lib/events/publish-events";
import { recordSentEvents } from "@/lib/workflows/runs";
import { inngest } from "./client";

/** Sends outbox events through the Inngest client (event id = outbox id). */
export const sendToInngest: EventSender = async (batch) => {
  const { ids } = await inngest.send(batch);
  // On Inngest Cloud / self-hosted, the Workflows page finds a merchant's runs by these ids.
  await recordSentEvents(batch, ids);
};
