"use client";
import { useCallback, useEffect, useState } from "react";
import type { StakeholderUpdateDto } from "@/lib/stakeholder/stakeholder-dto.ts";
import { getSocket } from "../realtime/socket-client.ts";

const newer = (a: StakeholderUpdateDto, b: StakeholderUpdateDto) => (a.eventSeq ?? 0) >= (b.eventSeq ?? 0);

/**
 * The incident's latest stakeholder update, kept live: pushes and our own post's answer can
 * cross, so the one with the higher timeline seq wins (a reminder re-sends the same update).
 */
export function useLatestStakeholderUpdate(incidentId: string, initial: StakeholderUpdateDto | null) {
  const [latest, setLatest] = useState(initial);
  const apply = useCallback(
    (next: StakeholderUpdateDto) => {
      if (next.incidentId !== incidentId) return;
      setLatest((current) => (!current || newer(next, current) ? next : current));
    },
    [incidentId],
  );
  useEffect(() => {
    const socket = getSocket();
    const onUpdated = ({ update }: { update: StakeholderUpdateDto }) => apply(update);
    socket.on("stakeholder:updated", onUpdated);
    return () => {
      socket.off("stakeholder:updated", onUpdated);
    };
  }, [apply]);
  return { latest, apply };
}
