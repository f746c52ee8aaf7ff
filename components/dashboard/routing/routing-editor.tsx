"use client";

import { useEffect, useMemo, useState, useTransition, type FormEvent } from "react";
import { saveRoutingRulesAction } from "@/app/(dashboard)/settings/routing/actions";
import { ActionError } from "@/components/dashboard/action-error";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import {
  draftFromRules,
  draftParam,
  emptyRule,
  fieldId,
  problemField,
  rulesFromDraft,
  type DraftProblem,
  type RoutingDraft,
  type RuleDraft,
} from "@/lib/routing/draft";
import type { RoutingRulesObject } from "@/lib/routing/routing-object";
import { RouteFields } from "./route-fields";
import { RuleFields } from "./rule-fields";
import { ProblemContext } from "./routing-inputs";
import { RoutingTester, type TestCardOption } from "./routing-tester";

/** Where a refusal is shown, in words: "Rule 2", "the default route". */
function placeName(at: string): string {
  const rule = /^rules\[(\d+)\]/.exec(at);
  return rule ? `Rule ${Number(rule[1]) + 1}` : "the default route";
}

const docJson = (draft: RoutingDraft) => {
  const converted = rulesFromDraft(draft);
  return converted.ok ? JSON.stringify(converted.doc) : null;
};

/**
 * Settings → Routing: the mode's rules as a form — rules in order (add, remove, move), each with its
 * conditions and route, then the default route — saved whole (a new version), and the tester beside it.
 * A refusal is shown at the field its parameter names, and nothing typed is lost. Read-only without routing:write.
 */
