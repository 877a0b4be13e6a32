import type { OpenApiDocument } from './loadPagerDutyOpenApi';

/**
 * A correction applied to a copy of PagerDuty's schema at load time. Each
 * one tolerates a defect listed in docs/conventions.md, where the published
 * schema disagrees with what the live API sends; data is never reshaped to
 * fit the schema.
 */
export interface SchemaPatch {
  id: string;
  /** the defect, as conventions.md lists it */
  defect: string;
  /** why the live API's data is right and the schema is wrong */
  why: string;
  /** mutates the document; throws when the schema no longer has the defect */
  apply(doc: OpenApiDocument): void;
}

/** Resolves a JSON pointer (`#/components/schemas/Oncall`) inside the document. */
export function resolvePointer(doc: OpenApiDocument, pointer: string): any {
  let node: any = doc;
  for (const raw of pointer.replace(/^#\//, '').split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) {
      throw new Error(`schema has no ${pointer}`);
    }
    node = node[key];
  }
  return node;
}

function expectShape(
  pointer: string,
  node: any,
  check: (n: any) => boolean,
): void {
  if (!check(node)) {
    throw new Error(
      `schema patch target ${pointer} changed (${JSON.stringify(node).slice(
        0,
        200,
      )}); review the patch`,
    );
  }
}

/** Marks a string property `nullable` (it must not be already). */
function makeNullable(doc: OpenApiDocument, pointer: string): void {
  const node = resolvePointer(doc, pointer);
  expectShape(pointer, node, n => typeof n.type === 'string' && !n.nullable);
  node.nullable = true;
}

/** Replaces a `$ref` or `oneOf` schema by "that, or null". */
function allowNull(
  doc: OpenApiDocument,
  parentPointer: string,
  property: string,
): void {
  const parent = resolvePointer(doc, parentPointer);
  const node = parent[property];
  const pointer = `${parentPointer}/${property}`;
  expectShape(
    pointer,
    node,
    n =>
      n &&
      !n.nullable &&
      (typeof n.$ref === 'string' || Array.isArray(n.oneOf)),
  );
  const { description, ...schema } = node;
  parent[property] = {
    ...(description ? { description } : {}),
    anyOf: [schema, { type: 'null' }],
  };
}

/** The patches applied by default, one per defect in conventions.md. */
export const SCHEMA_PATCHES: readonly SchemaPatch[] = [
  {
    id: 'oncall-permanent-start-end-null',
    defect:
      'nullable-by-description: on-call start/end of a permanent direct-user on-call',
    why: 'Oncall.start and Oncall.end say "If null, the on-call is a permanent user on-call" / "the user does not go off-call" but are not nullable; the live API sends null for users a policy targets directly.',
    apply(doc) {
      makeNullable(doc, '#/components/schemas/Oncall/properties/start');
      makeNullable(doc, '#/components/schemas/Oncall/properties/end');
    },
  },
  {
    id: 'oncall-permanent-schedule-null',
    defect:
      'nullable-by-description: on-call schedule of a permanent direct-user on-call',
    why: 'A direct-user on-call comes from no schedule; the live API sends "schedule": null (and schedule_ids[] documents null for exactly these entries), but Oncall.schedule is a non-nullable oneOf of references.',
    apply(doc) {
      allowNull(doc, '#/components/schemas/Oncall/properties', 'schedule');
    },
  },
  {
    id: 'service-last-incident-timestamp-null',
    defect:
      "nullable-by-description: a service's last_incident_timestamp before its first incident",
    why: 'A service that never had an incident has no last incident; the live API sends null, the schema types it as a date-time string only.',
    apply(doc) {
      makeNullable(
        doc,
        '#/components/schemas/Service/allOf/1/properties/last_incident_timestamp',
      );
    },
  },
  {
    id: 'incident-resolved-at-null',
    defect: "nullable-by-description: an open incident's resolved_at",
    why: 'Incident.resolved_at is described as "the time the incident became resolved or `null` if the incident is not resolved" but is not nullable; the live API sends null for open incidents. Same defect class as the two above (a field whose description says it may be null).',
    apply(doc) {
      makeNullable(
        doc,
        '#/components/schemas/Incident/allOf/1/properties/resolved_at',
      );
    },
  },
  {
    id: 'incident-priority-null',
    defect:
      'Incident.priority is absent or null when an account has no priorities',
    why: 'Accounts without priorities get "priority": null; the schema only allows a Priority object.',
    apply(doc) {
      allowNull(
        doc,
        '#/components/schemas/Incident/allOf/1/properties',
        'priority',
      );
    },
  },
  {
    id: 'log-entry-channel-oneof-as-anyof',
    defect: 'oneOf branches overlap (log entries): read them as anyOf',
    why: 'Channel (the `channel` of every log entry) is a oneOf of Nagios/API/Email/WebTrigger/Website channel shapes whose properties are all optional and untyped by `type`, so any channel matches several branches and oneOf rejects every real log entry.',
    apply(doc) {
      const pointer = '#/components/schemas/Channel';
      const channel = resolvePointer(doc, pointer);
      expectShape(pointer, channel, n => Array.isArray(n.oneOf) && !n.anyOf);
      channel.anyOf = channel.oneOf;
      delete channel.oneOf;
    },
  },
  {
    id: 'acknowledge-log-entry-type',
    defect: 'AcknowledgeLogEntry.type says acknowledgement_log_entry',
    why: 'The live API and LogEntry.type both say acknowledge_log_entry; AcknowledgeLogEntry alone says acknowledgement_log_entry, which contradicts LogEntry in the same allOf so no acknowledgement could ever validate.',
    apply(doc) {
      const pointer =
        '#/components/schemas/AcknowledgeLogEntry/allOf/1/properties/type';
      const type = resolvePointer(doc, pointer);
      expectShape(
        pointer,
        type,
        n =>
          Array.isArray(n.enum) &&
          n.enum.length === 1 &&
          n.enum[0] === 'acknowledgement_log_entry',
      );
      type.enum = ['acknowledge_log_entry'];
    },
  },
  {
    id: 'sre-memories-limit-default',
    defect:
      'components.parameters.sre_memories_limit.schema.default is a string on an integer',
    why: 'The default "20 - incident_summary" is prose (20 for incident summaries) on an integer parameter; a validator applying defaults would inject a string. Replaced by 20 so every default in the schema satisfies its own schema.',
    apply(doc) {
      const pointer = '#/components/parameters/sre_memories_limit/schema';
      const schema = resolvePointer(doc, pointer);
      expectShape(
        pointer,
        schema,
        n => n.type === 'integer' && typeof n.default === 'string',
      );
      schema.default = 20;
    },
  },
];

/** Applies patches to a document (a copy: the caller owns it). */
export function applySchemaPatches(
  doc: OpenApiDocument,
  patches: readonly SchemaPatch[] = SCHEMA_PATCHES,
): OpenApiDocument {
  for (const patch of patches) {
    patch.apply(doc);
  }
  return doc;
}
