"use client";

import { useState, useTransition, type FormEvent } from "react";
import { evaluateRoutingAction } from "@/app/(dashboard)/settings/routing/actions";
import { ActionError } from "@/components/dashboard/action-error";
import { Button } from "@/components/ui/button";
import { CURRENCIES, fromDecimalString } from "@/lib/money";
import type { DraftProblem, RoutingDocument } from "@/lib/routing/draft";
import type { RoutingDecisionObject } from "@/lib/routing/routing-object";
import { ProblemContext, SelectInput, TextInput } from "./routing-inputs";

export interface TestCardOption {
  id: string;
  label: string;
}

const TESTER_FIELDS = ["amount", "currency", "payment_method_type", "payment_method", "card_brand", "card_country", "bin"];

/** The rule a decision names, as the editor numbers rules. */
export const ruleLabel = (rule: { index: number; name: string | null }) => `Rule ${rule.index + 1}${rule.name ? ` (${rule.name})` : ""}`;

/**
 * "Which connector would this payment use?": a described payment (amount, currency, a test card or the card's
 * brand, country and BIN) run through the rules as edited — unsaved changes included — or, for a role that
 * cannot edit, the saved rules. Shows the connector, the rule that chose it and the failover order.
 */
export function RoutingTester({
  draft,
  testCards,
  cardBrands,
  paymentMethodTypes,
  onDraftProblem,
}: {
  /** The draft to try (null: the saved rules), or the problem that keeps it from being sent. */
  draft: () => { ok: true; doc: RoutingDocument | null } | { ok: false; problem: DraftProblem };
  testCards: TestCardOption[];
  cardBrands: readonly string[];
  paymentMethodTypes: readonly string[];
  /** A refusal that names a field of the rules (`rules[1][route]…`): shown there. Returns whether it was. */
  onDraftProblem: (problem: DraftProblem) => boolean;
}) {
  const [amount, setAmount] = useState("100.00");
  const [currency, setCurrency] = useState("usd");
  const [methodType, setMethodType] = useState("card");
  const [card, setCard] = useState(testCards[0]?.id ?? "");
  const [brand, setBrand] = useState("");
  const [country, setCountry] = useState("");
  const [bin, setBin] = useState("");
  const [result, setResult] = useState<RoutingDecisionObject | null>(null);
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const [pending, startTransition] = useTransition();

  const refuse = (p: DraftProblem) => {
    setResult(null);
    if (onDraftProblem(p)) setProblem({ error: "The rules above have a problem: fix it (it is shown at its field) and check again.", code: p.code });
    else setProblem(p);
  };
  const run = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    let minor: bigint;
    try {
      minor = fromDecimalString(amount.replace(/[\s_]/g, ""), currency);
    } catch (error) {
      return refuse({
        error: `Enter an amount in ${currency.toUpperCase()} such as 10.50 (${error instanceof RangeError ? error.message : "not a number"}).`,
        code: "parameter_invalid",
        param: "amount",
      });
    }
    if (minor < 1n || minor > BigInt(Number.MAX_SAFE_INTEGER))
      return refuse({ error: "The amount must be more than zero.", code: "parameter_invalid", param: "amount" });
    const rules = draft();
    if (!rules.ok) return refuse(rules.problem);
    const input = {
      amount: Number(minor),
      currency,
      payment_method_type: methodType,
      ...(methodType === "card" && card ? { payment_method: card } : {}),
      ...(methodType === "card" && brand ? { card_brand: brand } : {}),
      ...(methodType === "card" && country.trim() ? { card_country: country.trim() } : {}),
      ...(methodType === "card" && bin.trim() ? { bin: bin.trim() } : {}),
      ...(rules.doc ? { rules: rules.doc } : {}),
    };
    startTransition(async () => {
      const answer = await evaluateRoutingAction(input);
      if (answer.ok) {
        setProblem(null);
        setResult(answer.data);
      } else refuse(answer);
    });
  };
  const shown = problem?.param && TESTER_FIELDS.includes(problem.param) ? { at: `tester[${problem.param}]`, text: `${problem.error} (${problem.code})` } : null;
  const card_ = methodType === "card";
  return (
    <ProblemContext.Provider value={shown}>
      <form onSubmit={run} aria-label="Routing tester" className="space-y-4" noValidate>
        <div className="grid gap-3 sm:grid-cols-3">
          <TextInput param="tester[amount]" label={`Amount (${currency.toUpperCase()})`} inputMode="decimal" value={amount} onValue={setAmount} />
          <SelectInput
            param="tester[currency]"
            label="Currency"
            value={currency}
            onValue={setCurrency}
            options={CURRENCIES.map((c) => ({ value: c, label: c.toUpperCase() }))}
          />
          <SelectInput
            param="tester[payment_method_type]"
            label="Payment method type"
            value={methodType}
            onValue={setMethodType}
            options={paymentMethodTypes.map((t) => ({ value: t, label: t }))}
          />
        </div>
        {card_ ? (
          <>
            <SelectInput
              param="tester[payment_method]"
              label="Test card"
              value={card}
              onValue={setCard}
              placeholder="None: describe the card below"
              options={testCards.map((c) => ({ value: c.id, label: c.label }))}
            />
            <div className="grid gap-3 sm:grid-cols-3">
              <SelectInput
                param="tester[card_brand]"
                label="Card brand"
                value={brand}
                onValue={setBrand}
                placeholder={card ? "The test card's" : "Unknown"}
                options={cardBrands.map((b) => ({ value: b, label: b }))}
              />
              <TextInput
                param="tester[card_country]"
                label="Card country"
                value={country}
                onValue={setCountry}
                maxLength={2}
                placeholder={card ? "The test card's" : "US"}
                spellCheck={false}
              />
              <TextInput
                param="tester[bin]"
                label="BIN"
                inputMode="numeric"
                value={bin}
                onValue={setBin}
                maxLength={8}
                placeholder={card ? "The test card's" : "424242"}
                spellCheck={false}
              />
            </div>
            <p className="text-xs text-slate-600">A brand, country or BIN typed here takes the place of the test card&apos;s own.</p>
          </>
        ) : null}
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Checking…" : "Check route"}
        </Button>
        {problem && !shown ? <ActionError error={problem.error} code={problem.code} /> : null}
        {result ? <Decision result={result} /> : null}
      </form>
    </ProblemContext.Provider>
  );
}

function Decision({ result }: { result: RoutingDecisionObject }) {
  const why = result.rule ? ruleLabel(result.rule) : result.built_in ? "No rule applies: the mode's built-in processor" : "Default route";
  return (
    <div role="status" className="rounded-md bg-slate-50 p-4 text-sm ring-1 ring-slate-200" data-testid="routing-test-result">
      <dl className="grid gap-3 sm:grid-cols-3">
        <div>
          <dt className="text-slate-600">Connector</dt>
          <dd className="font-mono font-semibold text-slate-900" data-testid="routing-test-connector">
            {result.connector}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Chosen by</dt>
          <dd className="text-slate-900" data-testid="routing-test-rule">
            {why}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Failover order</dt>
          <dd className="text-slate-900">
            <span className="font-mono" data-testid="routing-test-candidates">
              {result.candidates.join(" → ")}
            </span>
          </dd>
        </div>
      </dl>
      <p className="mt-2 text-xs text-slate-600">
        {result.version === null ? "From the rules as edited on this page, unsaved changes included." : `From the saved rules, version ${result.version}.`}
      </p>
    </div>
  );
}
