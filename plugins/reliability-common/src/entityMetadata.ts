import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_PAGERDUTY_ACCOUNT,
  ANNOTATION_PAGERDUTY_SERVICE_ID,
  RUNBOOK_LINK_TYPE,
} from './annotations';
import type { Runbook } from './api';
import { ANNOTATION_PROMETHEUS_INSTANCE } from './sloApi';
import { boundUserValue } from './boundUserValue';
import type { MetadataProblem } from './types';

/** Where an entity's PagerDuty service lives, as its annotations say. @public */
export interface PagerDutyServiceLocation {
  serviceId: string;
  /** The `pagerduty.com/account` annotation, if any. */
  account?: string;
}

/** Result of reading one piece of entity metadata. @public */
export type MetadataResult<T> =
  | { kind: 'absent' }
  | { kind: 'ok'; value: T }
  | { kind: 'problem'; problem: MetadataProblem };

// PagerDuty object ids are short upper-case alphanumerics (e.g. PX1ABCD).
const PAGERDUTY_ID = /^[A-Z0-9]{2,20}$/;
// Account names are config keys we chose; keep them boring.
const ACCOUNT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}$/;
// Longer than any id or URL a person pastes: such a value is rejected before
// it is matched against anything, and only its start is ever echoed.
const MAX_ANNOTATION_LENGTH = 2048;

function annotationField(name: string): string {
  return `metadata.annotations["${name}"]`;
}

/**
 * Reads the PagerDuty annotations of an entity. Never throws: a malformed
 * value becomes a problem naming the entity and the field, so no upstream
 * call is ever made with it.
 * @public
 */
export function readPagerDutyLocation(
  entity: Entity,
): MetadataResult<PagerDutyServiceLocation> {
  const entityRef = stringifyEntityRef(entity);
  const annotations = entity.metadata.annotations ?? {};
  const rawId = annotations[ANNOTATION_PAGERDUTY_SERVICE_ID];
  const rawAccount = annotations[ANNOTATION_PAGERDUTY_ACCOUNT];

  if (rawId === undefined) {
    if (rawAccount !== undefined) {
      return {
        kind: 'problem',
        problem: {
          entityRef,
          field: annotationField(ANNOTATION_PAGERDUTY_SERVICE_ID),
          message: `"${ANNOTATION_PAGERDUTY_ACCOUNT}" is set but "${ANNOTATION_PAGERDUTY_SERVICE_ID}" is missing`,
          fix: `Add "${ANNOTATION_PAGERDUTY_SERVICE_ID}: <service id>" next to the account annotation.`,
        },
      };
    }
    return { kind: 'absent' };
  }

  const id = String(rawId).trim();
  if (id.length > MAX_ANNOTATION_LENGTH) {
    return {
      kind: 'problem',
      problem: {
        entityRef,
        field: annotationField(ANNOTATION_PAGERDUTY_SERVICE_ID),
        message: `"${boundUserValue(
          id,
        )}" is not a PagerDuty service id: a service id has at most 20 characters`,
        fix: 'Use the service id from the PagerDuty service URL, e.g. https://acme.pagerduty.com/service-directory/PX1ABCD → PX1ABCD.',
      },
    };
  }
  if (!PAGERDUTY_ID.test(id)) {
    return {
      kind: 'problem',
      problem: {
        entityRef,
        field: annotationField(ANNOTATION_PAGERDUTY_SERVICE_ID),
        message: describeBadServiceId(id),
        fix: 'Use the service id from the PagerDuty service URL, e.g. https://acme.pagerduty.com/service-directory/PX1ABCD → PX1ABCD.',
      },
    };
  }

  if (rawAccount !== undefined && !ACCOUNT_NAME.test(String(rawAccount))) {
    return {
      kind: 'problem',
      problem: {
        entityRef,
        field: annotationField(ANNOTATION_PAGERDUTY_ACCOUNT),
        message: `"${boundUserValue(
          String(rawAccount),
        )}" is not a valid account name (letters, digits, "-" and "_")`,
        fix: 'Use the id of an account configured under reliability.pagerduty.accounts, or remove the annotation to use the default account.',
      },
    };
  }

  return {
    kind: 'ok',
    value: {
      serviceId: id,
      account: rawAccount ? String(rawAccount) : undefined,
    },
  };
}

function describeBadServiceId(id: string): string {
  const fromUrl = id.match(/\/(?:services|service-directory)\/([A-Z0-9]+)/);
  if (fromUrl) {
    return `"${boundUserValue(
      id,
    )}" is a URL, not a service id; the id is "${boundUserValue(fromUrl[1])}"`;
  }
  if (id === '') {
    return 'the service id is empty';
  }
  return `"${boundUserValue(
    id,
  )}" is not a PagerDuty service id (expected upper-case letters and digits, e.g. PX1ABCD)`;
}

/**
 * Reads the runbooks of an entity from `metadata.links` entries of type
 * `runbook`. Links that are not http(s) URLs are reported, not dropped
 * silently.
 * @public
 */
export function readRunbooks(entity: Entity): {
  runbooks: Runbook[];
  problems: MetadataProblem[];
} {
  const entityRef = stringifyEntityRef(entity);
  const runbooks: Runbook[] = [];
  const problems: MetadataProblem[] = [];
  (entity.metadata.links ?? []).forEach((link, index) => {
    if (link.type !== RUNBOOK_LINK_TYPE) {
      return;
    }
    let url: URL | undefined;
    try {
      url = new URL(link.url);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      problems.push({
        entityRef,
        field: `metadata.links[${index}].url`,
        message: `runbook link "${boundUserValue(
          String(link.url),
        )}" is not an http(s) URL`,
        fix: 'Use an absolute https:// URL for the runbook.',
      });
      return;
    }
    runbooks.push({
      title: link.title?.trim() || url.hostname + url.pathname,
      url: url.toString(),
      origin: 'entity-link',
    });
  });
  return { runbooks, problems };
}

// The rule the OpenSLO parser applies to `metricSourceRef`.
const PROMETHEUS_INSTANCE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}$/;

/**
 * Reads the `preflight.dev/prometheus-instance` annotation: an instance
 * name from app-config, never a URL. Never throws: a malformed value (a URL,
 * a 100 kB paste) becomes a problem naming the entity and the field, with
 * only the start of the value echoed, so nothing is ever sent to Prometheus
 * with it. Whether the name is configured is the Prometheus module's call.
 * @public
 */
export function readPrometheusInstanceAnnotation(
  entity: Entity,
): MetadataResult<string> {
  const raw = entity.metadata.annotations?.[ANNOTATION_PROMETHEUS_INSTANCE];
  if (raw === undefined) {
    return { kind: 'absent' };
  }
  const name = String(raw).trim();
  if (PROMETHEUS_INSTANCE_NAME.test(name)) {
    return { kind: 'ok', value: name };
  }
  return {
    kind: 'problem',
    problem: {
      entityRef: stringifyEntityRef(entity),
      field: annotationField(ANNOTATION_PROMETHEUS_INSTANCE),
      message: `"${boundUserValue(name)}" is not a Prometheus instance name${
        /^[a-z]+:\/\//i.test(name)
          ? ' (instances are named in app-config, never given as URLs)'
          : ''
      }`,
      fix: 'Write the name of an instance under reliability.prometheus.instances, e.g. "main".',
    },
  };
}
