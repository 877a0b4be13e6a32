import { useContext } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { EntityReliabilitySummaryState } from './EntityReliabilitySummaryState';
import { ReliabilitySummaryContext } from './ReliabilitySummaryContext';
import { useSummaryWithRefresh } from './useSummaryWithRefresh';

/**
 * The reliability summary of the current entity (from `useEntity`). Uses
 * the summary shared by an enclosing `ReliabilitySummaryProvider` when
 * there is one for the same entity, and fetches its own otherwise.
 * @public
 */
export function useEntityReliabilitySummary(): EntityReliabilitySummaryState {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const shared = useContext(ReliabilitySummaryContext);
  const usable = shared?.entityRef === entityRef ? shared : undefined;
  const own = useSummaryWithRefresh(entityRef, usable === undefined);
  return usable ?? own;
}
