import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { EmailStatus } from "@/components/dashboard/email-status";
import { Time } from "@/components/ui/time";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { listCustomerEmails } from "@/lib/email/list-customer-emails";
import { isId } from "@/lib/ids";
import { KassaError } from "@/lib/service/errors";

export const metadata = { title: "Customer emails" };

const KINDS: Record<string, string> = { receipt: "Receipt", invoice: "Invoice", payment_failed: "Payment failed", trial_ending: "Trial ending" };

/** The object an email is about: a payment links to its page (invoices and subscriptions have none yet); `sub_…:<trial end>` and `in_…:<try>` show the object's id. */
function About({ objectId }: { objectId: string }) {
  const id = objectId.split(":")[0]!;
  return isId("payment", id) ? (
    <Link href={`/payments/${id}`} className="text-brand-700 underline">
      {id}
    </Link>
  ) : (
    <code>{id}</code>
  );
}

/** What the merchant's customers were sent (live mode), or would have been sent (test mode). */
export default async function CustomerEmailsPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const member = await requireMember("customers:read");
  const ctx = await memberContext(member);
  const { before } = await searchParams;
  const list = await listCustomerEmails({ ctx, ...(before ? { before } : {}) }).catch((error: unknown) => {
    if (error instanceof KassaError) notFound(); // a malformed cursor in the URL
    throw error;
  });
  const smtp = Boolean(process.env.SMTP_URL);
  return (
    <>
      <PageHeader
        title="Customer emails"
        description={
          ctx.livemode
            ? smtp
              ? "Receipts, invoices, failed payment notices and trial reminders sent to your customers, newest first."
              : "No SMTP server is configured (SMTP_URL): your customers' emails wait here until one is."
            : "Test mode: customers are never emailed. Each email a customer would have got is kept here."
        }
      />
      <Card>
        {list.data.length === 0 ? (
          <p className="text-sm text-slate-500">
            No customer emails in {ctx.livemode ? "live" : "test"} mode yet. A succeeded payment with a <code>receipt_email</code> sends its receipt; a
            subscription emails its customer each invoice, failed payment and trial end.
          </p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="customer-emails">
            {list.data.map((e) => (
              <li key={e.id} className="py-3">
                <details>
                  <summary className="flex cursor-pointer flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-800">{e.subject}</span>
                    <EmailStatus status={e.status} smtp={smtp} />
                    <span className="text-sm text-slate-600">to {e.to}</span>
                    <span className="text-xs text-slate-500">
                      {KINDS[e.kind] ?? e.kind} · <Time seconds={Math.floor(e.createdAt.getTime() / 1000)} />
                    </span>
                  </summary>
                  {e.objectId ? (
                    <p className="mt-2 text-sm text-slate-600">
                      About <About objectId={e.objectId} />
                    </p>
                  ) : null}
                  <pre className="mt-2 whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 text-sm text-slate-700">{e.text}</pre>
                </details>
              </li>
            ))}
          </ul>
        )}
        {list.hasMore ? (
          <p className="mt-4 text-sm">
            <Link href={`/customers/emails?before=${list.data.at(-1)!.id}`} className="text-brand-700 underline">
              Older emails
            </Link>
          </p>
        ) : null}
      </Card>
    </>
  );
}
