import {
  PrometheusSloSource,
  type PrometheusSloSourceOptions,
} from '../source/PrometheusSloSource';

/**
 * The SLO source the real-metrics tests measure with: one instance named
 * `harness` on the started server, "now" pinned to the server's evaluation
 * time (the end of its generated history).
 */
export function harnessSloSource(
  server: { url: string; evaluationTime: Date },
  options: Pick<PrometheusSloSourceOptions, 'createClient'> = {},
): PrometheusSloSource {
  return new PrometheusSloSource({
    config: {
      instances: [
        {
          name: 'harness',
          baseUrl: server.url,
          headers: {},
          timeoutMs: 20_000,
          maxConcurrency: 4,
          externalUrl: server.url,
        },
      ],
      defaultInstance: 'harness',
    },
    now: () => server.evaluationTime,
    ...options,
  });
}
