"use client";

import { Button } from "@/components/ui/button";
import { amountCurrency, splitList, type RuleDraft } from "@/lib/routing/draft";
import { RouteFields, type Connectors } from "./route-fields";
import { CheckboxGroup, GroupError, TextInput } from "./routing-inputs";

export interface RuleChoices {
  connectors: Connectors;
  cardBrands: readonly string[];
  paymentMethodTypes: readonly string[];
}

/** One rule: its name, its conditions (all must hold; an empty field matches any payment) and its route. */
export function RuleFields({
  rule,
  index,
  count,
  choices,
  canEdit,
  onChange,
  onMove,
  onRemove,
}: {
  rule: RuleDraft;
  index: number;
  count: number;
  choices: RuleChoices;
  canEdit: boolean;
  onChange: (rule: RuleDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const param = `rules[${index}]`;
  const when = `${param}[when]`;
  const set = (patch: Partial<RuleDraft>) => onChange({ ...rule, ...patch });
  const unit = amountCurrency(rule.currency);
  const unitLabel = unit ? unit.toUpperCase() : "minor units";
  const number = index + 1;
  const amountHint = unit
    ? `In ${unit.toUpperCase()}${splitList(rule.currency).length > 1 ? " (and the same for the rule's other currencies, which have as many decimal places)" : ""}, e.g. 10.50. A payment matches from the first amount up to, not including, the second; leave either empty for no bound.`
    : "No single currency is set, so amounts are whole minor units of the payment's own currency (1050 is 10.50 USD or 1,050 JPY). Set a currency to enter amounts in it.";
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-300 p-4" data-testid="rule" data-rule-index={index}>
      <legend className="px-1 text-sm font-semibold text-slate-900">
        Rule {number}
        {rule.name.trim() ? ` — ${rule.name.trim()}` : ""}
      </legend>
      {canEdit ? (
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="ghost" aria-label={`Move rule ${number} up`} disabled={index === 0} onClick={() => onMove(-1)}>
            ↑ Up
          </Button>
          <Button type="button" variant="ghost" aria-label={`Move rule ${number} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
            ↓ Down
          </Button>
          <Button type="button" variant="danger" aria-label={`Remove rule ${number}`} onClick={onRemove}>
            Remove
          </Button>
        </div>
      ) : null}
      <GroupError param={param} />
      <div className="max-w-md">
        <TextInput
          param={`${param}[name]`}
          label="Name"
          maxLength={100}
          value={rule.name}
          onValue={(name) => set({ name })}
          hint="Optional; shown on the payments it routes."
        />
      </div>
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold text-slate-800">Conditions (all must hold; leave a field empty to match any payment)</legend>
        <GroupError param={when} />
        <div className="grid gap-3 sm:grid-cols-3">
          <TextInput
            param={`${when}[currency]`}
            label="Currencies"
            value={rule.currency}
            onValue={(currency) => set({ currency })}
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="EUR, GBP"
            hint="Three-letter codes, separated by commas."
          />
          <TextInput
            param={`${when}[amount_gte]`}
            label={`Amount at least (${unitLabel})`}
            inputMode={unit ? "decimal" : "numeric"}
            value={rule.amountFrom}
            onValue={(amountFrom) => set({ amountFrom })}
          />
          <TextInput
            param={`${when}[amount_lt]`}
            label={`Amount less than (${unitLabel})`}
            inputMode={unit ? "decimal" : "numeric"}
            value={rule.amountTo}
            onValue={(amountTo) => set({ amountTo })}
          />
        </div>
        <p className="text-xs text-slate-600" data-testid="amount-unit">
          {amountHint}
        </p>
        <CheckboxGroup
          param={`${when}[payment_method_type]`}
          legend="Payment method types"
          options={choices.paymentMethodTypes}
          value={rule.paymentMethodTypes}
          onValue={(paymentMethodTypes) => set({ paymentMethodTypes })}
        />
        <CheckboxGroup
          param={`${when}[card_brand]`}
          legend="Card brands"
          options={choices.cardBrands}
          value={rule.cardBrands}
          onValue={(cardBrands) => set({ cardBrands })}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextInput
            param={`${when}[card_country]`}
            label="Card countries"
            value={rule.cardCountry}
            onValue={(cardCountry) => set({ cardCountry })}
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="DE, FR"
            hint="The issuing bank's country, two-letter codes separated by commas."
          />
          <TextInput
            param={`${when}[bin]`}
            label="BIN prefixes"
            inputMode="numeric"
            value={rule.bin}
            onValue={(bin) => set({ bin })}
            spellCheck={false}
            placeholder="424242, 5555"
            hint="The card number starts with one of these (1 to 8 digits each), separated by commas."
          />
        </div>
      </fieldset>
      <RouteFields
        route={rule.route}
        param={`${param}[route]`}
        legend={`Route for rule ${number}`}
        connectors={choices.connectors}
        canEdit={canEdit}
        onChange={(route) => set({ route })}
      />
    </fieldset>
  );
}
