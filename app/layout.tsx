import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Warroom", template: "%s · Warroom" },
  description: "One shared live room per incident: timeline, owners, blast radius and money at stake.",
};

export const viewport: Viewport = { themeColor: "#0b0f14", colorScheme: "dark" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so each gets its own CSP nonce (see proxy.ts).
  await connection();
  return (
    <html lang="en" className="h-full">
      <body className="min-h-full">{children}</body>
    </html>
  );
}
