"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { backtestRuleAction, disableRuleAction, saveRuleAction } from "@/app/(dashboard)/fraud/actions";
import type { ActionResult } from "@/lib/http/session/action";
import type { BacktestObject } from "@/lib/fraud/backtest-rule";
import type { RuleObject } from "@/lib/fraud/radar-serialize";
import { formatMoney } from "@/lib/money";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { ActionError } from "./action-error";

const ACTION_TONE = { block: "red", review: "amber", allow: "green", request_3ds: "blue" } as const;

/** The line and column an error message names ("at column 27", "at line 2, column 3"), 1-based. */
function errorPlace(message: string): { line: number; column: number } | null {
  const m = /at (?:line (\d+), )?column (\d+)/.exec(message);
  return m ? { line: Number(m[1] ?? 1), column: Number(m[2]) } : null;
}

/** The parser's message under the source, with a caret under the column it names. */
function SourceError({ source, error, code }: { source: string; error: string; code: string }) {
  const place = errorPlace(error);
  const line = place ? (source.split("\n")[place.line - 1] ?? "") : null;
  return (
    <div
      id="rule-source-error"
      role="alert"
      className="space-y-1 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
      data-testid="rule-error"
    >
      {place && line !== null ? (
        <pre aria-hidden="true" className="overflow-x-auto font-mono text-xs text-slate-800" data-testid="rule-error-caret">
          {line}
          {"\n"}
          <span className="text-red-700">{`${" ".repeat(Math.max(0, place.column - 1))}^`}</span>
        </pre>
      ) : null}
      <p>
        {error}{" "}
        <code className="rounded bg-red-100 px-1 text-xs" data-testid="error-code">
          {code}
        </code>
      </p>
    </div>
  );
}

function BacktestResult({ result }: { result: BacktestObject }) {
  const o = result.matched_by_outcome;
  return (
    <div role="status" className="space-y-3 rounded-md bg-slate-50 p-4 text-sm ring-1 ring-slate-200" data-testid="backtest-result">
      <p className="font-medium text-slate-900" data-testid="backtest-summary">
        Would have matched {result.matched} of {result.evaluated} payments in the last 30 days
        {result.amount.by_currency.length > 0 ? ` (${result.amount.by_currency.map((a) => formatMoney(a.amount, a.currency)).join(" + ")})` : ""}.
      </p>
      <p className="text-slate-600">
        Kassa then authorised {o.authorized}, sent {o.manual_review} to review and blocked {o.blocked} of them.
        {result.truncated ? ` Only the newest ${result.max_assessments.toLocaleString("en")} fraud checks were read.` : ""}
      </p>
      {result.examples.length > 0 ? (
        <Table
          caption="Examples of payments the rule would have matched"
          testId="backtest-examples"
          density="compact"
          rows={result.examples}
          rowKey={(e) => e.id}
          columns={[
            { id: "payment", header: "Payment", className: "font-mono text-xs", href: (e) => `/payments/${e.id}`, cell: (e) => e.id },
            { id: "amount", header: "Amount", numeric: true, cell: (e) => formatMoney(e.amount, e.currency) },
            { id: "created", header: "Created", cell: (e) => <Time seconds={e.created} /> },
            { id: "outcome", header: "Outcome then", cell: (e) => `${e.outcome.type.replace("_", " ")} (risk ${e.outcome.risk_score})` },
          ]}
        />
      ) : null}
    </div>
  );
}

