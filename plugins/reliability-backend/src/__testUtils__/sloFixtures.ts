import type { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** An OpenSLO availability SLO on a ratio of counters. */
export function availabilitySlo(
  name: string,
  options: { target?: number; metricSourceRef?: string } = {},
): string {
  const sourceRef = options.metricSourceRef
    ? `            metricSourceRef: ${options.metricSourceRef}\n`
    : '';
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
  displayName: ${name} availability
spec:
  service: ${name}
  indicator:
    metadata:
      name: ${name}-errors
    spec:
      ratioMetric:
        counter: true
        bad:
          metricSource:
${sourceRef}            type: Prometheus
            spec:
              query: http_requests_total{service="${name}",code=~"5.."}
        total:
          metricSource:
${sourceRef}            type: Prometheus
            spec:
              query: http_requests_total{service="${name}"}
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: ${options.target ?? 0.99}
`;
}

/** A temporary catalog folder: `catalog-info.yaml` plus the given files. */
export function makeCatalogDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-slo-'));
  fs.writeFileSync(path.join(dir, 'catalog-info.yaml'), '');
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** A component whose catalog file is `<dir>/catalog-info.yaml`. */
export function sloComponent(
  name: string,
  dir: string,
  annotations: Record<string, string>,
  extra: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `file:${path.join(
          dir,
          'catalog-info.yaml',
        )}`,
        ...annotations,
      },
      ...extra,
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-payments' },
  };
}
