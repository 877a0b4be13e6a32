import fs from 'node:fs';
import path from 'node:path';
import {
  addToAppFeatures,
  addToBackendIndex,
  applyLegacySnippets,
  parseInstallCommands,
  readReadmeSnippets,
} from './readmeSnippets';

const readme = fs.readFileSync(
  path.resolve(__dirname, '..', '..', 'README.md'),
  'utf8',
);

// App.tsx and the end of the backend's index.ts as @backstage/create-app
// scaffolds them (new frontend system).
const scaffoldedApp = `import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';

export default createApp({
  features: [catalogPlugin, navModule, homeModule],
});
`;
const scaffoldedBackend = `backend.add(import('@backstage/plugin-signals-backend'));

backend.start();
`;

describe("the README's installation snippets", () => {
  const snippets = readReadmeSnippets(readme);

  it('installs the backend packages into backend and the plugin into app', () => {
    expect(parseInstallCommands(snippets.install)).toEqual([
      {
        workspace: 'backend',
        packages: [
          '@preflight/plugin-reliability-backend',
          '@preflight/plugin-reliability-backend-module-pagerduty',
          '@preflight/plugin-reliability-backend-module-prometheus',
        ],
      },
      { workspace: 'app', packages: ['@preflight/plugin-reliability'] },
    ]);
  });

  it("adds the plugin to the app's features, keeping the app's own", () => {
    const app = addToAppFeatures(scaffoldedApp, snippets['app-new']);
    expect(app).toContain(
      'features: [catalogPlugin, navModule, homeModule, reliabilityPlugin]',
    );
    expect(app).toContain(
      "import { homeModule } from './modules/home';\nimport reliabilityPlugin from '@preflight/plugin-reliability/alpha';\n",
    );
  });

  it('adds the backend lines before backend.start()', () => {
    const index = addToBackendIndex(scaffoldedBackend, snippets.backend);
    expect(index).toMatch(
      /plugin-reliability-backend'\)\);\n[\s\S]*module-prometheus'\)\);.*\n\nbackend\.start\(\);\n$/,
    );
  });

  it('validates the configuration strictly', () => {
    expect(snippets['config-check'].trim()).toBe(
      'yarn backstage-cli config:check --strict',
    );
  });
});

// The parts of a legacy scaffold (create-app --legacy) the legacy snippets edit.
const legacyScaffold = {
  'EntityPage.tsx': `import { Grid } from '@material-ui/core';
import {
  EntityLayout,
  EntitySwitch,
} from '@backstage/plugin-catalog';

const overviewContent = (
  <Grid container spacing={3} alignItems="stretch">
    <Grid item md={6}>
      <EntityAboutCard />
    </Grid>
  </Grid>
);

const serviceEntityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      {overviewContent}
    </EntityLayout.Route>
    <EntityLayout.Route path="/api" title="API">
      <Grid container spacing={3} alignItems="stretch" />
    </EntityLayout.Route>
  </EntityLayout>
);

const websiteEntityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      {overviewContent}
    </EntityLayout.Route>
  </EntityLayout>
);

const groupPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          <EntityGroupProfileCard variant="gridItem" />
        </Grid>
      </Grid>
    </EntityLayout.Route>
  </EntityLayout>
);
`,
  'App.tsx': `import { Route } from 'react-router-dom';
import { AppRouter, FlatRoutes } from '@backstage/core-app-api';

const routes = (
  <FlatRoutes>
    <Route path="/catalog" element={<CatalogIndexPage />} />
  </FlatRoutes>
);
`,
  'Root.tsx': `import MenuIcon from '@material-ui/icons/Menu';

export const Root = () => (
  <Sidebar>
    <SidebarGroup label="Menu" icon={<MenuIcon />}>
      <SidebarItem icon={HomeIcon} to="catalog" text="Home" />
    </SidebarGroup>
    <SidebarGroup label="Settings" to="/settings">
      <SidebarSettings />
    </SidebarGroup>
  </Sidebar>
);
`,
};

