import { z } from "zod";
import { memberships, merchants, users } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/crypto/password";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { newId } from "@/lib/ids";
import type { Executor, Transaction } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";

export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(MAX_PASSWORD_LENGTH);
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: "enter an email address such as name@example.com" }));

export const SignUpInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  email: emailSchema,
  password: passwordSchema,
  business_name: z.string().trim().min(1).max(100),
});

/**
 * Creates a user and a merchant with that user as its owner, at once: for seeds, tests and operators.
 * People signing up on the site go through requestSignup/confirmSignup (their email is confirmed first).
 */
export async function signUp({ input, db, ip }: { input: unknown; db?: Executor; ip?: string | null }) {
  const data = parseWith(SignUpInput, input);
  return createOwnerAccount({ db, ip, name: data.name, email: data.email, businessName: data.business_name, passwordHash: await hashPassword(data.password) });
}

/**
 * The user, the merchant and the owner membership, in one commit with its audit row; a taken email is
 * 400 email_taken. `claim` runs first in the same commit (confirmSignup's one use of its link).
 */
export async function createOwnerAccount({
  db,
  ip,
  name,
  email,
  businessName,
  passwordHash,
  claim,
}: {
  db?: Executor;
  ip?: string | null;
  name: string;
  email: string;
  businessName: string;
  passwordHash: string;
  claim?: (tx: Transaction) => Promise<void>;
}) {
  const data = { name, email, business_name: businessName };
  const userId = newId("user");
  const merchantId = newId("merchant");
  const ctx: ServiceContext = {
    merchantId,
    livemode: false,
    actor: { type: "user", id: userId, label: data.email },
    role: "owner",
    ip: ip ?? null,
    ...(db ? { db } : {}),
  };
  try {
    return await commit(ctx, async (tx, changes) => {
      if (claim) await claim(tx);
      await tx.insert(users).values({ id: userId, name: data.name, email: data.email, passwordHash });
      await tx.insert(merchants).values({ id: merchantId, businessName: data.business_name });
      await tx.insert(memberships).values({ id: newId("membership"), merchantId, userId, role: "owner" });
      changes.audit({ action: "merchant.created", targetType: "account", targetId: merchantId });
      return { userId, merchantId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new KassaError("email_taken", "An account with this email already exists. Sign in instead.", {
        param: "email",
      });
    }
    throw error;
  }
}
