import '@testing-library/jest-dom';

// A card's first render loads MUI, recharts and lazy extensions into jsdom:
// a second alone on a quiet machine, several when two jest workers share two
// busy cores. The package.json `testTimeout` is not applied to a workspace
// project under `backstage-cli repo test`, so the default is raised here.
jest.setTimeout(30_000);
