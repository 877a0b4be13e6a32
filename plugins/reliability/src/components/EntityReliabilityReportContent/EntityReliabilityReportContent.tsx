import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ReliabilityReportContent } from '../ReliabilityReportContent';

/** @public */
export interface EntityReliabilityReportContentProps {
  /** IANA zone of the day boundaries; the backend's default when left out. */
  timeZone?: string;
  /** Pins the clock (tests, screenshots). */
  now?: Date;
}

/**
 * The "Reliability report" tab of an entity page: a group's report covers
 * its sub-groups' entities too; any other entity's covers itself.
 * @public
 */
export function EntityReliabilityReportContent(
  props: EntityReliabilityReportContentProps,
) {
  const { entity } = useEntity();
  const ref = stringifyEntityRef(entity);
  const kind =
    entity.kind.toLocaleLowerCase('en-US') === 'group' ? 'group' : 'entity';
  return <ReliabilityReportContent subject={{ kind, ref }} {...props} />;
}
