// Client-safe: a post-mortem's workflow states, named here (below every domain) because action
// items show their post-mortem's status and sit below lib/postmortems.
export const POSTMORTEM_STATUSES = ["draft", "in_review", "published"] as const;
export type PostmortemStatusName = (typeof POSTMORTEM_STATUSES)[number];

export const REVIEW_STATES = ["requested", "approved", "changes_requested"] as const;
export type ReviewStateName = (typeof REVIEW_STATES)[number];
