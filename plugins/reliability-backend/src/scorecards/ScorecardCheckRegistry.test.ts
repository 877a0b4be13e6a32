import type { ScorecardCheck } from '@preflight/plugin-reliability-node';
import { ScorecardCheckRegistry } from './ScorecardCheckRegistry';

function check(id: string, title: string): ScorecardCheck {
  return {
    id,
    defaults: {
      title,
      category: 'metadata',
      description: title,
      fix: { text: 'Fix it.' },
    },
    evaluate: () => ({ state: 'pass', message: 'ok', facts: [] }),
  };
}

describe('ScorecardCheckRegistry', () => {
  it('lists the built-ins, then the checks modules add', () => {
    const registry = new ScorecardCheckRegistry([
      check('owner-set', 'Owner set'),
    ]);
    registry.add(check('dependencies-declared', 'Dependencies declared'));
    expect(registry.start().map(c => c.id)).toEqual([
      'owner-set',
      'dependencies-declared',
    ]);
  });

  it('refuses a module check whose id is taken, naming both checks', () => {
    const registry = new ScorecardCheckRegistry([
      check('owner-set', 'Owner set'),
    ]);
    expect(() => registry.add(check('owner-set', 'Our owner check'))).toThrow(
      'The scorecard check "owner-set" ("Our owner check") added by a module has the same id as the built-in check "owner-set" ("Owner set"); check ids must be unique',
    );
    registry.add(check('custom', 'Custom'));
    expect(() => registry.add(check('custom', 'Another custom'))).toThrow(
      /"custom" \("Another custom"\) added by a module has the same id as the check added by another module "custom" \("Custom"\)/,
    );
  });

  it('refuses checks once the plugin has started', () => {
    const registry = new ScorecardCheckRegistry([]);
    registry.start();
    expect(() => registry.add(check('late', 'Late'))).toThrow(
      'Cannot add scorecard check "late" after the reliability plugin has started',
    );
  });
});
