export interface StatusSettingsDto {
  /** /status shows journeys open incidents' impact marks degraded without a published update (off by default). */
  statusAutoImpact: boolean;
}
