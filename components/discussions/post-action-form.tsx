"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { Button } from "@/components/ui/button";
import type { ButtonVariant } from "@/components/ui/button-styles";
import { formErrorClasses } from "./form-styles";

type PostActionFormProps = {
  postId: string;
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  label: string;
  pendingLabel: string;
  variant?: ButtonVariant;
};

/** One button that applies an action to a post (delete, accept, unaccept), with its refusal shown. */
export function PostActionForm({ postId, action: serverAction, label, pendingLabel, variant = "secondary" }: PostActionFormProps) {
  const [state, action, pending] = useActionState(serverAction, null);
  return (
    <form action={action} className="inline-flex flex-col gap-2">
      <input type="hidden" name="postId" value={postId} />
      <Button type="submit" variant={variant} disabled={pending} className="min-h-9 px-3 py-1">
        {pending ? pendingLabel : label}
      </Button>
      <p role="alert" className={formErrorClasses}>
        {state && !state.ok ? (state.formError ?? Object.values(state.fieldErrors ?? {}).flat().join(" ")) : null}
      </p>
    </form>
  );
}
