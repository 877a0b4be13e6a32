import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { parse } from 'yaml';
import { PREFLIGHT_ANNOTATION_PREFIX } from '@preflight/plugin-reliability-common';
import type {
  MetadataProblem,
  ScorecardExemption,
} from '@preflight/plugin-reliability-common';

/**
 * The entity annotation declaring scorecard exemptions: a YAML list of
 * `{ check, reason, approver, expires }`.
 */
export const ANNOTATION_SCORECARD_EXEMPTIONS = `${PREFLIGHT_ANNOTATION_PREFIX}/scorecard-exemptions`;

const FIELD = `metadata.annotations["${ANNOTATION_SCORECARD_EXEMPTIONS}"]`;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EXAMPLE = `- check: slo-defined\n  reason: SLOs are being defined this quarter\n  approver: user:default/dana\n  expires: 2027-01-31`;

function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** YAML reads `2027-01-31` as a date; take it back as the text written. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value.trim();
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'number') {
    return String(value);
  }
  return undefined;
}

/**
 * Reads the exemptions an entity declares in its catalog file. Every entry
 * needs `check`, `reason`, `approver` and `expires` (a `YYYY-MM-DD` date);
 * an entry missing one is left out and reported as a problem naming the
 * entity, the annotation, the entry and the field, so a typo never turns
 * into a silent exemption.
 */
export function parseScorecardExemptions(entity: Entity): {
  exemptions: ScorecardExemption[];
  problems: MetadataProblem[];
} {
  const raw = entity.metadata.annotations?.[ANNOTATION_SCORECARD_EXEMPTIONS];
  if (raw === undefined || raw.trim() === '') {
    return { exemptions: [], problems: [] };
  }
  const entityRef = stringifyEntityRef(entity);
  const problem = (field: string, message: string): MetadataProblem => ({
    entityRef,
    field,
    message,
    fix: `Write the annotation as a YAML list, for example:\n${EXAMPLE}`,
  });

  let document: unknown;
  try {
    // 'error' throws on the first error instead of printing warnings to the console.
    document = parse(raw, { logLevel: 'error' });
  } catch (error) {
    return {
      exemptions: [],
      problems: [
        problem(
          FIELD,
          `is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
        ),
      ],
    };
  }
  if (!Array.isArray(document)) {
    return {
      exemptions: [],
      problems: [problem(FIELD, 'must be a YAML list of exemptions')],
    };
  }

  const exemptions: ScorecardExemption[] = [];
  const problems: MetadataProblem[] = [];
  document.forEach((item, index) => {
    const itemField = `${FIELD}[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(
        problem(
          itemField,
          'must be an object with check, reason, approver and expires',
        ),
      );
      return;
    }
    const entry = item as Record<string, unknown>;
    const values: Partial<Record<keyof ScorecardExemption, string>> = {};
    let valid = true;
    const fields: Array<[keyof ScorecardExemption, string]> = [
      ['checkId', 'check'],
      ['reason', 'reason'],
      ['approver', 'approver'],
      ['expires', 'expires'],
    ];
    for (const [key, name] of fields) {
      const given = entry[name];
      const value = asText(given);
      if (!value) {
        const missing =
          given === undefined ||
          given === null ||
          (typeof given === 'string' && given.trim() === '');
        problems.push(
          problem(
            `${itemField}.${name}`,
            missing
              ? 'is required'
              : `must be text, got ${JSON.stringify(given)}`,
          ),
        );
        valid = false;
      } else {
        values[key] = value;
      }
    }
    if (values.expires && !isCalendarDate(values.expires)) {
      problems.push(
        problem(
          `${itemField}.expires`,
          `"${values.expires}" is not a date; write it as YYYY-MM-DD`,
        ),
      );
      valid = false;
    }
    if (valid) {
      exemptions.push(values as ScorecardExemption);
    }
  });
  return { exemptions, problems };
}

/**
 * Whether an exemption still holds at `now`: through the whole of its
 * expiry day, in UTC.
 */
export function isExemptionActive(
  exemption: ScorecardExemption,
  now: Date,
): boolean {
  return now.toISOString().slice(0, 10) <= exemption.expires;
}
