"use client";

import { createContext, useContext, type InputHTMLAttributes, type ReactNode } from "react";
import { fieldId } from "@/lib/routing/draft";

/** The refusal being shown and the parameter of the field that shows it (lib/routing/draft.ts problemField). */
export interface ShownProblem {
  at: string;
  text: string;
}
export const ProblemContext = createContext<ShownProblem | null>(null);

/** The refusal's text when this field is the one that shows it. */
export function useFieldError(param: string): string | undefined {
  const problem = useContext(ProblemContext);
  return problem?.at === param ? problem.text : undefined;
}

const control =
  "block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-500 disabled:bg-slate-50 disabled:text-slate-600 aria-[invalid=true]:ring-2 aria-[invalid=true]:ring-red-600";

function ErrorText({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} className="text-sm font-medium text-red-700" data-testid="field-error">
      <span aria-hidden="true">⚠ </span>
      {text}
    </p>
  );
}

/** A labelled text input standing for an API parameter; its hint and its error are read with it. */
export function TextInput({
  param,
  label,
  hint,
  value,
  onValue,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "value" | "id"> & {
  param: string;
  label: string;
  hint?: ReactNode;
  value: string;
  onValue: (v: string) => void;
}) {
  const id = fieldId(param);
  const error = useFieldError(param);
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        {...rest}
        id={id}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className={control}
      />
      {error ? <ErrorText id={`${id}-error`} text={error} /> : null}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function SelectInput({
  param,
  label,
  value,
  onValue,
  options,
  placeholder,
}: {
  param: string;
  label: string;
  value: string;
  onValue: (v: string) => void;
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  const id = fieldId(param);
  const error = useFieldError(param);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={control}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? <ErrorText id={`${id}-error`} text={error} /> : null}
    </div>
  );
}

/** Checkboxes for a list condition (card brands, payment method types); none ticked: any. */
export function CheckboxGroup({
  param,
  legend,
  options,
  value,
  onValue,
}: {
  param: string;
  legend: string;
  options: readonly string[];
  value: string[];
  onValue: (v: string[]) => void;
}) {
  const id = fieldId(param);
  const error = useFieldError(param);
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={error ? `${id}-error` : undefined} className="space-y-1">
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((option) => (
          <label key={option} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
            <input
              type="checkbox"
              className="h-4 w-4 rounded border-slate-400 text-brand-600 focus:ring-brand-500"
              checked={value.includes(option)}
              onChange={(e) => onValue(e.target.checked ? [...value, option] : value.filter((v) => v !== option))}
            />
            {option}
          </label>
        ))}
      </div>
      {error ? <ErrorText id={`${id}-error`} text={error} /> : null}
    </fieldset>
  );
}

/** The refusal of a whole group (a rule, its conditions, a route, a split's total), focusable so Save can move there. */
export function GroupError({ param }: { param: string }) {
  const error = useFieldError(param);
  if (!error) return null;
  return (
    <div
      id={fieldId(param)}
      tabIndex={-1}
      role="alert"
      className="rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-800 ring-1 ring-red-300"
      data-testid="group-error"
    >
      <span aria-hidden="true">⚠ </span>
      {error}
    </div>
  );
}