describe("the README's legacy frontend snippets", () => {
  const snippets = readReadmeSnippets(readme);
  const applied = applyLegacySnippets(legacyScaffold, [
    { marker: 'legacy-entity-page', text: snippets['legacy-entity-page'] },
    { marker: 'legacy-routes', text: snippets['legacy-routes'] },
  ]);
  const constant = (name: string) => {
    const source = applied['EntityPage.tsx'];
    const start = source.indexOf(`const ${name} = (`);
    return source.slice(start, source.indexOf('\n);', start));
  };

  it("puts the component cards into the overview grid, the catalog's cards after them", () => {
    const overview = constant('overviewContent');
    for (const card of [
      'EntityReliabilityGlanceCard',
      'EntityOnCallCard',
      'EntityRunbooksCard',
      'EntitySloCard',
      'EntityScorecardCard',
    ]) {
      expect(overview).toContain(`<${card} />`);
    }
    expect(overview.indexOf('EntityReliabilityGlanceCard')).toBeLessThan(
      overview.indexOf('EntityAboutCard'),
    );
  });

  it('adds both tabs to the service and website pages, after their own', () => {
    for (const page of ['serviceEntityPage', 'websiteEntityPage']) {
      expect(constant(page)).toMatch(
        /title="Overview"[\s\S]*path="\/reliability"[\s\S]*path="\/readiness-review"[\s\S]*<\/EntityLayout>$/,
      );
    }
  });

  it("adds the team cards to the group's overview grid and its two tabs", () => {
    const group = constant('groupPage');
    expect(group).toMatch(
      /<Grid container spacing=\{3\}>\s*<Grid item xs=\{12\}>\s*<EntityGroupOnCallCard \/>[\s\S]*<EntityOnCallHealthCard \/>[\s\S]*EntityGroupProfileCard/,
    );
    expect(group).toMatch(
      /path="\/scorecards"[\s\S]*path="\/reliability-report"[\s\S]*<\/EntityLayout>$/,
    );
  });

  it('imports what each file uses after its own imports', () => {
    expect(applied['EntityPage.tsx']).toMatch(
      /from '@backstage\/plugin-catalog';\nimport \{\n {2}EntityGroupOnCallCard,[\s\S]*\} from '@preflight\/plugin-reliability';\n/,
    );
    expect(applied['App.tsx']).toContain(
      "from '@backstage/core-app-api';\nimport {\n  ReadinessReviewsPage,",
    );
    expect(applied['Root.tsx']).toContain(
      "import AssessmentIcon from '@material-ui/icons/Assessment';",
    );
  });

  it('adds the three routes and the three sidebar items to the Menu group', () => {
    expect(applied['App.tsx']).toMatch(
      /CatalogIndexPage[\s\S]*"\/reliability\/scorecards"[\s\S]*"\/reliability\/reviews"[\s\S]*"\/reliability\/report"[\s\S]*<\/FlatRoutes>/,
    );
    expect(applied['Root.tsx']).toMatch(
      /label="Menu"[\s\S]*text="Home"[\s\S]*text="Scorecards"[\s\S]*text="Readiness reviews"[\s\S]*text="Reliability report"[\s\S]*<\/SidebarGroup>[\s\S]*label="Settings"/,
    );
  });
});

describe('reading and applying snippets', () => {
  it('names the markers a README lacks', () => {
    expect(() =>
      readReadmeSnippets('<!-- adopter-test:install -->\n\n```sh\nyarn\n```\n'),
    ).toThrow(/adopter-test:backend.*adopter-test:app-new/);
  });

  it('refuses an install command the test cannot follow', () => {
    expect(() =>
      parseInstallCommands('npm install --workspace packages/app x'),
    ).toThrow(/is not "yarn workspace <name> add <packages>"/);
  });

  it('names a legacy snippet section the scaffold does not have', () => {
    expect(() =>
      applyLegacySnippets(legacyScaffold, [
        {
          marker: 'legacy-entity-page',
          text: '// overviewContnet: cards\n<Grid item>\n  <X />\n</Grid>',
        },
      ]),
    ).toThrow(
      "README legacy-entity-page snippet names overviewContnet, which the scaffold's EntityPage.tsx does not define",
    );
  });

  it('refuses a legacy fragment it cannot place', () => {
    expect(() =>
      applyLegacySnippets(legacyScaffold, [
        { marker: 'legacy-routes', text: '// App.tsx\n<Routes />' },
      ]),
    ).toThrow(/<Routes> is not something the legacy installation places/);
  });

  it('says when the app has no features list to add to', () => {
    expect(() =>
      addToAppFeatures(
        'export default createApp({});',
        "import x from 'x';\ncreateApp({ features: [x] });",
      ),
    ).toThrow(/App\.tsx has no createApp\(\{ features/);
  });
});