export function RoutingEditor({
  initial,
  canEdit,
  cardBrands,
  paymentMethodTypes,
  testCards,
}: {
  initial: RoutingRulesObject;
  canEdit: boolean;
  cardBrands: readonly string[];
  paymentMethodTypes: readonly string[];
  testCards: TestCardOption[];
}) {
  const connectorNames = initial.connectors.map((c) => c.name);
  const [saved, setSaved] = useState({ version: initial.version, updated_at: initial.updated_at ?? null });
  const [draft, setDraft] = useState<RoutingDraft>(() => draftFromRules(initial, connectorNames));
  const [baseline, setBaseline] = useState(() => docJson(draftFromRules(initial, connectorNames)));
  const [problem, setProblem] = useState<(DraftProblem & { from: "save" | "test" }) | null>(null);
  const [justSaved, setJustSaved] = useState<number | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const [pending, startTransition] = useTransition();
  const choices = { connectors: initial.connectors, cardBrands, paymentMethodTypes };

  const at = problem ? problemField(problem.param, draft) : null;
  const shown = useMemo(() => (problem && at ? { at, text: `${problem.error} (${problem.code})` } : null), [problem, at]);
  const dirty = docJson(draft) !== baseline;

  // A refused save moves focus to the field it names, so a keyboard or screen reader user lands on it.
  useEffect(() => {
    if (focusTick && shown) document.getElementById(fieldId(shown.at))?.focus();
    // Only when a save is refused, not on every change after it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusTick]);

  const refuse = (p: DraftProblem, from: "save" | "test") => {
    setJustSaved(null);
    setProblem({ ...p, from });
    if (from === "save") setFocusTick((t) => t + 1);
  };
  // Adding, removing or moving a rule renumbers the rules a refusal's parameter counts: drop the refusal.
  const restructure = (rules: RuleDraft[]) => {
    setProblem(null);
    setJustSaved(null);
    setDraft((d) => ({ ...d, rules }));
  };
  const setRule = (i: number, rule: RuleDraft) => setDraft((d) => ({ ...d, rules: d.rules.map((r, j) => (j === i ? rule : r)) }));
  const move = (i: number, by: -1 | 1) => {
    const rules = [...draft.rules];
    const [rule] = rules.splice(i, 1);
    rules.splice(i + by, 0, rule!);
    restructure(rules);
    // Keep the keyboard on the moved rule (its other button once it reaches the top or the bottom).
    const n = i + by + 1;
    requestAnimationFrame(() => {
      const same = document.querySelector<HTMLButtonElement>(`[aria-label="Move rule ${n} ${by < 0 ? "up" : "down"}"]`);
      (same && !same.disabled ? same : document.querySelector<HTMLButtonElement>(`[aria-label="Move rule ${n} ${by < 0 ? "down" : "up"}"]`))?.focus();
    });
  };

  const save = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const converted = rulesFromDraft(draft);
    if (!converted.ok) return refuse(converted.problem, "save");
    startTransition(async () => {
      const result = await saveRoutingRulesAction(converted.doc);
      if (!result.ok) return refuse(result, "save");
      const next = draftFromRules(result.data, connectorNames);
      setDraft(next);
      setBaseline(docJson(next));
      setSaved({ version: result.data.version, updated_at: result.data.updated_at ?? null });
      setProblem(null);
      setJustSaved(result.data.version);
    });
  };

  return (
    <div className="space-y-6">
      <Card title="Rules">
        <p className="mb-4 text-sm text-slate-700" data-testid="routing-version">
          {saved.version === 0 ? (
            <>Never saved: every payment takes the default route below (the mode&apos;s built-in processor).</>
          ) : (
            <>
              Version <span className="font-semibold">{saved.version}</span>, last changed <Time seconds={saved.updated_at} />.
            </>
          )}
        </p>
        {initial.connectors.length === 0 ? (
          <Alert tone="amber">
            No connector can take payments in {initial.livemode ? "live" : "test"} mode yet: set Stripe or PayPal keys, then name them here.
          </Alert>
        ) : null}
        <ProblemContext.Provider value={shown}>
          <form onSubmit={save} aria-label="Routing rules" className="space-y-4" noValidate>
            <fieldset disabled={!canEdit} className="space-y-4">
              <legend className="sr-only">Routing rules, in the order they are tried</legend>
              {draft.rules.length === 0 ? (
                <p className="rounded-md bg-slate-50 px-3 py-4 text-sm text-slate-700" data-testid="no-rules">
                  No rules: every payment takes the default route.
                </p>
              ) : (
                <ol className="space-y-4" aria-label="Rules, first match wins">
                  {draft.rules.map((rule, i) => (
                    <li key={rule.key}>
                      <RuleFields
                        rule={rule}
                        index={i}
                        count={draft.rules.length}
                        choices={choices}
                        canEdit={canEdit}
                        onChange={(r) => setRule(i, r)}
                        onMove={(by) => move(i, by)}
                        onRemove={() => restructure(draft.rules.filter((_, j) => j !== i))}
                      />
                    </li>
                  ))}
                </ol>
              )}
              {canEdit ? (
                <Button type="button" variant="secondary" onClick={() => restructure([...draft.rules, emptyRule(connectorNames)])}>
                  Add a rule
                </Button>
              ) : null}
              <RouteFields
                route={draft.default}
                param="default"
                legend="Default route (payments no rule matches)"
                connectors={initial.connectors}
                canEdit={canEdit}
                onChange={(route) => setDraft((d) => ({ ...d, default: route }))}
              />
            </fieldset>
            {canEdit ? (
              <div className="flex flex-wrap items-center gap-3">
                <Button type="submit" disabled={pending}>
                  {pending ? "Saving…" : "Save routing rules"}
                </Button>
                {dirty ? (
                  <span className="text-sm text-slate-700" data-testid="unsaved">
                    Unsaved changes
                  </span>
                ) : null}
              </div>
            ) : (
              <p className="text-sm text-slate-700" data-testid="read-only">
                Only owners and admins can change routing rules. You can try the saved rules with the tester below.
              </p>
            )}
            {problem && !shown ? <ActionError error={problem.error} code={problem.code} /> : null}
            {shown ? (
              <Alert>
                {problem!.from === "save" ? "Not saved: see the problem shown in" : "The tester could not use these rules: see the problem shown in"}{" "}
                {placeName(shown.at)}.{problem!.from === "save" ? " Nothing you typed was lost." : ""}{" "}
                <code className="rounded bg-red-100 px-1 text-xs" data-testid="error-code">
                  {problem!.code}
                </code>
              </Alert>
            ) : null}
            {justSaved !== null && !problem ? <Alert tone="green">Saved as version {justSaved}. New payments use these rules now.</Alert> : null}
          </form>
        </ProblemContext.Provider>
      </Card>
      <Card title="Which connector would this payment use?">
        <RoutingTester
          draft={() => {
            if (!canEdit) return { ok: true, doc: null };
            const converted = rulesFromDraft(draft);
            return converted.ok ? { ok: true, doc: converted.doc } : converted;
          }}
          testCards={testCards}
          cardBrands={cardBrands}
          paymentMethodTypes={paymentMethodTypes}
          onDraftProblem={(p) => {
            const mapped = { ...p, param: draftParam(p.param) };
            if (!problemField(mapped.param, draft)) return false;
            refuse(mapped, "test");
            return true;
          }}
        />
      </Card>
    </div>
  );
}
