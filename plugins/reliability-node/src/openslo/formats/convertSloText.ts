import { Document } from 'yaml';
import { convertToOpenSlo } from './convertToOpenSlo';
import { readYamlObjects } from './readYamlObjects';
import type { SloFormat, SloFormatContext, SloFormatProblem } from './types';

/** Where in the source file a problem or an OpenSLO object comes from. */
export interface SloSourcePosition {
  /** 0-based YAML document (documents are separated by `---`). */
  index: number;
  /** 0-based item when the document is a top-level list. */
  item?: number;
  /** The document's format, when recognised. */
  format?: SloFormat;
}

/** Where an OpenSLO object of a conversion came from. */
export interface SloOrigin extends SloSourcePosition {
  /** Path inside the source document, e.g. `slos[1]`; `''` for all of it. */
  field: string;
}

/** A conversion problem with the document it is in. */
export interface SloTextProblem extends SloFormatProblem {
  document: SloSourcePosition;
}

/** Outcome of {@link convertSloText}. */
export interface SloTextConversion {
  /** Formats found, in file order, each once. */
  formats: SloFormat[];
  /** OpenSLO objects (converted, or OpenSLO as written), in file order. */
  documents: unknown[];
  /** For each of `documents`, where it came from. */
  origins: SloOrigin[];
  problems: SloTextProblem[];
}

/**
 * Reads a YAML file of SLOs in any format Preflight knows (OpenSLO, Sloth,
 * Pyrra, mixed) and converts every document with
 * {@link convertToOpenSlo}. Unreadable YAML is a problem of its own. Pure;
 * never throws.
 */
export function convertSloText(
  text: string,
  context: SloFormatContext = {},
): SloTextConversion {
  const conversion: SloTextConversion = {
    formats: [],
    documents: [],
    origins: [],
    problems: [],
  };
  const read = readYamlObjects(text);
  if (!read.ok) {
    conversion.problems.push({
      field: '',
      message: read.message,
      fix: 'Fix the YAML syntax (indentation, quotes, ":" after keys).',
      document: { index: read.index },
    });
    return conversion;
  }
  for (const { position, value } of read.objects) {
    const converted = convertToOpenSlo(value, context);
    const format = converted.format;
    if (format !== undefined && !conversion.formats.includes(format)) {
      conversion.formats.push(format);
    }
    for (const problem of converted.problems) {
      conversion.problems.push({
        ...problem,
        document: { ...position, format },
      });
    }
    converted.documents.forEach((document, index) => {
      conversion.documents.push(document);
      conversion.origins.push({
        ...position,
        format,
        field: converted.sourceFields[index],
      });
    });
  }
  return conversion;
}

/**
 * Writes OpenSLO objects as one YAML file (documents separated by `---`),
 * long queries kept on one line.
 */
export function formatOpenSloYaml(
  documents: readonly unknown[],
  headerComment?: string,
): string {
  return documents
    .map((object, index) => {
      const document = new Document(object);
      if (index === 0 && headerComment) {
        document.commentBefore = ` ${headerComment}`;
      }
      return document.toString({ lineWidth: 0 });
    })
    .join('---\n');
}
