"use client";
import { useEffect, useState } from "react";
import { apiRequest } from "../../api/api-client.ts";

export interface FoundPerson {
  id: string;
  name: string;
  email: string;
}

export interface PeopleSearch {
  people: FoundPerson[];
  /** More people matched than were sent: typing more narrows the list. */
  hasMore: boolean;
  /** The answer shown is for older text than the box holds (or none has come yet). */
  isLoading: boolean;
  error: string | null;
}

const LIMIT = 20;
// Long enough that typing a name sends one request, short enough to feel immediate.
const DEBOUNCE_MS = 150;

type Answer = { text: string; people: FoundPerson[]; hasMore: boolean; error: string | null };

/**
 * The organisation's people who may take an incident role, matching `text`, while a picker is
 * open. Asked of the server (GET /api/users?q=): a room never holds the whole organisation (#17).
 */
export function usePeopleSearch(isOpen: boolean, text: string): PeopleSearch {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const query = text.trim();
  useEffect(() => {
    if (!isOpen) return;
    let isLive = true;
    const timer = setTimeout(() => {
      const params = new URLSearchParams({ assignable: "true", limit: String(LIMIT), q: query });
      void apiRequest<{ users: FoundPerson[]; hasMore: boolean }>(`/api/users?${params}`).then((res) => {
        if (!isLive) return;
        setAnswer(
          res.ok
            ? { text: query, people: res.data.users, hasMore: res.data.hasMore, error: null }
            : { text: query, people: [], hasMore: false, error: res.error.message },
        );
      });
    }, DEBOUNCE_MS);
    return () => {
      isLive = false;
      clearTimeout(timer);
    };
  }, [isOpen, query]);
  return {
    people: answer?.people ?? [],
    hasMore: answer?.hasMore ?? false,
    isLoading: answer?.text !== query,
    error: answer?.error ?? null,
  };
}
