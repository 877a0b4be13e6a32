import { ANNOTATION_PROMETHEUS_INSTANCE } from '@preflight/plugin-reliability-common';
import { type SloDefinition } from '@preflight/plugin-reliability-node';
import type { PrometheusModuleConfig } from '../config/PrometheusModuleConfig';

/** Which instance an SLO is measured on, or why none. */
export type PrometheusInstanceResolution =
  | { instance: string }
  | { problem: { field: string; message: string; fix: string } };

/**
 * Picks the instance of an SLO by name: the OpenSLO `metricSourceRef`, else
 * the entity's `preflight.dev/prometheus-instance` annotation, else the
 * configured default. A name that is not configured is a problem naming
 * where it came from; no URL is ever taken from an entity. Pure.
 */
export function resolvePrometheusInstance(
  definition: Pick<SloDefinition, 'prometheusInstance'>,
  annotationValue: string | undefined,
  config: PrometheusModuleConfig,
): PrometheusInstanceResolution {
  const configured = config.instances.map(instance => instance.name);
  const list = configured.map(name => `"${name}"`).join(', ') || 'none';
  const fix = `Name one of the instances under reliability.prometheus.instances (${list}).`;
  const pick = (name: string, field: string): PrometheusInstanceResolution =>
    configured.includes(name)
      ? { instance: name }
      : {
          problem: {
            field,
            message: `Prometheus instance "${name}" is not configured`,
            fix,
          },
        };

  if (definition.prometheusInstance !== undefined) {
    return pick(definition.prometheusInstance, 'metricSource.metricSourceRef');
  }
  if (annotationValue !== undefined) {
    return pick(
      annotationValue.trim(),
      `metadata.annotations["${ANNOTATION_PROMETHEUS_INSTANCE}"]`,
    );
  }
  if (config.defaultInstance === undefined) {
    return {
      problem: {
        field: 'metricSource.metricSourceRef',
        message: 'no Prometheus instance is configured',
        fix: 'Add an instance under reliability.prometheus.instances in app-config.',
      },
    };
  }
  return { instance: config.defaultInstance };
}