/** The rule editor: write a rule, test it against the last 30 days, save it (or its next version). */
function RuleEditor({ editing, onDone }: { editing: RuleObject | null; onDone: () => void }) {
  const [source, setSource] = useState(editing?.source ?? "");
  const [last, setLast] = useState<"save" | "test" | null>(null);
  // A saved rule closes the editor (the parent remounts it empty); a refused one keeps the text to fix.
  const [saved, save, saving] = useActionState<ActionResult<{ id: string; version: number }> | null, FormData>(async (prev, form) => {
    const result = await saveRuleAction(prev, form);
    if (result.ok) onDone();
    return result;
  }, null);
  const [tested, test, testing] = useActionState<ActionResult<BacktestObject> | null, FormData>(backtestRuleAction, null);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (editing) area.current?.focus();
  }, [editing]);
  const shown = last === "test" ? tested : last === "save" ? saved : null;
  const sourceError = shown && !shown.ok && shown.param === "source" ? shown : null;
  return (
    <form action={save} className="space-y-3" aria-label={editing ? "Edit rule" : "Add a rule"}>
      {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
      <div className="space-y-1">
        <label htmlFor="rule-source" className="block text-sm font-medium text-slate-700">
          {editing ? `Rule (a new version of ${editing.id})` : "Rule"}
        </label>
        <textarea
          ref={area}
          id="rule-source"
          name="source"
          rows={3}
          required
          spellCheck={false}
          value={source}
          onChange={(e) => setSource(e.target.value)}
          placeholder="block if :amount_in_usd: > 5000 and :card_country: != :ip_country:"
          aria-invalid={sourceError ? true : undefined}
          aria-describedby={sourceError ? "rule-source-error" : "rule-source-hint"}
          className="block w-full rounded-md border-0 px-3 py-2 font-mono text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-500 aria-[invalid=true]:ring-red-500"
        />
        {sourceError ? (
          <SourceError source={source} error={sourceError.error} code={sourceError.code} />
        ) : (
          <p id="rule-source-hint" className="text-xs text-slate-600">
            <code>block</code>, <code>review</code>, <code>allow</code> or <code>request_3ds</code> <code>if</code> a condition on attributes such as{" "}
            <code>:amount_in_usd:</code>, <code>:risk_score:</code>, <code>:card_country:</code>; lists as <code>@alias</code>.
          </p>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="secondary" formAction={test} formNoValidate disabled={testing} onClick={() => setLast("test")}>
          {testing ? "Testing…" : "Test rule"}
        </Button>
        <Button type="submit" disabled={saving} onClick={() => setLast("save")}>
          {saving ? "Saving…" : editing ? "Save new version" : "Save rule"}
        </Button>
        {editing ? (
          <Button type="button" variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
      </div>
      {shown && !shown.ok && !sourceError ? <ActionError error={shown.error} code={shown.code} /> : null}
      {last === "test" && tested?.ok ? <BacktestResult result={tested.data} /> : null}
    </form>
  );
}

function DisableButton({ rule }: { rule: RuleObject }) {
  const [state, action, pending] = useActionState<ActionResult<null> | null, FormData>(disableRuleAction, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!confirm(`Disable this rule? Payments are no longer checked against it.\n\n${rule.source}`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={rule.id} />
      <Button type="submit" variant="danger" disabled={pending} aria-label={`Disable rule ${rule.id}`}>
        Disable
      </Button>
      {state && !state.ok ? <ActionError error={state.error} code={state.code} /> : null}
    </form>
  );
}

/** Fraud → Rules: the merchant's active rules in Radar's order of evaluation, and the editor. */
export function RadarRules({ rules, canWrite }: { rules: RuleObject[]; canWrite: boolean }) {
  const [editing, setEditing] = useState<RuleObject | null>(null);
  const [key, setKey] = useState(0);
  const done = () => {
    setEditing(null);
    setKey((k) => k + 1);
  };
  return (
    <div className="space-y-6">
      <Table
        caption="Active rules, in the order they are evaluated"
        testId="rules-table"
        rows={rules}
        rowKey={(r) => r.id}
        rowData={(r) => ({ "data-rule": r.id })}
        empty={
          <div className="py-8 text-center text-sm" data-testid="rules-empty">
            <p className="text-base font-semibold text-slate-800">No rules of your own yet</p>
            <p className="mx-auto mt-1 max-w-md text-slate-600">
              Kassa&apos;s default rules still apply: block at risk 80 or more, review at 65, and your block and allow lists.
            </p>
          </div>
        }
        columns={[
          { id: "action", header: "Action", cell: (r) => <Badge tone={ACTION_TONE[r.action]}>{r.action}</Badge> },
          { id: "source", header: "Rule", className: "font-mono text-xs break-all", cell: (r) => r.source },
          { id: "version", header: "Version", numeric: true, cell: (r) => r.version },
          { id: "updated", header: "Since", cell: (r) => <Time seconds={r.created} />, detail: (r) => r.id },
          {
            id: "manage",
            header: "Manage",
            headerHidden: true,
            hidden: !canWrite,
            cell: (r) => (
              <div className="flex gap-2">
                <Button type="button" variant="secondary" onClick={() => setEditing(r)} aria-label={`Edit rule ${r.id}`}>
                  Edit
                </Button>
                <DisableButton rule={r} />
              </div>
            ),
          },
        ]}
      />
      {canWrite ? (
        <section aria-labelledby="rule-editor-title" className="space-y-3">
          <h2 id="rule-editor-title" className="text-sm font-semibold text-slate-800">
            {editing ? "Edit rule" : "Add a rule"}
          </h2>
          <RuleEditor key={`${key}-${editing?.id ?? "new"}`} editing={editing} onDone={done} />
        </section>
      ) : (
        <p className="text-sm text-slate-600">
          Your role can read rules; owners and admins change them. <Link href="/fraud/lists">See the lists</Link>.
        </p>
      )}
    </div>
  );
}
