import { z } from "zod";
import type { KeyPermissions, Role } from "@/db/schema";
import { can, PERMISSIONS, type Permission } from "@/lib/service/roles";

/**
 * What a restricted key (`rk_…`) can be granted, resource by resource, as Stripe's: each resource is a
 * Kassa permission prefix, with the levels that exist for it. Keys never manage keys, the team, the
 * audit log or workflows.
 */
const GRANTABLE = [
  "account",
  "balance",
  "billing_portal",
  "customers",
  "disputes",
  "escrow",
  "events",
  "invoices",
  "payment_links",
  "payments",
  "payouts",
  "products",
  "radar",
  "refunds",
  "routing",
  "subscriptions",
  "webhooks",
] as const;
export type Resource = (typeof GRANTABLE)[number];

/** Levels a grant can have; escrow's only one is `dispute` (escrow:dispute: open and resolve escrow disputes). */
type Level = "read" | "write" | "dispute";
export const RESOURCE_LEVELS: Record<Resource, Level[]> = Object.fromEntries(
  GRANTABLE.map((r) => [r, (["read", "write", "dispute"] as const).filter((l) => `${r}:${l}` in PERMISSIONS)]),
) as Record<Resource, Level[]>;

export const KeyPermissionsInput = z.strictObject(
  Object.fromEntries(GRANTABLE.map((r) => [r, z.enum(["none", ...RESOURCE_LEVELS[r]] as [string, ...string[]]).optional()])) as Record<
    Resource,
    z.ZodOptional<z.ZodEnum<Record<string, string>>>
  >,
);

/** The grants as stored: "none" dropped. */
export function normalizePermissions(input: Partial<Record<Resource, string>>): KeyPermissions {
  return Object.fromEntries(Object.entries(input).filter(([, l]) => l === "read" || l === "write" || l === "dispute")) as KeyPermissions;
}

/** The grants a role may hand out: a member never makes a key that can do more than they can. */
export function exceedsRole(perms: KeyPermissions, role: Role): Resource | null {
  for (const [resource, level] of Object.entries(perms)) {
    if (level && !can(role, `${resource}:${level}` as Permission)) return resource as Resource;
  }
  return null;
}

/** For the create-key form: each grantable resource with the levels this role may hand out. */
export function grantableFor(role: Role): { name: Resource; levels: Level[] }[] {
  return GRANTABLE.map((name) => ({ name, levels: RESOURCE_LEVELS[name].filter((l) => can(role, `${name}:${l}` as Permission)) })).filter(
    (r) => r.levels.length > 0,
  );
}
