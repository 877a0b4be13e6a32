import type { SloProblem } from '@preflight/plugin-reliability-common';
import type { SloParseResult } from '../SloDefinition';
import {
  MAX_OPENSLO_FILE_CHARACTERS,
  OpenSloSource,
  parseOpenSloDocuments,
} from '../parseOpenSloDocuments';
import { convertSloText, formatOpenSloYaml } from './convertSloText';
import type { SloFormat, SloFormatContext } from './types';

const FORMAT_NAMES: Record<SloFormat, string> = {
  openslo: 'OpenSLO',
  sloth: 'Sloth prometheus/v1',
  'sloth-kubernetes': 'Sloth PrometheusServiceLevel',
  pyrra: 'Pyrra ServiceLevelObjective',
};

/**
 * Reads an SLO file written in OpenSLO, Sloth or Pyrra (or a mix) into
 * {@link SloDefinition}s: a drop-in for {@link parseOpenSloDocuments} that
 * also reads what teams already have.
 *
 * A file of OpenSLO only is handed to the OpenSLO parser untouched, so it
 * reads exactly as before. Otherwise Sloth and Pyrra documents are
 * converted, everything is parsed as OpenSLO, and every problem — of the
 * conversion, or of the OpenSLO made from it — names the source document
 * and its field (`slos[0].sli.plugin`); problems of converted SLOs also
 * name the OpenSLO field. Never throws on bad input.
 * @public
 */
export function readSloText(
  text: string,
  source: OpenSloSource,
  context: SloFormatContext = {},
): SloParseResult {
  if (text.length > MAX_OPENSLO_FILE_CHARACTERS) {
    return parseOpenSloDocuments(text, source);
  }
  const conversion = convertSloText(text, context);
  const onlyOpenSlo = conversion.formats.every(format => format === 'openslo');
  // Unreadable YAML and unknown documents: the OpenSLO parser says so as it
  // always has.
  if (onlyOpenSlo) {
    return parseOpenSloDocuments(text, source);
  }

  const problems: SloProblem[] = conversion.problems.map(problem => ({
    entityRef: source.entityRef,
    file: source.file,
    field: problem.field,
    message: `${describeFormat(problem.document.format)}: ${problem.message}`,
    ...(problem.fix ? { fix: problem.fix } : {}),
    document: {
      index: problem.document.index,
      ...(problem.document.item !== undefined
        ? { item: problem.document.item }
        : {}),
    },
  }));

  const parsed = parseOpenSloDocuments(
    formatOpenSloYaml(conversion.documents),
    source,
  );
  for (const problem of parsed.problems) {
    // Each object was written as its own YAML document, in order.
    const origin =
      problem.document !== undefined
        ? conversion.origins[problem.document.index]
        : undefined;
    if (!origin) {
      problems.push(problem);
      continue;
    }
    const converted = origin.format !== 'openslo';
    problems.push({
      ...problem,
      field: converted ? origin.field : problem.field,
      message: converted
        ? `${describeFormat(origin.format)}, converted to OpenSLO${
            problem.field ? ` (${problem.field})` : ''
          }: ${problem.message}`
        : problem.message,
      document: {
        ...problem.document,
        index: origin.index,
        ...(origin.item !== undefined ? { item: origin.item } : {}),
      },
    });
  }
  problems.sort(
    (a, b) =>
      (a.document?.index ?? -1) - (b.document?.index ?? -1) ||
      (a.document?.item ?? -1) - (b.document?.item ?? -1),
  );
  return { definitions: parsed.definitions, problems };
}

function describeFormat(format: SloFormat | undefined): string {
  return format ? FORMAT_NAMES[format] : 'unknown document';
}
