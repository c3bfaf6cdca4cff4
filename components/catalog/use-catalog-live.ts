"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { getSocket } from "../realtime/socket-client.ts";

/**
 * Re-renders the page's server data when anyone changes the catalog, so an editor's change
 * shows up for everyone without a reload. Bursts (an import) collapse into one refresh.
 */
export function useCatalogLive(): void {
  const router = useRouter();
  useEffect(() => {
    const socket = getSocket();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), 300);
    };
    socket.on("catalog:changed", onChange);
    return () => {
      clearTimeout(timer);
      socket.off("catalog:changed", onChange);
    };
  }, [router]);
}
