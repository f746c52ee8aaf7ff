import type { EventSender } from "@/lib/events/publish-events";
import { inngest } from "./client";

/** Sends outbox events through the Inngest client (event id = outbox id). */
export const sendToInngest: EventSender = async (batch) => {
  await inngest.send(batch);
};
