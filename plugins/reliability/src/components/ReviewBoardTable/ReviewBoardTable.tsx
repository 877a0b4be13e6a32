import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  EntityRefLink,
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type {
  ReviewListResponse,
  ReviewSummary,
} from '@preflight/plugin-reliability-common';
import { entityRefName } from '../../utils';
import { Dash } from '../Dash';
import { RelativeTime } from '../RelativeTime';
import { ReviewStateChip } from '../ReviewStateChip';
import { ReviewTargetDate } from '../ReviewTargetDate';

export interface ReviewBoardTableProps {
  response: ReviewListResponse;
  /** 0-based page shown. */
  page: number;
  pageSize: number;
  onPageChange(page: number): void;
  onPageSizeChange(pageSize: number): void;
  /** Path of the entity page's readiness review tab, `readiness-review` by default. */
  tabPath?: string;
  now: Date;
}

const COLUMNS = [
  'Entity',
  'Review',
  'State',
  'Target date',
  'Waiting on',
  'Signed',
  'DRI',
  'Updated',
];

function EntityCell(props: { review: ReviewSummary; tabPath: string }) {
  const { review, tabPath } = props;
  const entityRoute = useRouteRef(entityRouteRef);
  const href = `${entityRoute(
    entityRouteParams(review.entityRef),
  )}/${tabPath}?review=${encodeURIComponent(review.id)}`;
  return (
    <>
      <Link
        component={RouterLink}
        to={href}
        underline="hover"
        sx={{ fontWeight: 500 }}
      >
        {review.entityTitle ?? entityRefName(review.entityRef)}
      </Link>
      {review.ownerRef && (
        <Typography variant="caption" color="text.secondary" component="div">
          <EntityRefLink
            entityRef={review.ownerRef}
            defaultKind="group"
            disableTooltip
          />
        </Typography>
      )}
    </>
  );
}

/**
 * One page of the reviews board: each review with its entity (linking to
 * the entity's review tab), state, target date (overdue marked), the
 * groups it waits on and its progress; paged by the backend.
 */
export function ReviewBoardTable(props: ReviewBoardTableProps) {
  const {
    response,
    page,
    pageSize,
    onPageChange,
    onPageSizeChange,
    tabPath = 'readiness-review',
    now,
  } = props;
  return (
    <>
      <TableContainer sx={{ overflowX: 'auto' }}>
        <Table
          size="small"
          aria-label="Readiness reviews"
          sx={{ minWidth: 900 }}
        >
          <TableHead>
            <TableRow>
              {COLUMNS.map(column => (
                <TableCell key={column} sx={{ whiteSpace: 'nowrap' }}>
                  {column}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {response.items.map(review => (
              <TableRow
                key={review.id}
                hover
                aria-label={
                  review.entityTitle ?? entityRefName(review.entityRef)
                }
              >
                <TableCell>
                  <EntityCell review={review} tabPath={tabPath} />
                </TableCell>
                <TableCell>
                  {review.templateTitle}: {review.stage}
                  {review.driftCount > 0 && (
                    <Typography
                      variant="caption"
                      color="error.main"
                      component="div"
                    >
                      {review.driftCount === 1
                        ? '1 drift cause'
                        : `${review.driftCount} drift causes`}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  <ReviewStateChip state={review.state} />
                </TableCell>
                <TableCell>
                  <ReviewTargetDate
                    targetDate={review.targetDate}
                    overdue={review.overdue}
                  />
                </TableCell>
                <TableCell>
                  {review.pendingReviewerGroups.length > 0 ? (
                    review.pendingReviewerGroups.map(entityRefName).join(', ')
                  ) : (
                    <Dash label="nobody" />
                  )}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {review.sectionsSigned} / {review.sectionsTotal}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {entityRefName(review.dri)}
                </TableCell>
                <TableCell>
                  <RelativeTime value={review.updatedAt} now={now} />
                </TableCell>
              </TableRow>
            ))}
            {response.items.length === 0 && (
              <TableRow>
                <TableCell colSpan={COLUMNS.length}>
                  <Typography variant="body2" color="text.secondary">
                    No review matches these filters.
                  </Typography>
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePagination
        component="div"
        count={response.total}
        page={page}
        rowsPerPage={pageSize}
        rowsPerPageOptions={[25, 50, 100]}
        onPageChange={(_event, next) => onPageChange(next)}
        onRowsPerPageChange={event =>
          onPageSizeChange(Number(event.target.value))
        }
      />
    </>
  );
}
