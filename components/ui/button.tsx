import type { ButtonHTMLAttributes } from "react";
import { cn } from "./cn.ts";

const VARIANTS = {
  primary: "bg-accent text-canvas hover:bg-accent-strong font-semibold",
  secondary: "bg-raised text-ink border border-line hover:border-line-strong",
  ghost: "text-ink-muted hover:text-ink hover:bg-raised",
  danger: "bg-sev1 text-canvas hover:brightness-110 font-semibold",
} as const;

const SIZES = { sm: "h-8 px-3 text-sm", md: "h-10 px-4 text-sm" } as const;

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: keyof typeof VARIANTS;
  size?: keyof typeof SIZES;
}

export function Button({ variant = "primary", size = "md", className, type = "button", ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={cn(
        "inline-flex items-center justify-center gap-2 rounded-md transition-colors disabled:cursor-not-allowed disabled:opacity-50",
        VARIANTS[variant],
        SIZES[size],
        className,
      )}
      {...props}
    />
  );
}

/** Link styled as a button, for navigation that looks like an action. */
export function buttonClasses(variant: keyof typeof VARIANTS = "primary", size: keyof typeof SIZES = "md"): string {
  return cn("inline-flex items-center justify-center gap-2 rounded-md transition-colors", VARIANTS[variant], SIZES[size]);
}
