"use client";

import { useActionState, useId } from "react";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "@/components/ui/button";
import type { ButtonVariant } from "@/components/ui/button-styles";
import { fieldClasses, fieldErrorClasses, formErrorClasses, hintClasses } from "@/components/discussions/form-styles";

export type ModerationField =
  | { kind: "textarea" | "text" | "date"; name: string; label: string; hint?: string; required?: boolean; defaultValue?: string }
  | { kind: "select"; name: string; label: string; hint?: string; required?: boolean; defaultValue?: string; options: { value: string; label: string; group?: string }[] };

export type ModerationActionResult = ActionResult<{ message: string }>;

type ModerationActionFormProps = {
  action: (previous: ModerationActionResult | null, formData: FormData) => Promise<ModerationActionResult>;
  /** Fixed values (ids, the state asked for). */
  hidden: Record<string, string>;
  fields: ModerationField[];
  submitLabel: string;
  pendingLabel: string;
  variant?: ButtonVariant;
};

function grouped(options: { value: string; label: string; group?: string }[]) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const option of options) {
    const key = option.group ?? "";
    groups.set(key, [...(groups.get(key) ?? []), option]);
  }
  return [...groups.entries()];
}

/**
 * A moderator's action as a form: labelled fields with their own errors (aria-invalid,
 * aria-describedby), the refusal or the outcome announced. Works with the keyboard; the server
 * action re-checks the permission whatever this form shows.
 */
export function ModerationActionForm({ action: serverAction, hidden, fields, submitLabel, pendingLabel, variant = "primary" }: ModerationActionFormProps) {
  const [state, action, pending] = useActionState(serverAction, null);
  const baseId = useId();
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const unplaced = Object.entries(fieldErrors)
    .filter(([name]) => !fields.some((field) => field.name === name))
    .flatMap(([, messages]) => messages);
  const formError = state && !state.ok ? [state.formError, ...unplaced].filter(Boolean).join(" ") : null;

  return (
    <form action={action} className="mt-3 flex flex-col gap-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => {
        const id = `${baseId}-${field.name}`;
        const errors = fieldErrors[field.name] ?? [];
        const describedBy = [field.hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(" ");
        const common = { id, name: field.name, required: field.required, "aria-invalid": errors.length > 0 || undefined, "aria-describedby": describedBy, defaultValue: field.defaultValue };
        return (
          <div key={field.name} className="min-w-0">
            <label htmlFor={id} className="block text-sm font-medium">
              {field.label}
            </label>
            {field.hint && (
              <p id={`${id}-hint`} className={hintClasses}>
                {field.hint}
              </p>
            )}
            {field.kind === "textarea" ? (
              <textarea {...common} rows={2} maxLength={500} className={fieldClasses} />
            ) : field.kind === "select" ? (
              <select {...common} className={fieldClasses}>
                {grouped(field.options).map(([group, options]) =>
                  group ? (
                    <optgroup key={group} label={group}>
                      {options.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </optgroup>
                  ) : (
                    options.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))
                  ),
                )}
              </select>
            ) : (
              <input {...common} type={field.kind} className={fieldClasses} />
            )}
            <p id={`${id}-error`} className={fieldErrorClasses}>
              {errors.join(" ")}
            </p>
          </div>
        );
      })}
      <div>
        <Button type="submit" variant={variant} disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
      <p role="alert" className={formErrorClasses}>
        {formError}
      </p>
      <p role="status" className="text-sm font-medium text-emerald-800 empty:hidden dark:text-emerald-300">
        {state?.ok ? state.data?.message : null}
      </p>
    </form>
  );
}
