"use client";
import { useEffect, useState } from "react";

/** This server's public origin as the browser sees it: what a source must post to. */
export function useOrigin(): string {
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  return origin;
}
