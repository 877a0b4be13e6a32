import { PropsWithChildren } from 'react';
import AssessmentIcon from '@material-ui/icons/Assessment';
import AssignmentTurnedInIcon from '@material-ui/icons/AssignmentTurnedIn';
import HomeIcon from '@material-ui/icons/Home';
import TimelineIcon from '@material-ui/icons/Timeline';
import {
  Sidebar,
  SidebarDivider,
  SidebarItem,
  SidebarPage,
  SidebarSpace,
} from '@backstage/core-components';
import { NotificationsSidebarItem } from '@backstage/plugin-notifications';
import { SwitchPersonItem } from '../DemoSignIn';

/**
 * The demo's sidebar: the catalog, where every Preflight card lives, the
 * organization's readiness scorecards, readiness reviews and monthly
 * reliability report, and the notifications bell (readiness review
 * notifications land there).
 */
export const Root = ({ children }: PropsWithChildren<{}>) => (
  <SidebarPage>
    <Sidebar>
      <SidebarDivider />
      <SidebarItem icon={HomeIcon} to="catalog" text="Catalog" />
      <SidebarItem
        icon={AssessmentIcon}
        to="reliability/scorecards"
        text="Scorecards"
      />
      <SidebarItem
        icon={AssignmentTurnedInIcon}
        to="reliability/reviews"
        text="Reviews"
      />
      <SidebarItem icon={TimelineIcon} to="reliability/report" text="Reports" />
      <SidebarSpace />
      <SidebarDivider />
      <NotificationsSidebarItem />
      <SwitchPersonItem />
    </Sidebar>
    {children}
  </SidebarPage>
);
