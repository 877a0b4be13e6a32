import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// A card's first render loads MUI, recharts and lazy extensions into jsdom:
// a second alone on a quiet machine, several when two jest workers share two
// busy cores. The package.json `testTimeout` is not applied to a workspace
// project under `backstage-cli repo test`, so the default is raised here.
jest.setTimeout(30_000);

// The same first render decides how long `findBy…`/`waitFor` wait for a
// page to appear: their 1-second default ran out on two busy cores (seen in
// alpha.test.tsx at load 13–15). What they wait for is unchanged.
configure({ asyncUtilTimeout: 10_000 });
