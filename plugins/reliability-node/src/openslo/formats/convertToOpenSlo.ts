import { convertPyrraToOpenSlo } from './convertPyrraToOpenSlo';
import { convertSlothToOpenSlo } from './convertSlothToOpenSlo';
import { detectSloFormat } from './detectSloFormat';
import type { SloFormatContext, SloFormatConversion } from './types';

/**
 * Converts one parsed YAML document, whatever SLO format it is written in,
 * to OpenSLO v1 objects: Sloth and Pyrra documents are converted (see
 * {@link convertSlothToOpenSlo}, {@link convertPyrraToOpenSlo}), an OpenSLO
 * document comes back unchanged for the OpenSLO parser to judge, and
 * anything else is a problem. Pure; never throws.
 */
export function convertToOpenSlo(
  document: unknown,
  context: SloFormatContext = {},
): SloFormatConversion {
  const format = detectSloFormat(document);
  switch (format) {
    case 'openslo':
      return {
        format,
        documents: [document],
        sourceFields: [''],
        problems: [],
      };
    case 'sloth':
    case 'sloth-kubernetes':
      return convertSlothToOpenSlo(document, context);
    case 'pyrra':
      return convertPyrraToOpenSlo(document, context);
    default:
      return {
        format,
        documents: [],
        sourceFields: [],
        problems: [
          {
            field: 'apiVersion',
            message:
              'this document is not an SLO Preflight reads: expected OpenSLO (apiVersion: openslo/v1), Sloth (version: prometheus/v1, or apiVersion: sloth.slok.dev/v1 with kind: PrometheusServiceLevel) or Pyrra (apiVersion: pyrra.dev/v1alpha1 with kind: ServiceLevelObjective)',
          },
        ],
      };
  }
}
