"use client";

import { useActionState } from "react";
import { signOutAction } from "@/app/account/actions";

export function SignOutButton({ label }: { label: string }) {
  const [, action, pending] = useActionState(signOutAction, null);
  return (
    <form action={action}>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md px-2 py-1 text-sm font-medium text-zinc-700 underline-offset-4 hover:underline disabled:opacity-60 dark:text-zinc-300"
      >
        {label}
      </button>
    </form>
  );
}
