import type { Config } from '@backstage/config';
import {
  DEFAULT_PROMETHEUS_MAX_CONCURRENCY,
  DEFAULT_PROMETHEUS_TIMEOUT_MS,
  PROMETHEUS_INSTANCE_NAME_PATTERN,
  type PrometheusInstanceConfig,
  type PrometheusModuleConfig,
} from './PrometheusModuleConfig';

const ROOT = 'reliability.prometheus';
// RFC 9110 token: what a header field name may contain.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Set by the client itself; a configured value would break the form POST or
// the connection.
const RESERVED_HEADERS = new Set([
  'content-type',
  'content-length',
  'host',
  'connection',
  'transfer-encoding',
]);

/**
 * Reads and validates `reliability.prometheus`. Throws at startup with an
 * error naming the offending key (never a header value), so a bad config
 * never reaches a sync. An absent section means no instances.
 */
export function readPrometheusConfig(
  rootConfig: Config,
): PrometheusModuleConfig {
  const section = rootConfig.getOptionalConfig(ROOT);
  if (!section) {
    return { instances: [] };
  }
  const instances = (section.getOptionalConfigArray('instances') ?? []).map(
    (instance, index) => readInstance(instance, `${ROOT}.instances[${index}]`),
  );

  const seen = new Map<string, number>();
  instances.forEach((instance, index) => {
    const previous = seen.get(instance.name);
    if (previous !== undefined) {
      throw new Error(
        `${ROOT}.instances[${index}].name: "${instance.name}" is used twice (also by ${ROOT}.instances[${previous}]); instance names must be unique`,
      );
    }
    seen.set(instance.name, index);
  });

  const defaultInstance = section.getOptionalString('defaultInstance');
  if (defaultInstance !== undefined && !seen.has(defaultInstance)) {
    throw new Error(
      `${ROOT}.defaultInstance: "${defaultInstance}" is not one of the configured instances (${
        instances.map(i => `"${i.name}"`).join(', ') || 'none'
      })`,
    );
  }
  return {
    instances,
    defaultInstance: defaultInstance ?? instances[0]?.name,
  };
}

function readInstance(config: Config, path: string): PrometheusInstanceConfig {
  const name = config.getString('name');
  if (!PROMETHEUS_INSTANCE_NAME_PATTERN.test(name)) {
    throw new Error(
      `${path}.name: "${name}" is not a valid instance name; use letters, digits, "-" and "_" (at most 63, starting with a letter or digit)`,
    );
  }
  const baseUrl = readHttpUrl(config, 'baseUrl', path, true)!;
  const externalUrl = readHttpUrl(config, 'externalUrl', path, false);
  const rulesUrl = readHttpUrl(config, 'rulesUrl', path, false);
  const queryLinkTemplate = readQueryLinkTemplate(config, path);
  return {
    name,
    baseUrl,
    headers: readHeaders(config, path),
    timeoutMs: readInteger(
      config,
      'timeoutMs',
      path,
      1,
      600_000,
      DEFAULT_PROMETHEUS_TIMEOUT_MS,
    ),
    maxConcurrency: readInteger(
      config,
      'maxConcurrency',
      path,
      1,
      64,
      DEFAULT_PROMETHEUS_MAX_CONCURRENCY,
    ),
    externalUrl: externalUrl ?? baseUrl,
    ...(rulesUrl ? { rulesUrl } : {}),
    ...(queryLinkTemplate ? { queryLinkTemplate } : {}),
  };
}

function readQueryLinkTemplate(
  config: Config,
  path: string,
): string | undefined {
  const template = config.getOptionalString('queryLinkTemplate');
  if (template === undefined) {
    return undefined;
  }
  const key = `${path}.queryLinkTemplate`;
  if (!template.includes('{{query}}')) {
    throw new Error(
      `${key}: must contain {{query}} where the PromQL goes, e.g. http://vmselect:8481/select/0/vmui/#/?g0.expr={{query}}`,
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(template.replace(/\{\{(query|range)\}\}/g, 'placeholder'));
  } catch {
    throw new Error(`${key}: "${template}" is not a valid URL template`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`${key}: must be an http(s) URL`);
  }
  const unknown = template
    .match(/\{\{[^}]*\}\}/g)
    ?.find(
      placeholder => placeholder !== '{{query}}' && placeholder !== '{{range}}',
    );
  if (unknown) {
    throw new Error(
      `${key}: unknown placeholder ${unknown}; use {{query}} and {{range}}`,
    );
  }
  return template;
}

function readHttpUrl(
  config: Config,
  key: string,
  path: string,
  required: boolean,
): string | undefined {
  const value = required
    ? config.getString(key)
    : config.getOptionalString(key);
  if (value === undefined) {
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error(
      `${path}.${key}: "${value}" is not a valid URL; write e.g. http://prometheus:9090`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(
      `${path}.${key}: "${value}" must be an http(s) URL, e.g. http://prometheus:9090`,
    );
  }
  if (parsed.username || parsed.password) {
    // The value is not repeated: it holds a credential.
    throw new Error(
      `${path}.${key}: must not contain credentials; put them in ${path}.headers.Authorization`,
    );
  }
  if (parsed.search || parsed.hash) {
    throw new Error(
      `${path}.${key}: "${value}" must not contain a query or a fragment`,
    );
  }
  // Keep a path prefix (Mimir serves the API under /prometheus).
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

function readHeaders(config: Config, path: string): Record<string, string> {
  const section = config.getOptionalConfig('headers');
  if (!section) {
    return {};
  }
  const headers: Record<string, string> = {};
  const seen = new Set<string>();
  for (const name of section.keys()) {
    const key = `${path}.headers.${name}`;
    if (!HEADER_NAME.test(name)) {
      throw new Error(`${key}: "${name}" is not a valid HTTP header name`);
    }
    const lower = name.toLowerCase();
    if (RESERVED_HEADERS.has(lower)) {
      throw new Error(
        `${key}: the client sets this header itself; remove it from the configuration`,
      );
    }
    if (seen.has(lower)) {
      throw new Error(
        `${key}: header given twice (header names are case-insensitive)`,
      );
    }
    seen.add(lower);
    const value = section.getOptional(name);
    if (typeof value !== 'string') {
      throw new Error(`${key}: must be a string`);
    }
    // Values are secrets (tokens, tenant ids): say what is wrong, never
    // what they are.
    if (value.trim() === '') {
      throw new Error(`${key}: is empty`);
    }
    if (/[\r\n\0]/.test(value)) {
      throw new Error(
        `${key}: contains a line break or NUL character, which no HTTP header may contain`,
      );
    }
    headers[name] = value;
  }
  return headers;
}

function readInteger(
  config: Config,
  key: string,
  path: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(
      `${path}.${key}: must be a whole number from ${min} to ${max}, got ${value}`,
    );
  }
  return value;
}
