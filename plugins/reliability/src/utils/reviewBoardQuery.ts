import type {
  ReviewListQuery,
  ReviewState,
} from '@preflight/plugin-reliability-common';

/** What the reviews board is narrowed to. Empty strings and lists mean "all". */
export interface ReviewBoardFilter {
  states: ReviewState[];
  /** Owner group ref. */
  team: string;
  stage: string;
  /** Reviewer group ref. */
  reviewerGroup: string;
  /** Only reviews waiting on a group the viewer belongs to. */
  waitingOnMe: boolean;
  overdue: boolean;
  /** Free text over the entity ref and title. */
  text: string;
}

/** The board unfiltered. */
export const NO_REVIEW_BOARD_FILTER: ReviewBoardFilter = {
  states: [],
  team: '',
  stage: '',
  reviewerGroup: '',
  waitingOnMe: false,
  overdue: false,
  text: '',
};

/**
 * The `GET /reviews` query for the board's filters and page (0-based, as
 * tables count; the API counts from 1). Unset filters are left out.
 */
export function reviewBoardQuery(
  filter: ReviewBoardFilter,
  page: number,
  pageSize: number,
): ReviewListQuery {
  const query: ReviewListQuery = { page: page + 1, pageSize };
  if (filter.states.length > 0) {
    query.state = [...filter.states];
  }
  if (filter.team) {
    query.team = filter.team;
  }
  if (filter.stage) {
    query.stage = filter.stage;
  }
  if (filter.reviewerGroup) {
    query.reviewerGroup = filter.reviewerGroup;
  }
  if (filter.waitingOnMe) {
    query.waitingOnMe = true;
  }
  if (filter.overdue) {
    query.overdue = true;
  }
  const text = filter.text.trim();
  if (text) {
    query.q = text;
  }
  return query;
}
