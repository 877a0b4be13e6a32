import { ReactNode } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ReliabilitySummaryContext, useSummaryWithRefresh } from '../../hooks';

/** @public */
export interface ReliabilitySummaryProviderProps {
  children: ReactNode;
}

/**
 * Fetches the current entity's summary once for every Preflight card
 * inside it, so they show the same data and refresh together.
 * @public
 */
export function ReliabilitySummaryProvider(
  props: ReliabilitySummaryProviderProps,
) {
  const { entity } = useEntity();
  const state = useSummaryWithRefresh(stringifyEntityRef(entity), true);
  return (
    <ReliabilitySummaryContext.Provider value={state}>
      {props.children}
    </ReliabilitySummaryContext.Provider>
  );
}
