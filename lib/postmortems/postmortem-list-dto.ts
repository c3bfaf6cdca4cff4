// Client-safe shape of the post-mortem library's rows.
import type { SeverityName } from "../vocabulary/incidents.ts";
import type { LibraryStatus } from "./library-filters.ts";

export interface PostmortemListItemDto {
  id: string;
  title: string;
  status: "draft" | "in_review" | "published";
  publishedAt: string | null;
  publishedRevision: number;
  incident: { id: string; ref: string; title: string; severity: SeverityName; startedAt: string; resolvedAt: string | null };
  /** resolvedAt − startedAt in ms; null while the incident is open. */
  durationMs: number | null;
  /** Revenue lost over the incident, in the organisation's currency. */
  loss: number;
  services: { id: string; name: string }[];
  openFollowUps: number;
}

export interface PostmortemListDto {
  postmortems: PostmortemListItemDto[];
  currency: string;
  status: LibraryStatus;
}
