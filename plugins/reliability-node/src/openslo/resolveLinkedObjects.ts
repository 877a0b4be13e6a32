/**
 * The OpenSLO objects an SLO reaches by name — `DataSource` (through
 * `metricSourceRef`), `AlertPolicy` (`alertPolicyRef`), `AlertCondition`
 * (`conditionRef`) and `AlertNotificationTarget` (`targetRef`) — or inlines,
 * resolved within one file. Every problem names the field that holds it.
 */
import type { ZodIssue } from 'zod/v3';
import { parseSloDuration } from '@preflight/plugin-reliability-common';
import type { SloAlertPolicy } from './SloDefinition';
import { type DescribedIssue, describeZodIssue } from './describeZodIssue';
import {
  type OpenSloAlertConditionSpec,
  openSloAlertConditionSpecSchema,
  openSloAlertNotificationTargetSpecSchema,
  openSloAlertPolicySpecSchema,
  type OpenSloDataSourceSpec,
  openSloDataSourceSpecSchema,
  openSloInlineObjectSchema,
} from './openSloLinkedSchemas';

/** The kinds resolved here. */
export const OPENSLO_LINKED_KINDS = [
  'DataSource',
  'AlertPolicy',
  'AlertCondition',
  'AlertNotificationTarget',
] as const;

/** One of {@link OPENSLO_LINKED_KINDS}. */
export type OpenSloLinkedKind = (typeof OPENSLO_LINKED_KINDS)[number];

interface Named {
  name: string;
  displayName?: string;
  spec: unknown;
}

type Report = (issue: DescribedIssue) => void;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function reportIssues(issues: ZodIssue[], prefix: string[], report: Report) {
  for (const issue of issues) {
    report(describeZodIssue(issue, prefix));
  }
}

/**
 * The linked objects of one file by kind and name. `add` keeps the first of
 * a name; a later one is reported. Objects are judged where they are
 * declared (problems on their own document) and referenced afterwards.
 */
export class LinkedObjects {
  private readonly objects = new Map<OpenSloLinkedKind, Map<string, Named>>(
    OPENSLO_LINKED_KINDS.map(kind => [kind, new Map()]),
  );
  /** Objects whose own problems were reported: a reference to them says so. */
  private readonly broken = new Set<string>();

  /** Records a declared object; reports its own problems to `report`. */
  add(kind: OpenSloLinkedKind, object: Named, report: Report): void {
    const byName = this.objects.get(kind)!;
    if (byName.has(object.name)) {
      report({
        field: 'metadata.name',
        message: `another ${kind} in this file is already named "${object.name}"; this one is ignored`,
        fix: `Give every ${kind} its own name.`,
      });
      return;
    }
    byName.set(object.name, object);
    const ok = this.check(kind, object.spec, ['spec'], report);
    if (!ok) {
      this.broken.add(`${kind}/${object.name}`);
    }
  }

  /**
   * The Prometheus instance a `metricSourceRef` stands for: a `DataSource`
   * of this file (its `connectionDetails.instance`, else its name), or the
   * reference itself as an instance name configured in app-config.
   */
  instanceFor(ref: string, field: string, report: Report): string | undefined {
    const source = this.objects.get('DataSource')!.get(ref);
    if (!source) {
      return ref;
    }
    if (this.broken.has(`DataSource/${ref}`)) {
      report({
        field,
        message: `the DataSource "${ref}" it references has problems of its own`,
        fix: `Fix the problems reported for DataSource "${ref}".`,
      });
      return undefined;
    }
    const spec = source.spec as OpenSloDataSourceSpec;
    return spec.connectionDetails?.instance ?? ref;
  }

  /**
   * Resolves `spec.alertPolicies` of an SLO: each item an `alertPolicyRef`
   * or an inline `AlertPolicy`. Returns `undefined` when any fails (each
   * failure to `report`); what is read but cannot be honoured goes to
   * `note` and does not fail the policy.
   */
  alertPolicies(
    items: unknown,
    report: Report,
    note: Report,
  ): SloAlertPolicy[] | undefined {
    if (items === undefined || items === null) {
      return [];
    }
    if (!Array.isArray(items)) {
      report({
        field: 'spec.alertPolicies',
        message: 'alertPolicies must be a list',
        fix: 'Write alertPolicies: [{ alertPolicyRef: <name of an AlertPolicy> }].',
      });
      return undefined;
    }
    const resolved: SloAlertPolicy[] = [];
    let ok = true;
    items.forEach((item, index) => {
      const policy = this.resolveRef(
        'AlertPolicy',
        'alertPolicyRef',
        item,
        `spec.alertPolicies[${index}]`,
        report,
      );
      const built =
        policy &&
        this.buildPolicy(
          policy.object,
          policy.field,
          policy.inline,
          report,
          note,
        );
      if (built) {
        resolved.push(built);
      } else {
        ok = false;
      }
    });
    return ok ? resolved : undefined;
  }

