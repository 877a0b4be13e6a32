import { buildReadinessFacts } from '../__testUtils__/buildReadinessFacts';
import { runCheck } from '../__testUtils__/runCheck';
import { ownerGroupHasMembersCheck, ownerSetCheck } from './ownershipChecks';

describe('owner-set', () => {
  it('passes naming the owner, read from the catalog', async () => {
    const result = await runCheck(ownerSetCheck, buildReadinessFacts());
    expect(result.state).toBe('pass');
    expect(result.message).toContain('group:default/team-payments');
    expect(result.facts).toEqual([
      {
        label: 'Owner',
        value: 'group:default/team-payments',
        sourceId: 'catalog',
      },
    ]);
  });

  it('fails without spec.owner', async () => {
    const result = await runCheck(
      ownerSetCheck,
      buildReadinessFacts({ owner: null }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toContain('spec.owner is not set');
    expect(result.facts).toEqual([
      { label: 'Owner', value: null, sourceId: 'catalog' },
    ]);
  });

  it('applies to components, APIs, resources and systems', () => {
    expect(ownerSetCheck.defaults.appliesTo?.kinds).toEqual([
      'component',
      'api',
      'resource',
      'system',
    ]);
  });
});

describe('owner-group-has-members', () => {
  it('passes for a group with members, counting them', async () => {
    const result = await runCheck(
      ownerGroupHasMembersCheck,
      buildReadinessFacts(),
    );
    expect(result.state).toBe('pass');
    expect(result.message).toBe('group:default/team-payments has 3 members');
    expect(result.facts).toContainEqual({
      label: 'Members',
      value: 3,
      sourceId: 'catalog',
    });
  });

  it('fails when the owner is not set', async () => {
    const result = await runCheck(
      ownerGroupHasMembersCheck,
      buildReadinessFacts({ owner: null }),
    );
    expect(result.state).toBe('fail');
  });

  it('fails when the owner does not exist in the catalog', async () => {
    const result = await runCheck(
      ownerGroupHasMembersCheck,
      buildReadinessFacts({
        owner: {
          exists: false,
          kind: undefined,
          memberRefs: null,
          memberEmails: [],
        },
      }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toBe(
      'The owner group:default/team-payments does not exist in the catalog',
    );
    expect(result.facts).toContainEqual({
      label: 'Owner exists',
      value: false,
      sourceId: 'catalog',
    });
  });

  it('fails when a person owns the entity', async () => {
    const result = await runCheck(
      ownerGroupHasMembersCheck,
      buildReadinessFacts({
        owner: { ref: 'user:default/alice', kind: 'user', memberRefs: null },
      }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toContain(
      'user:default/alice is a user, not a team',
    );
  });

  it('reads the kind from the ref when the owner kind is unknown', async () => {
    const result = await runCheck(
      ownerGroupHasMembersCheck,
      buildReadinessFacts({
        owner: { ref: 'user:default/alice', kind: undefined, memberRefs: null },
      }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toContain('is a user');
  });

  it('fails for a group without members', async () => {
    const result = await runCheck(
      ownerGroupHasMembersCheck,
      buildReadinessFacts({ owner: { memberRefs: [], memberEmails: [] } }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toBe('group:default/team-payments has no members');
    expect(result.facts).toContainEqual({
      label: 'Members',
      value: 0,
      sourceId: 'catalog',
    });
  });

  it('says "1 member" for a one-person group', async () => {
    const result = await runCheck(
      ownerGroupHasMembersCheck,
      buildReadinessFacts({ owner: { memberRefs: ['user:default/alice'] } }),
    );
    expect(result.state).toBe('pass');
    expect(result.message).toBe('group:default/team-payments has 1 member');
  });
});
