"use client";

import { useActionState } from "react";
import { setRoleAction } from "@/app/moderation/moderators/actions";
import { Button } from "@/components/ui/button";

/** One role change for one person (a small form, so it works without JavaScript); refusals are announced. */
export function RoleChangeButton({ memberId, role, label, accessibleLabel, confirm }: { memberId: string; role: "MEMBER" | "MODERATOR" | "ADMIN"; label: string; accessibleLabel: string; confirm?: string }) {
  const [state, action, pending] = useActionState(setRoleAction, null);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
      className="flex flex-col items-start gap-1"
    >
      <input type="hidden" name="memberId" value={memberId} />
      <input type="hidden" name="role" value={role} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={accessibleLabel}>
        {label}
      </Button>
      <p role="alert" className="text-sm font-medium text-red-700 empty:hidden dark:text-red-400">
        {state && !state.ok ? (state.formError ?? null) : null}
      </p>
    </form>
  );
}