  private check(
    kind: OpenSloLinkedKind,
    spec: unknown,
    path: string[],
    report: Report,
  ): boolean {
    const schema = {
      DataSource: openSloDataSourceSpecSchema,
      AlertPolicy: openSloAlertPolicySpecSchema,
      AlertCondition: openSloAlertConditionSpecSchema,
      AlertNotificationTarget: openSloAlertNotificationTargetSpecSchema,
    }[kind];
    const parsed = schema.safeParse(spec);
    if (!parsed.success) {
      reportIssues(parsed.error.issues, path, report);
    }
    return parsed.success;
  }

  /**
   * An item that is either `{ <refField>: name }` or an inline object of
   * `kind`; inline objects are checked here, at `field`.
   */
  private resolveRef(
    kind: OpenSloLinkedKind,
    refField: string,
    item: unknown,
    field: string,
    report: Report,
  ): { object: Named; field: string; inline: boolean } | undefined {
    if (isPlainObject(item) && typeof item[refField] === 'string') {
      const name = item[refField] as string;
      const object = this.objects.get(kind)!.get(name);
      if (!object) {
        const known = [...this.objects.get(kind)!.keys()];
        report({
          field: `${field}.${refField}`,
          message: `no ${kind} named "${name}" in this file`,
          fix:
            known.length > 0
              ? `Reference one of ${known.join(
                  ', ',
                )}, or add a ${kind} named "${name}".`
              : `Add a ${kind} document named "${name}" to this file, or inline it.`,
        });
        return undefined;
      }
      if (this.broken.has(`${kind}/${name}`)) {
        report({
          field: `${field}.${refField}`,
          message: `the ${kind} "${name}" it references has problems of its own`,
          fix: `Fix the problems reported for ${kind} "${name}".`,
        });
        return undefined;
      }
      return { object, field: `${kind} "${name}"`, inline: false };
    }
    const inline = openSloInlineObjectSchema.safeParse(item);
    if (!inline.success || inline.data.kind !== kind) {
      report({
        field,
        message: `neither a ${refField} nor an inline ${kind}`,
        fix: `Write { ${refField}: <name of a ${kind} in this file> }, or inline one with kind: ${kind}, metadata and spec.`,
      });
      return undefined;
    }
    const object = {
      name: inline.data.metadata.name,
      displayName: inline.data.metadata.displayName,
      spec: inline.data.spec,
    };
    if (!this.check(kind, object.spec, [field, 'spec'], report)) {
      return undefined;
    }
    return { object, field, inline: true };
  }

  private buildPolicy(
    policy: Named,
    field: string,
    inline: boolean,
    report: Report,
    note: Report,
  ): SloAlertPolicy | undefined {
    // A referenced policy was checked where it is declared.
    const spec = openSloAlertPolicySpecSchema.parse(policy.spec);
    const at = (path: string) =>
      inline ? `${field}.${path}` : `${field} ${path}`;
    if (spec.alertWhenBreaching === false) {
      report({
        field: at('spec.alertWhenBreaching'),
        message:
          'alertWhenBreaching: false asks for no alert while the condition holds; Preflight exports only alerts that fire on a breach',
        fix: 'Set alertWhenBreaching: true, or remove the policy from the SLO.',
      });
      return undefined;
    }
    if (spec.alertWhenResolved === true) {
      // Not a refusal: the alert still works, it just cannot ask for this.
      note({
        field: at('spec.alertWhenResolved'),
        message:
          'a Prometheus rule cannot ask to be notified when its alert resolves; Alertmanager decides that (send_resolved on the receiver)',
        fix: 'Set send_resolved: true on the Alertmanager receiver, and remove alertWhenResolved.',
      });
    }
    const condition = this.resolveRef(
      'AlertCondition',
      'conditionRef',
      spec.conditions[0],
      at('spec.conditions[0]'),
      report,
    );
    if (!condition) {
      return undefined;
    }
    const targets: string[] = [];
    let ok = true;
    (spec.notificationTargets ?? []).forEach((item, index) => {
      const target = this.resolveRef(
        'AlertNotificationTarget',
        'targetRef',
        item,
        at(`spec.notificationTargets[${index}]`),
        report,
      );
      if (target) {
        const { target: kind } = target.object.spec as { target: string };
        targets.push(`${target.object.name}: ${kind}`);
      } else {
        ok = false;
      }
    });
    if (!ok) {
      return undefined;
    }
    const { severity, condition: burn } = condition.object
      .spec as OpenSloAlertConditionSpec;
    return {
      name: policy.name,
      ...(policy.displayName ? { displayName: policy.displayName } : {}),
      conditionName: condition.object.name,
      severity,
      op: burn.op === 'gt' ? 'gt' : 'gte',
      threshold: burn.threshold,
      lookbackWindow: burn.lookbackWindow,
      lookbackWindowSeconds: parseSloDuration(burn.lookbackWindow),
      alertAfterSeconds:
        burn.alertAfter === undefined || burn.alertAfter === '0m'
          ? 0
          : parseSloDuration(burn.alertAfter),
      notificationTargets: targets,
      alertWhenNoData: spec.alertWhenNoData === true,
    };
  }
}
