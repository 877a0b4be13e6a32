import {
  InvalidSloDurationError,
  parseSloDuration,
} from '@preflight/plugin-reliability-common';
import { buildRatioSlo } from './buildRatioSlo';
import {
  SLOTH_FILE_VERSION,
  SLOTH_KUBERNETES_API_VERSION,
} from './detectSloFormat';
import {
  checkPercent,
  fieldPath,
  isPlainObject,
  readStringMap,
  reportUnknownFields,
  toOpenSloName,
} from './documentFields';
import { rewriteSlothWindowTemplate } from './slothWindowTemplate';
import { splitErrorRatioQuery } from './splitErrorRatioQuery';
import type {
  OpenSloObject,
  SloFormatContext,
  SloFormatConversion,
  SloFormatProblem,
} from './types';

/** Sloth's default SLO period (`sloth generate --default-slo-period`). */
export const SLOTH_DEFAULT_WINDOW = '30d';

/**
 * The file format spells keys in snake_case, the Kubernetes resource in
 * camelCase; otherwise they are the same.
 */
interface SlothKeys {
  format: string;
  /** Where `service`, `labels` and `slos` are: the root, or `spec`. */
  specPath: string;
  rootFields: readonly string[];
  specFields: readonly string[];
  sloPlugins: string;
  errorQuery: string;
  totalQuery: string;
  errorRatioQuery: string;
  pageAlert: string;
  ticketAlert: string;
}

const FILE_KEYS: SlothKeys = {
  format: `Sloth ${SLOTH_FILE_VERSION}`,
  specPath: '',
  rootFields: ['version', 'service', 'labels', 'slos', 'slo_plugins'],
  specFields: ['version', 'service', 'labels', 'slos', 'slo_plugins'],
  sloPlugins: 'slo_plugins',
  errorQuery: 'error_query',
  totalQuery: 'total_query',
  errorRatioQuery: 'error_ratio_query',
  pageAlert: 'page_alert',
  ticketAlert: 'ticket_alert',
};

const KUBERNETES_KEYS: SlothKeys = {
  format: `Sloth ${SLOTH_KUBERNETES_API_VERSION} PrometheusServiceLevel`,
  specPath: 'spec',
  // status is written by the Sloth controller, not by the team.
  rootFields: ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
  specFields: ['service', 'labels', 'slos', 'sloPlugins'],
  sloPlugins: 'sloPlugins',
  errorQuery: 'errorQuery',
  totalQuery: 'totalQuery',
  errorRatioQuery: 'errorRatioQuery',
  pageAlert: 'pageAlert',
  ticketAlert: 'ticketAlert',
};

const SLO_FIELDS = [
  'name',
  'description',
  'objective',
  'labels',
  'sli',
  'alerting',
  'plugins',
];

const NO_EXPORTED_LABELS =
  'Preflight keeps them as OpenSLO metadata.labels, but its recording and alert rules do not carry them';

/**
 * Converts a Sloth document, the file format (`version: prometheus/v1`) or
 * the Kubernetes resource (`sloth.slok.dev/v1` `PrometheusServiceLevel`),
 * into one OpenSLO v1 `SLO` per entry of `slos`: an inline ratio indicator
 * (`sli.events` as bad/total, `{{.window}}` as `$window`), Sloth's period as
 * a rolling window (Sloth files name none: `context.slothWindow`, 30d by
 * default), Occurrences budgeting and the objective as `targetPercent`.
 *
 * `sli.raw.error_ratio_query` converts when it is `sum(bad)/sum(total)` or
 * `1 - sum(good)/sum(total)`. SLI and SLO plugins, alert names, labels,
 * annotations and disabled alerts have no equivalent and are reported by
 * field, as is every field the converter does not know. An SLO that cannot
 * be measured is left out and its problem says why. Pure; never throws.
 */
