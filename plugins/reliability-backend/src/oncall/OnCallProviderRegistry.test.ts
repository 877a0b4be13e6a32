import { FakeOnCallProvider } from '../__testUtils__/FakeOnCallProvider';
import { OnCallProviderRegistry } from './OnCallProviderRegistry';

describe('OnCallProviderRegistry', () => {
  it('lists sources once and serves them without asking providers again', () => {
    const registry = new OnCallProviderRegistry();
    const provider = new FakeOnCallProvider();
    registry.add(provider);

    expect(registry.start().map(s => s.source.id)).toEqual([
      'pagerduty:default',
    ]);
    expect(registry.findSource('pagerduty:default')?.provider).toBe(provider);
    expect(registry.findSource('pagerduty:other')).toBeUndefined();
    registry.sources();
    registry.start();
    expect(provider.listSources).toHaveBeenCalledTimes(1);
  });

  it('refuses two sources with the same id', () => {
    const registry = new OnCallProviderRegistry();
    registry.add(new FakeOnCallProvider());
    registry.add(new FakeOnCallProvider());
    expect(() => registry.start()).toThrow(
      'On-call source id "pagerduty:default" is declared by both',
    );
  });

  it('refuses providers added after the plugin started', () => {
    const registry = new OnCallProviderRegistry();
    registry.start();
    expect(() => registry.add(new FakeOnCallProvider())).toThrow(
      'after the reliability plugin has started',
    );
  });
});
