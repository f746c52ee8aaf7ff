import type { Role } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";

export const PERMISSIONS = {
  "account:read": ["owner", "admin", "developer", "analyst", "support"],
  "account:write": ["owner", "admin"],
  "api_keys:read": ["owner", "admin", "developer"],
  "api_keys:write": ["owner", "admin", "developer"],
  "team:read": ["owner", "admin", "developer", "analyst", "support"],
  "team:manage": ["owner", "admin"],
  "audit:read": ["owner", "admin"],
  "balance:read": ["owner", "admin", "developer", "analyst"],
  "events:read": ["owner", "admin", "developer", "analyst", "support"],
  /** Request logs hold whole (redacted) request and response bodies: the roles that hold API keys. */
  "request_logs:read": ["owner", "admin", "developer"],
  "workflows:read": ["owner", "admin", "developer"],
  "workflows:write": ["owner", "admin"],
  "webhooks:read": ["owner", "admin", "developer"],
  "webhooks:write": ["owner", "admin", "developer"],
  "payments:read": ["owner", "admin", "developer", "analyst", "support"],
  "payments:write": ["owner", "admin", "developer"],
  "refunds:write": ["owner", "admin", "support"],
  "payment_links:read": ["owner", "admin", "developer", "analyst", "support"],
  "payment_links:write": ["owner", "admin", "developer"],
  "customers:read": ["owner", "admin", "developer", "analyst", "support"],
  "customers:write": ["owner", "admin", "developer"],
  /** Products and their prices (one resource, as a restricted key grants them). */
  "products:read": ["owner", "admin", "developer", "analyst", "support"],
  "products:write": ["owner", "admin", "developer"],
  /** Subscriptions and their invoices (collecting an invoice charges the customer's card). */
  "subscriptions:read": ["owner", "admin", "developer", "analyst", "support"],
  "subscriptions:write": ["owner", "admin", "developer"],
  "invoices:read": ["owner", "admin", "developer", "analyst", "support"],
  "invoices:write": ["owner", "admin", "developer"],
  /**
   * Customer portal links: whoever holds one may change that customer's default card and cancel their
   * subscriptions at period end, so the roles that hold customers:write and subscriptions:write.
   */
  "billing_portal:write": ["owner", "admin", "developer"],
  "disputes:read": ["owner", "admin", "developer", "analyst", "support"],
  /** Answering a dispute (evidence) is support's daily work as much as an admin's. */
  "disputes:write": ["owner", "admin", "support"],
  /** Radar rules, value lists and backtests: reading them (and testing a draft) is analysis; changing them decides whose payments are refused. */
  "radar:read": ["owner", "admin", "developer", "analyst"],
  "radar:write": ["owner", "admin"],
  /** Opening and resolving an escrow dispute (lib/escrow): blocks or decides a release of the merchant's own money. */
  "escrow:dispute": ["owner", "admin"],
  /** Payouts and the bank accounts they go to (masked): reading is reporting; creating one, or changing where money goes, is the business's own call. */
  "payouts:read": ["owner", "admin", "developer", "analyst"],
  "payouts:write": ["owner", "admin"],
  /** Routing rules (lib/routing): reading and testing them is analysis; changing them decides which processor takes the money. */
  "routing:read": ["owner", "admin", "developer", "analyst"],
  "routing:write": ["owner", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Everything, including owners and the business itself",
  admin: "Everything but managing owners",
  developer: "API keys, webhooks, events and logs",
  analyst: "Read-only dashboards and reports",
  support: "Look up payments and customers to help them",
};

export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/**
 * Users act with their role, and so does an API key a team member created (the member's current
 * role: a developer's key cannot refund). A merchant-wide key and the system act for the whole
 * merchant. Throws 403 when the role lacks the permission.
 */
export function requirePermission(ctx: ServiceContext, permission: Permission): void {
  if (ctx.actor.type === "api_key" && ctx.keyPermissions) {
    // A restricted key: its own grants first (write allows read), then its creator's role.
    const [resource, level] = permission.split(":") as [string, string];
    const granted = ctx.keyPermissions[resource];
    if (!(granted === "write" || granted === level)) {
      throw new KassaError(
        "permission_denied",
        `This restricted key does not allow ${permission.replace(":", " ")} (it grants ${resource}: ${granted ?? "none"}).`,
      );
    }
  }
  if (ctx.actor.type === "api_key" && ctx.role !== undefined) {
    if (!can(ctx.role, permission)) {
      throw new KassaError(
        "permission_denied",
        `This API key acts with the role of the team member who created it (${ctx.role}), which cannot do this: it needs ${permission}.`,
      );
    }
    return;
  }
  if (ctx.actor.type !== "user") return;
  if (!can(ctx.role, permission)) {
    throw new KassaError("permission_denied", `Your role (${ctx.role ?? "none"}) cannot do this: it needs ${permission}.`);
  }
}