export function convertSlothToOpenSlo(
  document: unknown,
  context: SloFormatContext = {},
): SloFormatConversion {
  const problems: SloFormatProblem[] = [];
  const documents: OpenSloObject[] = [];
  const sourceFields: string[] = [];
  if (!isPlainObject(document)) {
    problems.push({ field: '', message: 'a Sloth document must be a mapping' });
    return { format: undefined, documents, sourceFields, problems };
  }
  const kubernetes = document.apiVersion === SLOTH_KUBERNETES_API_VERSION;
  const keys = kubernetes ? KUBERNETES_KEYS : FILE_KEYS;
  const format = kubernetes ? 'sloth-kubernetes' : 'sloth';
  const result = () => ({ format, documents, sourceFields, problems } as const);

  let spec: Record<string, unknown> = document;
  if (kubernetes) {
    reportUnknownFields(document, keys.rootFields, '', keys.format, problems);
    if (!isPlainObject(document.spec)) {
      problems.push({
        field: 'spec',
        message: 'the PrometheusServiceLevel has no spec',
      });
      return result();
    }
    spec = document.spec;
  }
  reportUnknownFields(
    spec,
    keys.specFields,
    keys.specPath,
    keys.format,
    problems,
  );
  const at = (key: string) => fieldPath(keys.specPath, key);

  const service = spec.service;
  if (typeof service !== 'string' || service.trim() === '') {
    problems.push({
      field: at('service'),
      message: 'the Sloth spec names no service',
      fix: 'Add service: <the service the SLOs belong to>.',
    });
    return result();
  }
  const window = readWindow(context, problems);
  if (window === undefined) {
    return result();
  }
  const serviceLabels = readStringMap(spec.labels, at('labels'), problems);
  if (Object.keys(serviceLabels).length > 0) {
    problems.push({
      field: at('labels'),
      message: `Sloth adds these labels to its rules; ${NO_EXPORTED_LABELS}`,
    });
  }
  reportPlugins(spec[keys.sloPlugins], at(keys.sloPlugins), problems);

  if (!Array.isArray(spec.slos) || spec.slos.length === 0) {
    problems.push({
      field: at('slos'),
      message: 'the Sloth spec lists no SLOs',
      fix: 'Add slos: [{ name, objective, sli: { events: … } }].',
    });
    return result();
  }
  spec.slos.forEach((slo, index) => {
    const path = fieldPath(at('slos'), index);
    const converted = convertSlo(slo, path, {
      keys,
      service,
      serviceLabels,
      window,
      problems,
    });
    if (converted) {
      documents.push(converted);
      sourceFields.push(path);
    }
  });
  return result();
}

function readWindow(
  context: SloFormatContext,
  problems: SloFormatProblem[],
): string | undefined {
  const window = context.slothWindow ?? SLOTH_DEFAULT_WINDOW;
  try {
    parseSloDuration(window);
    return window;
  } catch (error) {
    if (error instanceof InvalidSloDurationError) {
      problems.push({
        field: '',
        message: `the Sloth SLO period ${error.message}`,
      });
      return undefined;
    }
    throw error;
  }
}

interface SloInput {
  keys: SlothKeys;
  service: string;
  serviceLabels: Record<string, string>;
  window: string;
  problems: SloFormatProblem[];
}

function convertSlo(
  slo: unknown,
  path: string,
  input: SloInput,
): OpenSloObject | undefined {
  const { keys, problems } = input;
  if (!isPlainObject(slo)) {
    problems.push({ field: path, message: 'an SLO must be a mapping' });
    return undefined;
  }
  reportUnknownFields(slo, SLO_FIELDS, path, keys.format, problems);
  const sloName = slo.name;
  if (typeof sloName !== 'string' || sloName.trim() === '') {
    problems.push({
      field: fieldPath(path, 'name'),
      message: 'the SLO has no name',
    });
    return undefined;
  }
  // Sloth identifies an SLO as <service>-<name> (its sloth_id label).
  const name =
    toOpenSloName(`${input.service}-${sloName}`) ?? toOpenSloName(sloName);
  if (name === undefined) {
    problems.push({
      field: fieldPath(path, 'name'),
      message: `"${sloName}" cannot be made into an OpenSLO name of at most 63 lowercase letters, digits and "-"`,
      fix: 'Shorten the name.',
    });
    return undefined;
  }
  const objective = slo.objective;
  if (typeof objective !== 'number') {
    problems.push({
      field: fieldPath(path, 'objective'),
      message: 'the SLO has no numeric objective',
      fix: 'Write the objective in percent, e.g. objective: 99.9.',
    });
    return undefined;
  }
  if (!checkPercent(objective, fieldPath(path, 'objective'), problems)) {
    return undefined;
  }
  const sloLabels = readStringMap(
    slo.labels,
    fieldPath(path, 'labels'),
    problems,
  );
  if (Object.keys(sloLabels).length > 0) {
    problems.push({
      field: fieldPath(path, 'labels'),
      message: `Sloth adds these labels to the SLO's rules; ${NO_EXPORTED_LABELS}`,
    });
  }
  reportPlugins(slo.plugins, fieldPath(path, 'plugins'), problems);
  reportAlerting(slo.alerting, fieldPath(path, 'alerting'), keys, problems);
  if (slo.description !== undefined && typeof slo.description !== 'string') {
    problems.push({
      field: fieldPath(path, 'description'),
      message: 'the description must be text; it was left out',
    });
  }

  const queries = readSli(slo.sli, fieldPath(path, 'sli'), keys, problems);
  if (!queries) {
    return undefined;
  }
  return buildRatioSlo({
    name,
    displayName: sloName,
    description:
      typeof slo.description === 'string' ? slo.description : undefined,
    service: input.service,
    labels: { ...input.serviceLabels, ...sloLabels },
    counter: true,
    ...queries,
    window: input.window,
    targetPercent: objective,
  });
}

