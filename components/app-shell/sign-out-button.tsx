"use client";
import { signOut } from "next-auth/react";
import { Button } from "../ui/button.tsx";

export function SignOutButton() {
  return (
    <Button variant="ghost" size="sm" onClick={() => void signOut({ callbackUrl: "/login" })}>
      Sign out
    </Button>
  );
}
