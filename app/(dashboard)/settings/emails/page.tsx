import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import { EmailStatus } from "@/components/dashboard/email-status";
import { requireMember } from "@/lib/http/session/session";
import { listMyEmails } from "@/lib/email/list-my-emails";

export const metadata = { title: "Emails" };

/** Kassa's mail to you: delivered through SMTP_URL, or waiting here when no SMTP server is configured. */
export default async function EmailsPage() {
  const member = await requireMember();
  const list = await listMyEmails(await getDb(), { email: member.email });
  const smtp = Boolean(process.env.SMTP_URL);
  return (
    <>
      <PageHeader title="Emails" description={smtp ? "What Kassa sent you." : "No SMTP server is configured (SMTP_URL): Kassa's mail to you waits here."} />
      <Card>
        {list.length === 0 ? (
          <p className="text-sm text-slate-500">No emails to {member.email} yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="emails">
            {list.map((e) => (
              <li key={e.id} className="py-3">
                <div className="flex items-center gap-2">
                  <p className="font-medium text-slate-800">{e.subject}</p>
                  <EmailStatus status={e.status} smtp={smtp} />
                </div>
                <p className="text-xs text-slate-500">{e.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</p>
                <pre className="mt-2 whitespace-pre-wrap break-words text-sm text-slate-700">{e.text}</pre>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