type SliQueries =
  | { bad: string; total: string }
  | { good: string; total: string };

function readSli(
  sli: unknown,
  path: string,
  keys: SlothKeys,
  problems: SloFormatProblem[],
): SliQueries | undefined {
  if (!isPlainObject(sli)) {
    problems.push({
      field: path,
      message: 'the SLO has no sli',
      fix: `Add sli: { events: { ${keys.errorQuery}: …, ${keys.totalQuery}: … } }.`,
    });
    return undefined;
  }
  reportUnknownFields(
    sli,
    ['events', 'raw', 'plugin'],
    path,
    keys.format,
    problems,
  );
  const kinds = ['events', 'raw', 'plugin'].filter(
    kind => sli[kind] !== undefined && sli[kind] !== null,
  );
  if (kinds.length !== 1) {
    problems.push({
      field: path,
      message:
        kinds.length === 0
          ? 'the sli has no events, raw or plugin'
          : `the sli has ${kinds.join(' and ')}; Sloth allows only one`,
    });
    return undefined;
  }
  if (kinds[0] === 'plugin') {
    const plugin = sli.plugin;
    const id =
      isPlainObject(plugin) && typeof plugin.id === 'string'
        ? ` "${plugin.id}"`
        : '';
    problems.push({
      field: fieldPath(path, 'plugin'),
      message: `the SLI plugin${id} runs inside Sloth and Preflight cannot run it; the SLO was not converted`,
      fix: `Write the queries the plugin generates as sli.events (${keys.errorQuery} and ${keys.totalQuery} with {{.window}}).`,
    });
    return undefined;
  }
  if (kinds[0] === 'events') {
    return readEvents(sli.events, fieldPath(path, 'events'), keys, problems);
  }
  return readRaw(sli.raw, fieldPath(path, 'raw'), keys, problems);
}

function readQuery(
  parent: Record<string, unknown>,
  key: string,
  path: string,
  problems: SloFormatProblem[],
): string | undefined {
  const value = parent[key];
  const field = fieldPath(path, key);
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push({ field, message: `"${key}" is missing or empty` });
    return undefined;
  }
  const { query, unknownActions } = rewriteSlothWindowTemplate(value);
  if (unknownActions.length > 0) {
    problems.push({
      field,
      message: `the query uses template ${unknownActions.join(
        ', ',
      )}; Sloth and Preflight fill in only {{.window}}`,
      fix: 'Write the value into the query.',
    });
    return undefined;
  }
  return query;
}

function readEvents(
  events: unknown,
  path: string,
  keys: SlothKeys,
  problems: SloFormatProblem[],
): SliQueries | undefined {
  if (!isPlainObject(events)) {
    problems.push({ field: path, message: 'events must be a mapping' });
    return undefined;
  }
  reportUnknownFields(
    events,
    [keys.errorQuery, keys.totalQuery],
    path,
    keys.format,
    problems,
  );
  const bad = readQuery(events, keys.errorQuery, path, problems);
  const total = readQuery(events, keys.totalQuery, path, problems);
  return bad !== undefined && total !== undefined ? { bad, total } : undefined;
}

