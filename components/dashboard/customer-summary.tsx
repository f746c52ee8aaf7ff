import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import type { CustomerObject, PaymentMethodObject } from "@/lib/customers/serialize";
import { cardExpiry, cardLabel } from "./card-label";

/**
 * A customer at a glance: who, how to reach them, their default card. Used on the customer's page and
 * meant for the payment page's "Customer" field (pass the payment's customer and its default card).
 */
export function CustomerSummary({
  customer: c,
  defaultCard,
  link = false,
}: {
  customer: CustomerObject;
  defaultCard: PaymentMethodObject["card"] | null;
  link?: boolean;
}) {
  const name = c.name ?? c.email ?? "Unnamed customer";
  return (
    <dl className="grid gap-3 text-sm sm:grid-cols-3" data-testid="customer-summary">
      <div>
        <dt className="text-slate-500">Name</dt>
        <dd className="font-medium text-slate-900">
          {link ? (
            <Link className="text-brand-700 hover:underline" href={`/customers/${c.id}`}>
              {name}
            </Link>
          ) : (
            name
          )}
        </dd>
      </div>
      <div>
        <dt className="text-slate-500">Email</dt>
        <dd>{c.email ?? "—"}</dd>
      </div>
      <div>
        <dt className="text-slate-500">Phone</dt>
        <dd>{c.phone ?? "—"}</dd>
      </div>
      <div>
        <dt className="text-slate-500">Default card</dt>
        <dd className="capitalize">
          {defaultCard ? (
            <>
              {cardLabel(defaultCard)} <span className="text-slate-500 normal-case">exp {cardExpiry(defaultCard)}</span>
            </>
          ) : (
            "—"
          )}
        </dd>
      </div>
      <div>
        <dt className="text-slate-500">Created</dt>
        <dd>
          <Time seconds={c.created} />
        </dd>
      </div>
      <div>
        <dt className="text-slate-500">Id</dt>
        <dd className="font-mono text-xs">
          {c.id} {c.livemode ? null : <Badge>test</Badge>}
        </dd>
      </div>
      {c.description ? (
        <div className="sm:col-span-3">
          <dt className="text-slate-500">Description</dt>
          <dd className="whitespace-pre-wrap">{c.description}</dd>
        </div>
      ) : null}
    </dl>
  );
}
