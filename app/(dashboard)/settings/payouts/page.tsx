import { PayoutActionForm } from "@/components/dashboard/payouts/action-form";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { Table } from "@/components/ui/table";
import { listBankAccounts } from "@/lib/bank-accounts/list-bank-accounts";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { getPayoutSettings } from "@/lib/payouts/payout-settings";
import { can } from "@/lib/service/roles";
import { addBankAccountAction, removeBankAccountAction, setDefaultBankAccountAction, updatePayoutScheduleAction } from "./actions";

export const metadata = { title: "Payout settings" };

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

export default async function PayoutSettingsPage() {
  const member = await requireMember("payouts:read");
  const ctx = await memberContext(member);
  const canWrite = can(member.role, "payouts:write");
  const [settings, accounts] = await Promise.all([getPayoutSettings({ ctx }), listBankAccounts({ ctx, input: { limit: "100" }, url: "/settings/payouts" })]);
  const s = settings.schedule;
  return (
    <>
      <PageHeader
        title="Payouts"
        description={`Where and when your available balance is paid out in ${ctx.livemode ? "live" : "test"} mode (each mode has its own). Account numbers are stored encrypted and shown only by their last four digits.`}
      />
      <div className="space-y-6">
        <Card title="Schedule">
          {canWrite ? (
            <PayoutActionForm action={updatePayoutScheduleAction} label="Payout schedule" submit="Save schedule" success="Saved.">
              <div className="grid max-w-xl grid-cols-3 gap-3">
                <SelectField label="Pay out" name="interval" defaultValue={s.interval}>
                  <option value="manual">Manually</option>
                  <option value="daily">Daily</option>
                  <option value="weekly">Weekly</option>
                  <option value="monthly">Monthly</option>
                </SelectField>
                <SelectField label="Weekly on" name="weekly_anchor" defaultValue={s.weekly_anchor ?? "monday"}>
                  {WEEKDAYS.map((d) => (
                    <option key={d} value={d}>
                      {d[0]!.toUpperCase() + d.slice(1)}
                    </option>
                  ))}
                </SelectField>
                <Field label="Monthly on day" name="monthly_anchor" type="number" min={1} max={31} defaultValue={s.monthly_anchor ?? 1} />
              </div>
              <p className="text-sm text-slate-600">
                Automatic payouts send the whole available balance of each currency to its default account and list the transactions they settle.
              </p>
            </PayoutActionForm>
          ) : (
            <p className="text-sm text-slate-700" data-testid="payout-schedule">
              {s.interval === "manual"
                ? "Manual"
                : s.interval === "weekly"
                  ? `Weekly on ${s.weekly_anchor}`
                  : s.interval === "monthly"
                    ? `Monthly on day ${s.monthly_anchor}`
                    : "Daily"}
            </p>
          )}
        </Card>
        <Card title="Bank accounts">
          <Table
            caption="Bank accounts"
            testId="bank-accounts"
            rows={accounts.data}
            rowKey={(a) => a.id}
            empty="No bank account yet: add one to receive payouts."
            columns={[
              { id: "bank", header: "Bank", cell: (a) => `${a.bank_name ?? "Bank"} ••••${a.last4}` },
              { id: "currency", header: "Currency", className: "uppercase", cell: (a) => a.currency },
              { id: "holder", header: "Holder", cell: (a) => a.account_holder_name },
              {
                id: "status",
                header: "Status",
                cell: (a) => (
                  <span className="flex gap-1">
                    {a.default_for_currency ? <Badge tone="blue">default</Badge> : null}
                    {a.status === "errored" ? <Badge tone="red">errored</Badge> : null}
                  </span>
                ),
              },
              { id: "fingerprint", header: "Fingerprint", className: "font-mono text-xs", cell: (a) => a.fingerprint },
              {
                id: "actions",
                header: "Actions",
                cell: (a) =>
                  canWrite ? (
                    <div className="flex gap-2">
                      {!a.default_for_currency ? (
                        <PayoutActionForm
                          action={setDefaultBankAccountAction}
                          label={`Make ••••${a.last4} default`}
                          submit="Make default"
                          variant="secondary"
                          className=""
                        >
                          <input type="hidden" name="bank_account" value={a.id} />
                        </PayoutActionForm>
                      ) : null}
                      <PayoutActionForm action={removeBankAccountAction} label={`Remove ••••${a.last4}`} submit="Remove" variant="danger" className="">
                        <input type="hidden" name="bank_account" value={a.id} />
                      </PayoutActionForm>
                    </div>
                  ) : null,
              },
            ]}
          />
        </Card>
        {canWrite ? (
          <Card title="Add a bank account">
            <PayoutActionForm action={addBankAccountAction} label="Add bank account" submit="Add bank account" success="Bank account added.">
              <div className="grid max-w-2xl grid-cols-3 gap-3">
                <Field label="Currency" name="currency" placeholder="usd" maxLength={3} required />
                <Field label="Country" name="country" placeholder="US" maxLength={2} required />
                <Field label="Account holder" name="account_holder_name" required />
              </div>
              <Field label="IBAN" name="iban" autoComplete="off" hint="For IBAN countries (e.g. DE89 3704 0044 0532 0130 00). Leave empty for a US account." />
              <div className="grid max-w-2xl grid-cols-2 gap-3">
                <Field label="Account number" name="account_number" autoComplete="off" inputMode="numeric" />
                <Field
                  label="Routing number"
                  name="routing_number"
                  autoComplete="off"
                  inputMode="numeric"
                  hint="The sandbox bank's routing number is 110000000; its test account numbers are in the README."
                />
              </div>
            </PayoutActionForm>
          </Card>
        ) : null}
      </div>
    </>
  );
}
