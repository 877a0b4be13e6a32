import Link from '@mui/material/Link';
import { Link as RouterLink } from 'react-router-dom';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  useEntityPresentation,
} from '@backstage/plugin-catalog-react';
import { groupScorecardsHref, TeamScorecardFilter } from '../../utils';

/** Where the team scorecards tab sits on a group's page by default. */
export const GROUP_SCORECARDS_TAB_PATH = 'scorecards';

export interface GroupScorecardsLinkProps {
  groupRef: string;
  /** The group's title when known; otherwise the catalog presents it. */
  title?: string;
  /**
   * Path of the team scorecards tab on group pages, as the app mounts it;
   * `scorecards` by default (the demo app and the new frontend system).
   */
  tabPath?: string;
  /** Narrows the team table the link opens, e.g. to one failing check. */
  filter?: Partial<TeamScorecardFilter>;
}

/**
 * A group's name linking to its scorecards tab, optionally narrowed, so a
 * figure on the overview opens the entities behind it.
 */
export function GroupScorecardsLink(props: GroupScorecardsLinkProps) {
  const { groupRef, tabPath = GROUP_SCORECARDS_TAB_PATH, filter } = props;
  const entityRoute = useRouteRef(entityRouteRef);
  const presentation = useEntityPresentation(groupRef, {
    defaultKind: 'group',
  });
  const href = groupScorecardsHref(
    entityRoute(entityRouteParams(groupRef)),
    tabPath,
    filter,
  );
  return (
    <Link component={RouterLink} to={href} underline="hover">
      {props.title ?? presentation.primaryTitle}
    </Link>
  );
}