function readRaw(
  raw: unknown,
  path: string,
  keys: SlothKeys,
  problems: SloFormatProblem[],
): SliQueries | undefined {
  if (!isPlainObject(raw)) {
    problems.push({ field: path, message: 'raw must be a mapping' });
    return undefined;
  }
  reportUnknownFields(raw, [keys.errorRatioQuery], path, keys.format, problems);
  const query = readQuery(raw, keys.errorRatioQuery, path, problems);
  if (query === undefined) {
    return undefined;
  }
  const split = splitErrorRatioQuery(query);
  if (!split) {
    problems.push({
      field: fieldPath(path, keys.errorRatioQuery),
      message:
        'Preflight measures an SLO from two counts (bad or good events, and all events) and cannot split this error ratio into them; the SLO was not converted',
      fix: `Write it as sum(<bad events>[{{.window}}]) / sum(<all events>[{{.window}}]), or as sli.events with ${keys.errorQuery} and ${keys.totalQuery}.`,
    });
    return undefined;
  }
  return split.kind === 'bad'
    ? { bad: split.bad, total: split.total }
    : { good: split.good, total: split.total };
}

function reportPlugins(
  plugins: unknown,
  path: string,
  problems: SloFormatProblem[],
): void {
  if (plugins === undefined || plugins === null) {
    return;
  }
  const chain =
    isPlainObject(plugins) && Array.isArray(plugins.chain) ? plugins.chain : [];
  const ids = chain
    .map(plugin => (isPlainObject(plugin) ? plugin.id : undefined))
    .filter((id): id is string => typeof id === 'string');
  problems.push({
    field: path,
    message: `Sloth SLO plugins${
      ids.length > 0 ? ` (${ids.join(', ')})` : ''
    } change the rules Sloth generates; Preflight cannot run them and measures the SLO without them`,
  });
}

function reportAlerting(
  alerting: unknown,
  path: string,
  keys: SlothKeys,
  problems: SloFormatProblem[],
): void {
  if (alerting === undefined || alerting === null) {
    return;
  }
  if (!isPlainObject(alerting)) {
    problems.push({ field: path, message: 'alerting must be a mapping' });
    return;
  }
  reportUnknownFields(
    alerting,
    ['name', 'labels', 'annotations', keys.pageAlert, keys.ticketAlert],
    path,
    keys.format,
    problems,
  );
  if (typeof alerting.name === 'string' && alerting.name !== '') {
    problems.push({
      field: fieldPath(path, 'name'),
      message: `the alert name "${alerting.name}" is not used: Preflight's exported burn-rate alerts have a name of their own`,
    });
  }
  reportAlertMaps(alerting, path, keys, problems);
  for (const key of [keys.pageAlert, keys.ticketAlert]) {
    const alert = alerting[key];
    if (alert === undefined || alert === null) {
      continue;
    }
    const alertPath = fieldPath(path, key);
    if (!isPlainObject(alert)) {
      problems.push({ field: alertPath, message: `${key} must be a mapping` });
      continue;
    }
    reportUnknownFields(
      alert,
      ['disable', 'labels', 'annotations'],
      alertPath,
      keys.format,
      problems,
    );
    if (alert.disable === true) {
      problems.push({
        field: fieldPath(alertPath, 'disable'),
        message:
          'Preflight always exports both the page and the ticket burn-rate alert; this one cannot be disabled',
        fix: 'Leave the alert out of the rules you deploy, or silence it in Alertmanager.',
      });
    }
    reportAlertMaps(alert, alertPath, keys, problems);
  }
}

function reportAlertMaps(
  owner: Record<string, unknown>,
  path: string,
  keys: SlothKeys,
  problems: SloFormatProblem[],
): void {
  for (const key of ['labels', 'annotations']) {
    const value = owner[key];
    if (isPlainObject(value) && Object.keys(value).length > 0) {
      problems.push({
        field: fieldPath(path, key),
        message: `alert ${key} (${Object.keys(value).join(
          ', ',
        )}) are not carried over: Preflight's exported alerts have labels (severity, slo, service, entity, owner) and annotations (summary, description, runbook_url) of their own`,
      });
    } else if (value !== undefined && value !== null && !isPlainObject(value)) {
      problems.push({
        field: fieldPath(path, key),
        message: `${key} must be a mapping (${keys.format})`,
      });
    }
  }
}
