"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { PostmortemDto, PostmortemSectionDto } from "@/lib/postmortems/postmortem-dto.ts";
import type { PostmortemEditor } from "@/lib/realtime/protocol.ts";
import { getSocket } from "../realtime/socket-client.ts";

/** Sections only move forward: a push or a response older than what we show is ignored. */
function mergeSections(current: PostmortemSectionDto[], incoming: PostmortemSectionDto[]): PostmortemSectionDto[] {
  const byKey = new Map(current.map((s) => [s.key, s]));
  return incoming.map((s) => {
    const mine = byKey.get(s.key);
    return mine && mine.version > s.version ? mine : s;
  });
}

/**
 * The post-mortem as everyone sees it now: joins its socket room, applies saved sections and
 * state changes pushed by others, re-joins (and so catches up) after a reconnect, and tells the
 * others which section this person is editing.
 */
export function useLivePostmortem(initial: PostmortemDto) {
  const [postmortem, setPostmortem] = useState(initial);
  const [editors, setEditors] = useState<PostmortemEditor[]>([]);
  const [live, setLive] = useState(false);
  const editingRef = useRef<string | null>(null);
  const id = initial.id;

  const apply = useCallback((next: PostmortemDto) => {
    setPostmortem((current) => ({ ...next, sections: mergeSections(current.sections, next.sections) }));
  }, []);

  const applySection = useCallback((section: PostmortemSectionDto) => {
    setPostmortem((current) => ({
      ...current,
      sections: mergeSections(
        current.sections,
        current.sections.map((s) => (s.key === section.key ? section : s)),
      ),
    }));
  }, []);

  useEffect(() => {
    const socket = getSocket();
    const join = () => {
      socket.emit("postmortem:join", { postmortemId: id }, (ack) => {
        if (!ack.ok) return;
        setLive(true);
        apply(ack.postmortem);
        setEditors(ack.users);
        if (editingRef.current) socket.emit("postmortem:editing", { postmortemId: id, sectionKey: editingRef.current });
      });
    };
    const onSection = (p: { postmortemId: string; section: PostmortemSectionDto }) => {
      if (p.postmortemId === id) applySection(p.section);
    };
    const onUpdated = (p: { postmortem: PostmortemDto }) => {
      if (p.postmortem.id === id) apply(p.postmortem);
    };
    const onPresence = (p: { postmortemId: string; users: PostmortemEditor[] }) => {
      if (p.postmortemId === id) setEditors(p.users);
    };
    const onDisconnect = () => setLive(false);
    socket.on("connect", join);
    socket.on("disconnect", onDisconnect);
    socket.on("postmortem:section", onSection);
    socket.on("postmortem:updated", onUpdated);
    socket.on("postmortem:presence", onPresence);
    if (socket.connected) join();
    return () => {
      socket.off("connect", join);
      socket.off("disconnect", onDisconnect);
      socket.off("postmortem:section", onSection);
      socket.off("postmortem:updated", onUpdated);
      socket.off("postmortem:presence", onPresence);
      socket.emit("postmortem:leave", { postmortemId: id });
    };
  }, [id, apply, applySection]);

  const setEditing = useCallback(
    (sectionKey: string | null) => {
      if (editingRef.current === sectionKey) return;
      editingRef.current = sectionKey;
      getSocket().emit("postmortem:editing", { postmortemId: id, sectionKey });
    },
    [id],
  );

  return { postmortem, editors, live, apply, applySection, setEditing };
}
