import type { OpenApiDocument } from './loadPagerDutyOpenApi';
import { resolvePointer } from './schemaPatches';

/**
 * Where an `include[]` value turns a reference into the full object.
 *
 * PagerDuty documents these expansions on the `include[]` parameters
 * ("Array of additional details to include") and models them in a few
 * places (Incident.service is `oneOf [ServiceReference, Service]`), but most
 * response schemas only allow the reference (e.g. Oncall.user is
 * `UserReference` whose `type` must be `user_reference`, while
 * `include[]=users` returns a full `user`). This is NOT one of the defects
 * conventions.md lists: it is applied only when the caller declares the
 * include it sent, and then the expanded object is validated strictly
 * against the full schema (stricter than the reference it replaces).
 */
export interface IncludeExpansion {
  /** `GET /oncalls` */
  operation: string;
  /** the `include[]` value */
  include: string;
  /** the reference schema the expansion replaces */
  pointer: string;
  /** schemas of the full object (several when the reference is polymorphic) */
  full: string[];
}

const schema = (name: string) => `#/components/schemas/${name}`;

/** Every include expansion the simulator renders, per operation. */
export const INCLUDE_EXPANSIONS: readonly IncludeExpansion[] = [
  ...['GET /services', 'GET /services/{id}'].flatMap(operation => [
    {
      operation,
      include: 'escalation_policies',
      pointer: `${schema('Service')}/allOf/1/properties/escalation_policy`,
      full: [schema('EscalationPolicy')],
    },
    {
      operation,
      include: 'teams',
      pointer: `${schema('Service')}/allOf/1/properties/teams/items`,
      full: [schema('Team')],
    },
  ]),
  ...['GET /escalation_policies', 'GET /escalation_policies/{id}'].map(
    operation => ({
      operation,
      include: 'teams',
      pointer: `${schema('EscalationPolicy')}/allOf/1/properties/teams/items`,
      full: [schema('Team')],
    }),
  ),
  {
    operation: 'GET /oncalls',
    include: 'users',
    pointer: `${schema('Oncall')}/properties/user`,
    full: [schema('User')],
  },
  ...['GET /users', 'GET /users/{id}'].map(operation => ({
    operation,
    include: 'contact_methods',
    pointer: `${schema('User')}/allOf/1/properties/contact_methods/items`,
    full: [
      'EmailContactMethod',
      'PhoneContactMethod',
      'PushContactMethod',
      'WhatsAppContactMethod',
    ].map(schema),
  })),
  ...['GET /log_entries', 'GET /incidents/{id}/log_entries'].map(operation => ({
    operation,
    include: 'incidents',
    pointer: `${schema('LogEntry')}/allOf/1/properties/incident`,
    full: [schema('Incident')],
  })),
];

/** The expansions that apply to an operation called with some include[] values. */
export function expansionsFor(
  operation: string,
  include: readonly string[],
): IncludeExpansion[] {
  return INCLUDE_EXPANSIONS.filter(
    e => e.operation === operation && include.includes(e.include),
  );
}

/** Replaces each expanded reference schema by its full-object schema. */
export function applyIncludeExpansions(
  doc: OpenApiDocument,
  expansions: readonly IncludeExpansion[],
): void {
  for (const expansion of expansions) {
    const parentPointer = expansion.pointer.slice(
      0,
      expansion.pointer.lastIndexOf('/'),
    );
    const key = expansion.pointer.slice(expansion.pointer.lastIndexOf('/') + 1);
    const parent = resolvePointer(doc, parentPointer);
    if (!parent[key] || typeof parent[key].$ref !== 'string') {
      throw new Error(
        `include expansion target ${expansion.pointer} is not a reference any more; review it`,
      );
    }
    const full = expansion.full.map(ref => ({ $ref: ref }));
    parent[key] = full.length === 1 ? full[0] : { oneOf: full };
  }
}
