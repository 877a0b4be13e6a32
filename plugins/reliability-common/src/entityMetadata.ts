import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_PAGERDUTY_ACCOUNT,
  ANNOTATION_PAGERDUTY_SERVICE_ID,
  RUNBOOK_LINK_TYPE,
} from './annotations';
import type { Runbook } from './api';
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
        message: `"${rawAccount}" is not a valid account name (letters, digits, "-" and "_")`,
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
    return `"${id}" is a URL, not a service id; the id is "${fromUrl[1]}"`;
  }
  if (id === '') {
    return 'the service id is empty';
  }
  return `"${id}" is not a PagerDuty service id (expected upper-case letters and digits, e.g. PX1ABCD)`;
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
        message: `runbook link "${link.url}" is not an http(s) URL`,
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
