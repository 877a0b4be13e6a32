/** One configured PagerDuty account, validated and with defaults applied. */
export interface PagerDutyAccountConfig {
  id: string;
  baseUrl: string;
  token: string;
  tokenType: 'token' | 'bearer';
  requestsPerMinute: number;
  requestTimeoutMs: number;
  displayName: string;
}

/** Settings of a PagerDuty sync, with defaults applied. */
export interface PagerDutySyncSettings {
  /** Days of upcoming shifts to read. */
  onCallHorizonDays: number;
  /**
   * Days of past shifts kept with each policy. Shifts are read over the
   * longer of this and `incidentWindowDays`, for pages per shift.
   */
  onCallLookbackDays: number;
  /** Trailing window of incident statistics, days. */
  incidentWindowDays: number;
  /** Escalation policy ids per GET /oncalls request. */
  onCallBatchSize: number;
}

/** `reliability.pagerduty`, validated. */
export interface PagerDutyModuleConfig {
  accounts: PagerDutyAccountConfig[];
  /** Undefined only when no account is configured. */
  defaultAccount?: string;
  sync: PagerDutySyncSettings;
}

/** Defaults of {@link PagerDutySyncSettings}. */
export const DEFAULT_PAGERDUTY_SYNC_SETTINGS: PagerDutySyncSettings = {
  onCallHorizonDays: 7,
  onCallLookbackDays: 7,
  incidentWindowDays: 90,
  onCallBatchSize: 50,
};

/** PagerDuty's REST API for US-hosted accounts. */
export const DEFAULT_PAGERDUTY_BASE_URL = 'https://api.pagerduty.com';
