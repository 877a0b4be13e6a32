import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { collectGroupRefs } from './collectGroupRefs';

function group(
  name: string,
  children: string[],
  namespace = 'default',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace },
    spec: { type: 'team', children },
    relations: children.map(child => ({
      type: 'parentOf',
      targetRef: child.includes(':') ? child : `group:${namespace}/${child}`,
    })),
  };
}

const limits = { maxDepth: 8, maxGroups: 200 };

async function walk(entities: Entity[], rootName: string, walkLimits = limits) {
  const catalog = catalogServiceMock({ entities });
  const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
  const root = entities.find(e => e.metadata.name === rootName)!;
  const result = await collectGroupRefs({
    catalog,
    credentials: mockCredentials.user(),
    root,
    limits: walkLimits,
  });
  return { ...result, requests: getEntitiesByRefs.mock.calls.length };
}

describe('collectGroupRefs', () => {
  it('walks sub-groups breadth first with one catalog request per level', async () => {
    const result = await walk(
      [
        group('engineering', ['payments', 'search']),
        group('payments', ['fraud']),
        group('search', []),
        group('fraud', []),
      ],
      'engineering',
    );
    expect(result).toEqual({
      groupRefs: [
        'group:default/engineering',
        'group:default/payments',
        'group:default/search',
        'group:default/fraud',
      ],
      truncated: false,
      requests: 2,
    });
  });

  it('makes no request for a group without children', async () => {
    const result = await walk([group('payments', [])], 'payments');
    expect(result).toEqual({
      groupRefs: ['group:default/payments'],
      truncated: false,
      requests: 0,
    });
  });

  it('survives a cycle and a child listed twice', async () => {
    const result = await walk(
      [
        group('a', ['b', 'B']),
        group('b', ['a', 'c']),
        group('c', ['group:default/a']),
      ],
      'a',
    );
    expect(result.groupRefs).toEqual([
      'group:default/a',
      'group:default/b',
      'group:default/c',
    ]);
    expect(result.truncated).toBe(false);
  });

  it('leaves out children that are missing, invisible, or not groups', async () => {
    const notAGroup: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'oops', namespace: 'default' },
      spec: {},
    };
    const root = group('root', ['ghost', 'group:default/oops']);
    (root.spec as { children: string[] }).children.push(':::not a ref');
    const result = await walk([root, notAGroup], 'root');
    expect(result.groupRefs).toEqual(['group:default/root']);
  });

  it('follows spec.children in the group namespace when relations are missing', async () => {
    const unprocessed = group('platform', ['edge'], 'infra');
    unprocessed.relations = [];
    const result = await walk(
      [unprocessed, group('edge', [], 'infra')],
      'platform',
    );
    expect(result.groupRefs).toEqual([
      'group:infra/platform',
      'group:infra/edge',
    ]);
  });

  it('stops at the depth and size bounds and says the result is truncated', async () => {
    const chain = [
      group('l0', ['l1']),
      group('l1', ['l2']),
      group('l2', ['l3']),
      group('l3', []),
    ];
    const deep = await walk(chain, 'l0', { maxDepth: 2, maxGroups: 200 });
    expect(deep.groupRefs).toEqual([
      'group:default/l0',
      'group:default/l1',
      'group:default/l2',
    ]);
    expect(deep.truncated).toBe(true);
    expect(deep.requests).toBe(2);

    const exact = await walk(chain, 'l0', { maxDepth: 3, maxGroups: 200 });
    expect(exact.truncated).toBe(false);

    const wide = await walk(
      [
        group('top', ['a', 'b', 'c']),
        group('a', []),
        group('b', []),
        group('c', []),
      ],
      'top',
      { maxDepth: 8, maxGroups: 3 },
    );
    expect(wide.groupRefs).toEqual([
      'group:default/top',
      'group:default/a',
      'group:default/b',
    ]);
    expect(wide.truncated).toBe(true);
  });
});
