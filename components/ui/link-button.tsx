import Link from "next/link";
import type { ComponentProps } from "react";
import { buttonClasses, type ButtonVariant } from "./button-styles";

type LinkButtonProps = ComponentProps<typeof Link> & { variant?: ButtonVariant };

/** A navigation link that looks like a button (it still navigates, so it stays an <a>). */
export function LinkButton({ variant, className, ...props }: LinkButtonProps) {
  return <Link className={buttonClasses(variant, className)} {...props} />;
}
