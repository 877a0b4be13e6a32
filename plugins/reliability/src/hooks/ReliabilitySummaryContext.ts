import { createContext } from 'react';
import { EntityReliabilitySummaryState } from './EntityReliabilitySummaryState';

/**
 * Shares one summary between the cards of a page, so a tab with three cards
 * makes one request and one refresh updates all of them.
 */
export const ReliabilitySummaryContext = createContext<
  EntityReliabilitySummaryState | undefined
>(undefined);
