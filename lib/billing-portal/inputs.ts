import { z } from "zod";
import { httpUrl } from "@/lib/service/schemas";

export const CreatePortalSessionInput = z.strictObject({
  customer: z.string().min(1).max(255),
  /** Where the portal's "Return to …" link goes: the merchant's site, http(s) only. */
  return_url: httpUrl.optional(),
});
export type CreatePortalSessionInput = z.output<typeof CreatePortalSessionInput>;
