// Client-safe vocabulary shared by forms, the API and the UI.
export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
export type SeverityName = (typeof SEVERITIES)[number];

export const STATUSES = ["investigating", "identified", "mitigating", "monitoring", "resolved"] as const;
export type StatusName = (typeof STATUSES)[number];

export const SEVERITY_INFO: Record<SeverityName, { label: string; meaning: string }> = {
  SEV1: { label: "SEV1 · Critical", meaning: "Checkout, payment or the whole storefront down; revenue stopped" },
  SEV2: { label: "SEV2 · Major", meaning: "A key journey badly degraded for many customers" },
  SEV3: { label: "SEV3 · Minor", meaning: "Partial degradation with a workaround, limited customers" },
  SEV4: { label: "SEV4 · Low", meaning: "Cosmetic or internal; no customer impact yet" },
};

export const STATUS_LABELS: Record<StatusName, string> = {
  investigating: "Investigating",
  identified: "Identified",
  mitigating: "Mitigating",
  monitoring: "Monitoring",
  resolved: "Resolved",
};

export function incidentRef(number: number): string {
  return `INC-${number}`;
}
