import { useMemo, useState } from 'react';
import LinearProgress from '@mui/material/LinearProgress';
import type { ReviewTemplate } from '@preflight/plugin-reliability-common';
import { useNow } from '../../hooks';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useGroupOptions } from '../../hooks/useGroupOptions';
import { useReviewList, useReviewTemplates } from '../../hooks/useReviews';
import {
  NO_REVIEW_BOARD_FILTER,
  ReviewBoardFilter,
  reviewBoardQuery,
} from '../../utils';
import { CardFrame } from '../CardFrame';
import { ReloadFailedAlert } from '../ReloadFailedAlert';
import { RequestPending } from '../RequestPending';
import { ReviewBoardFilters } from '../ReviewBoardFilters';
import { ReviewBoardTable } from '../ReviewBoardTable';
import { ReviewStateCounts } from '../ReviewStateCounts';

/** @public */
export interface ReadinessReviewsContentProps {
  /** Path of the entity page's readiness review tab, `readiness-review` by default. */
  tabPath?: string;
  /** Rows per page at first, 50 by default. */
  pageSize?: number;
  /** Pins the clock for relative times (tests, screenshots). */
  now?: Date;
}

/** Typing in the search box asks the backend once the typing pauses. */
const SEARCH_DEBOUNCE_MS = 300;

function sortedUnique(values: string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}

function templateChoices(templates: ReviewTemplate[] = []) {
  return {
    stages: sortedUnique(templates.flatMap(t => t.stages)),
    reviewerGroups: sortedUnique(
      templates.flatMap(t => t.sections.flatMap(s => s.reviewerGroups)),
    ),
  };
}

/**
 * The readiness reviews board: counts by state, filters (state, team,
 * stage, reviewer group, waiting on my groups, overdue, text), and one
 * page of reviews from the backend, each linking to its entity's tab.
 */
export function ReadinessReviewsContent(props: ReadinessReviewsContentProps) {
  const { tabPath } = props;
  const now = useNow(props.now);
  const [filter, setFilter] = useState<ReviewBoardFilter>(
    NO_REVIEW_BOARD_FILTER,
  );
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(props.pageSize ?? 50);
  const text = useDebouncedValue(filter.text, SEARCH_DEBOUNCE_MS);

  const query = useMemo(
    () => reviewBoardQuery({ ...filter, text }, page, pageSize),
    [filter, text, page, pageSize],
  );
  const list = useReviewList(query);
  const templates = useReviewTemplates();
  const teams = useGroupOptions();
  const { stages, reviewerGroups } = useMemo(
    () => templateChoices(templates.value?.templates),
    [templates.value],
  );
  // Any other filter starts again from the first page.
  const narrow = (next: ReviewBoardFilter) => {
    setFilter(next);
    setPage(0);
  };
  const response = list.value;

  return (
    <CardFrame
      title="Readiness reviews"
      subheader={
        response &&
        `${response.total} ${response.total === 1 ? 'review' : 'reviews'} match`
      }
    >
      <ReviewBoardFilters
        filter={filter}
        onChange={narrow}
        teams={teams.options}
        stages={stages}
        reviewerGroups={reviewerGroups}
      />
      {response && (
        <ReviewStateCounts
          counts={response.countsByState}
          selected={filter.states}
          onChange={states => narrow({ ...filter, states })}
        />
      )}
      {response && list.loading && (
        <LinearProgress aria-label="Loading reviews" />
      )}
      {response && list.error && (
        <ReloadFailedAlert
          error={list.error}
          shownAsOf={response.generatedAt}
          now={now}
          onRetry={list.retry}
        />
      )}
      {response ? (
        <ReviewBoardTable
          response={response}
          page={page}
          pageSize={pageSize}
          onPageChange={setPage}
          onPageSizeChange={size => {
            setPageSize(size);
            setPage(0);
          }}
          tabPath={tabPath}
          now={now}
        />
      ) : (
        <RequestPending
          state={list}
          loadingLabel="Loading reviews"
          rows={5}
          subject="the readiness reviews"
        />
      )}
    </CardFrame>
  );
}
