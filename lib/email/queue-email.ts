import type { Executor } from "@/db/client";
import { emails } from "@/db/schema";
import { newId } from "@/lib/ids";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** What it is for (password_reset, signup_confirm, signup_exists…), for the Emails page and tests. */
  kind: string;
}

/** Puts an email in the outbox inside the caller's commit (its transaction); deliverEmailsSoon() sends it after. */
export async function queueEmail(db: Executor, email: OutgoingEmail): Promise<string> {
  const id = newId("email");
  await db.insert(emails).values({ id, ...email });
  return id;
}
