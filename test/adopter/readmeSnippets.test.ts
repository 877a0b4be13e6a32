import fs from 'node:fs';
import path from 'node:path';
import {
  addToAppFeatures,
  addToBackendIndex,
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

  it('says when the app has no features list to add to', () => {
    expect(() =>
      addToAppFeatures(
        'export default createApp({});',
        "import x from 'x';\ncreateApp({ features: [x] });",
      ),
    ).toThrow(/App\.tsx has no createApp\(\{ features/);
  });
});
