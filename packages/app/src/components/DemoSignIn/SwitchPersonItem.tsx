import { SidebarItem } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import PeopleIcon from '@material-ui/icons/People';
import { storeDemoPerson } from './demoPeople';

/** Sidebar item that signs out and returns to the demo's person picker. */
export const SwitchPersonItem = () => {
  const identityApi = useApi(identityApiRef);
  return (
    <SidebarItem
      icon={PeopleIcon}
      text="Switch person"
      onClick={() => {
        storeDemoPerson(undefined);
        identityApi.signOut();
      }}
    />
  );
};
