import type { SloFormat } from './types';

/** Sloth's file format version. */
export const SLOTH_FILE_VERSION = 'prometheus/v1';
/** apiVersion of Sloth's Kubernetes resource. */
export const SLOTH_KUBERNETES_API_VERSION = 'sloth.slok.dev/v1';
/** apiVersion of Pyrra's Kubernetes resource (also used in its file mode). */
export const PYRRA_API_VERSION = 'pyrra.dev/v1alpha1';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Tells which SLO format one parsed YAML document is written in, from its
 * version markers only (`apiVersion`/`kind` or Sloth's `version`); the
 * converters check the rest. `undefined` when it is none of them.
 *
 * Any `openslo/…` apiVersion counts as OpenSLO, so that the OpenSLO parser
 * names the version it does not read.
 */
export function detectSloFormat(document: unknown): SloFormat | undefined {
  if (!isPlainObject(document)) {
    return undefined;
  }
  const { apiVersion, kind, version } = document;
  if (typeof apiVersion === 'string' && apiVersion.startsWith('openslo/')) {
    return 'openslo';
  }
  if (version === SLOTH_FILE_VERSION && apiVersion === undefined) {
    return 'sloth';
  }
  if (
    apiVersion === SLOTH_KUBERNETES_API_VERSION &&
    kind === 'PrometheusServiceLevel'
  ) {
    return 'sloth-kubernetes';
  }
  if (apiVersion === PYRRA_API_VERSION && kind === 'ServiceLevelObjective') {
    return 'pyrra';
  }
  return undefined;
}
