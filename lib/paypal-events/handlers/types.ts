import type { PayPalEventRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import type { HandlerOutcome } from "../context";

/** One event type's handler: the recorded event (only its ids are used) for the payment's merchant. */
export type PayPalEventHandler = (args: { ctx: ServiceContext; row: PayPalEventRow }) => Promise<HandlerOutcome>;
