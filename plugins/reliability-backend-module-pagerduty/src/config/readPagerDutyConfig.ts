import type { Config } from '@backstage/config';
import {
  DEFAULT_PAGERDUTY_BASE_URL,
  DEFAULT_PAGERDUTY_SYNC_SETTINGS,
  type PagerDutyAccountConfig,
  type PagerDutyModuleConfig,
} from './PagerDutyModuleConfig';

const ROOT = 'reliability.pagerduty';
// Same rule as the `pagerduty.com/account` annotation reader in -common, so
// every configured id can be written in an annotation.
const ACCOUNT_ID = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}$/;

/**
 * Reads and validates `reliability.pagerduty`. Throws at startup with an
 * error naming the offending key, so a bad config never reaches a sync.
 * An absent section means no accounts.
 */
export function readPagerDutyConfig(rootConfig: Config): PagerDutyModuleConfig {
  const section = rootConfig.getOptionalConfig(ROOT);
  if (!section) {
    return { accounts: [], sync: { ...DEFAULT_PAGERDUTY_SYNC_SETTINGS } };
  }

  const accounts = (section.getOptionalConfigArray('accounts') ?? []).map(
    (account, index) => readAccount(account, `${ROOT}.accounts[${index}]`),
  );
  const seen = new Map<string, number>();
  accounts.forEach((account, index) => {
    const previous = seen.get(account.id);
    if (previous !== undefined) {
      throw new Error(
        `${ROOT}.accounts[${index}].id: "${account.id}" is used twice (also by ${ROOT}.accounts[${previous}]); account ids must be unique`,
      );
    }
    seen.set(account.id, index);
  });

  const defaultAccount = section.getOptionalString('defaultAccount');
  if (defaultAccount !== undefined && !seen.has(defaultAccount)) {
    throw new Error(
      `${ROOT}.defaultAccount: "${defaultAccount}" is not one of the configured accounts (${
        accounts.map(a => `"${a.id}"`).join(', ') || 'none'
      })`,
    );
  }

  const sync = {
    onCallHorizonDays: readInteger(section, 'onCallHorizonDays', 1, 90),
    onCallLookbackDays: readInteger(section, 'onCallLookbackDays', 0, 90),
    incidentWindowDays: readInteger(section, 'incidentWindowDays', 1, 180),
    onCallBatchSize: readInteger(section, 'onCallBatchSize', 1, 100),
  };

  return {
    accounts,
    defaultAccount: defaultAccount ?? accounts[0]?.id,
    sync,
  };
}

function readAccount(config: Config, path: string): PagerDutyAccountConfig {
  const id = config.getString('id');
  if (!ACCOUNT_ID.test(id)) {
    throw new Error(
      `${path}.id: "${id}" is not a valid account id; use letters, digits, "-" and "_" (at most 63, starting with a letter or digit)`,
    );
  }

  const baseUrl =
    config.getOptionalString('baseUrl') ?? DEFAULT_PAGERDUTY_BASE_URL;
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new Error(`${path}.baseUrl: "${baseUrl}" is not a valid URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(
      `${path}.baseUrl: "${baseUrl}" must be an http(s) URL, e.g. ${DEFAULT_PAGERDUTY_BASE_URL}`,
    );
  }
  if (parsed.username || parsed.password || parsed.search || parsed.hash) {
    throw new Error(
      `${path}.baseUrl: must not contain credentials, a query or a fragment; put the token in ${path}.token`,
    );
  }

  const token = config.getString('token');
  if (token.trim() === '') {
    throw new Error(`${path}.token: is empty`);
  }

  const tokenType = config.getOptionalString('tokenType') ?? 'token';
  if (tokenType !== 'token' && tokenType !== 'bearer') {
    throw new Error(
      `${path}.tokenType: must be "token" or "bearer", got "${tokenType}"`,
    );
  }

  return {
    id,
    baseUrl: `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`,
    token,
    tokenType,
    requestsPerMinute: readPositive(config, 'requestsPerMinute', path, 960),
    requestTimeoutMs: readPositive(config, 'requestTimeoutMs', path, 30_000),
    displayName: config.getOptionalString('displayName') ?? `PagerDuty (${id})`,
  };
}

function readPositive(
  config: Config,
  key: string,
  path: string,
  fallback: number,
): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${path}.${key}: must be a positive number, got ${value}`);
  }
  return value;
}

function readInteger(
  section: Config,
  key: keyof typeof DEFAULT_PAGERDUTY_SYNC_SETTINGS,
  min: number,
  max: number,
): number {
  const value = section.getOptionalNumber(key);
  if (value === undefined) {
    return DEFAULT_PAGERDUTY_SYNC_SETTINGS[key];
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(
      `${ROOT}.${key}: must be a whole number from ${min} to ${max}, got ${value}`,
    );
  }
  return value;
}
