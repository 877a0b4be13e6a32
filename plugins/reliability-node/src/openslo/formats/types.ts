/**
 * Shapes shared by the readers of SLO formats other than OpenSLO (Sloth,
 * Pyrra): what they produce and what they report.
 */

/** The SLO file formats Preflight reads. */
export type SloFormat =
  /** OpenSLO (`apiVersion: openslo/…`), read as it is. */
  | 'openslo'
  /** Sloth's file format, `version: prometheus/v1`. */
  | 'sloth'
  /** Sloth's Kubernetes resource, `sloth.slok.dev/v1` `PrometheusServiceLevel`. */
  | 'sloth-kubernetes'
  /** Pyrra's `pyrra.dev/v1alpha1` `ServiceLevelObjective`. */
  | 'pyrra';

/**
 * Something in a Sloth or Pyrra document that was not converted, or not
 * converted as written. `field` is the path in the source document, e.g.
 * `slos[0].sli.plugin` or `spec.indicator.ratio.grouping`.
 */
export interface SloFormatProblem {
  field: string;
  message: string;
  fix?: string;
}

/** What the converters need to know beyond the document. @public */
export interface SloFormatContext {
  /**
   * `spec.service` of SLOs whose format names no service (Pyrra): usually
   * the name of the entity that references the file. Defaults to the
   * SLO's own name.
   */
  defaultService?: string;
  /**
   * Window of Sloth SLOs: Sloth files name none (the
   * `sloth generate --default-slo-period` flag does, 30d unless set).
   * Defaults to `30d`.
   */
  slothWindow?: string;
}

/** An OpenSLO v1 object as plain data, ready for YAML. */
export interface OpenSloObject {
  apiVersion: 'openslo/v1';
  kind: string;
  metadata: {
    name: string;
    displayName?: string;
    labels?: Record<string, string>;
    [key: string]: unknown;
  };
  spec: Record<string, unknown>;
}

/**
 * Outcome of converting one document: the OpenSLO objects it became (one
 * per SLO it holds) and everything that did not convert. An OpenSLO
 * document comes back unchanged, for the OpenSLO parser to judge.
 */
export interface SloFormatConversion {
  /** The format detected; `undefined` when the document is none of them. */
  format: SloFormat | undefined;
  documents: unknown[];
  /**
   * For each of `documents`, the path in the source document it came from,
   * e.g. `slos[1]` for Sloth's second SLO; `''` for the whole document.
   */
  sourceFields: string[];
  problems: SloFormatProblem[];
}
