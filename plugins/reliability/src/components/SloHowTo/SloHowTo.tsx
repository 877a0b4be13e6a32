import Typography from '@mui/material/Typography';
import { ANNOTATION_OPENSLO } from '@preflight/plugin-reliability-common';
import { YamlSnippet } from '../YamlSnippet';

const ANNOTATION_YAML = `metadata:
  annotations:
    ${ANNOTATION_OPENSLO}: ./slos.yaml`;

const OPENSLO_YAML = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-api-availability
  displayName: Checkout API availability
spec:
  service: checkout-api
  indicator:
    metadata:
      name: checkout-api-non-5xx
    spec:
      ratioMetric:
        counter: true
        bad:
          metricSource:
            type: Prometheus
            spec:
              query: http_requests_total{service="checkout-api",code=~"5.."}
        total:
          metricSource:
            type: Prometheus
            spec:
              query: http_requests_total{service="checkout-api"}
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.999`;

/**
 * How to declare SLOs: the annotation that points at an OpenSLO file, and
 * a minimal availability SLO to start from.
 */
export function SloHowTo() {
  return (
    <>
      <Typography variant="body2">
        This entity declares no SLOs. Point the{' '}
        <code>{ANNOTATION_OPENSLO}</code> annotation in{' '}
        <code>catalog-info.yaml</code> at an OpenSLO file (relative to the
        catalog file):
      </Typography>
      <YamlSnippet yaml={ANNOTATION_YAML} />
      <Typography variant="body2">
        and describe each SLO in OpenSLO v1, for example:
      </Typography>
      <YamlSnippet yaml={OPENSLO_YAML} />
      <Typography variant="body2">
        Sloth (<code>version: prometheus/v1</code>) and Pyrra (
        <code>ServiceLevelObjective</code>) files work as they are.
      </Typography>
    </>
  );
}
