"use client";
import { useCallback, useEffect, useState } from "react";

/** A view preference kept in this browser (compact timeline…); read after mount to match the server render. */
export function usePersistentToggle(key: string): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(false);
  useEffect(() => {
    try {
      setOn(window.localStorage.getItem(key) === "1");
    } catch {
      // Storage disabled: the default it is.
    }
  }, [key]);
  const set = useCallback(
    (next: boolean) => {
      setOn(next);
      try {
        window.localStorage.setItem(key, next ? "1" : "0");
      } catch {
        // Not remembered, still applied.
      }
    },
    [key],
  );
  return [on, set];
}
