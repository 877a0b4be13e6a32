import { useState } from 'react';
import type { SignInPageProps } from '@backstage/core-plugin-api';
import {
  Content,
  Header,
  Page,
  ProxiedSignInPage,
} from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  DEMO_PEOPLE,
  DEMO_PERSON_HEADER,
  DemoPerson,
  storeDemoPerson,
  storedDemoPerson,
} from './demoPeople';

/**
 * The demo's sign-in: pick who you are (guest, a service owner or a
 * reviewer). The choice is remembered in this browser; "Switch person" in
 * the sidebar forgets it. No passwords: the demo runs on loopback only.
 */
export const DemoSignInPage = (props: SignInPageProps) => {
  const [person, setPerson] = useState(storedDemoPerson);

  if (person) {
    return (
      <ProxiedSignInPage
        {...props}
        provider={person.name === 'guest' ? 'guest' : 'demoPeople'}
        headers={{ [DEMO_PERSON_HEADER]: person.name }}
      />
    );
  }

  const choose = (chosen: DemoPerson) => {
    storeDemoPerson(chosen);
    setPerson(chosen);
  };

  return (
    <Page themeId="home">
      <Header title="Preflight demo portal" subtitle="Who are you today?" />
      <Content>
        <Typography paragraph>
          Everyone can browse as a guest. To walk through a readiness review,
          open it as its service owner (Alice) and sign it off as a reviewer
          (Erin for SRE, Frank for Security) in a private window, or after
          &quot;Switch person&quot; in the sidebar.
        </Typography>
        <Grid container spacing={2}>
          {DEMO_PEOPLE.map(p => (
            <Grid item key={p.name} xs={12} sm={6} md={4}>
              <Button
                fullWidth
                variant={p.name === 'guest' ? 'contained' : 'outlined'}
                color="primary"
                onClick={() => choose(p)}
              >
                {p.name === 'guest'
                  ? 'Enter as guest'
                  : `Sign in as ${p.label}`}
              </Button>
              <Typography variant="body2" color="textSecondary" align="center">
                {p.role}
              </Typography>
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
};
