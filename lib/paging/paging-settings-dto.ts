export interface PagingSettingsDto {
  /** A SEV1 pages the owning teams of its impacted services by itself (off by default). */
  sev1AutoPage: boolean;
}
