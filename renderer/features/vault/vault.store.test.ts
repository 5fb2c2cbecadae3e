// @vitest-environment happy-dom
// A lock must leave nothing behind in the renderer: every store back to its initial state, and
// answers still in flight at that moment dropped instead of refilling a store behind the lock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Case } from '../../../shared/domain/case.ts';
import { useCases } from '../cases/cases.store.ts';
import { defaultFilters } from '../cases/case-filter.ts';
import { listenForLock, useVault } from './vault.store.ts';
import { useRoute } from '../../base/route.store.ts';
import { fakeCustody, Refusal, type Answer } from '../../../tests/helpers/fake-custody.ts';
import { resetAllStores } from '../../base/store.ts';

const secret: Case = {
  id: 'c_aaaaaaaaaaaaaaaa',
  title: 'تهديد بالعنف',
  kind: 'threat-of-violence',
  emergency: true,
  status: 'open',
  languages: ['ar'],
  externalRefs: ['TICKET-1'],
  notes: 'Пользователь угрожал.',
  reportedAccounts: [],
  incidents: [],
  incidentAt: null,
  itemCount: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  closedAt: null,
};

let stopListening = () => {};

async function openWorkspace(answers: Record<string, Answer>) {
  let state = 'unlocked';
  const fake = fakeCustody({
    'vault:status': () => ({ state }),
    'vault:lock': () => {
      state = 'locked';
      return { state };
    },
    'cases:list': () => [secret],
    ...answers,
  });
  stopListening = listenForLock();
  await useVault.getState().refresh();
  await useCases.getState().load();
  useCases.getState().setFilters({ query: 'تهديد', status: 'all' });
  useCases.getState().select(secret.id);
  useCases.getState().setNotice('Saved.');
  useRoute.getState().go({ name: 'case', id: secret.id });
  return fake;
}

function expectNothingLeft() {
  const cases = useCases.getState();
  expect(cases.cases).toEqual([]);
  expect(cases.loaded).toBe(false);
  expect(cases.filters).toEqual(defaultFilters);
  expect(cases.selectedId).toBeNull();
  expect(cases.notice).toBeNull();
  expect(useRoute.getState().route).toEqual({ name: 'cases' });
  expect(useRoute.getState().history).toEqual([]);
  expect(JSON.stringify([useCases.getState(), useRoute.getState()])).not.toContain(secret.title);
}

beforeEach(() => {
  resetAllStores();
  sessionStorage.clear();
});
afterEach(() => stopListening());

describe('locking clears every store', () => {
  it('when the person locks: the screen is cleared first, then main is asked to lock', async () => {
    const fake = await openWorkspace({});
    expect(useCases.getState().cases).toEqual([secret]);
    await useVault.getState().lock();
    expect(fake.calls.map((c) => c.channel)).toContain('vault:lock');
    expect(useVault.getState().status).toBe('locked');
    expect(useVault.getState().lockReason).toBe('user');
    expectNothingLeft();
  });

  it("when main locks (idle, OS lock) and says so with 'vault:locked'", async () => {
    const fake = await openWorkspace({});
    fake.emit('vault:locked', { reason: 'idle' });
    expect(useVault.getState().status).toBe('locked');
    expect(useVault.getState().lockReason).toBe('idle');
    expectNothingLeft();
  });

  it('when a call is refused because the vault is locked, even without the event', async () => {
    await openWorkspace({
      'cases:update': () => {
        throw new Refusal('VAULT_LOCKED');
      },
    });
    const outcome = await useCases.getState().update({ id: secret.id, title: 'x' });
    expect(outcome.ok).toBe(false);
    expect(useVault.getState().status).toBe('locked');
    expectNothingLeft();
  });

  it('drops a case list that arrives after the lock', async () => {
    let answer: (cases: Case[]) => void = () => {};
    const fake = await openWorkspace({});
    fake.answer('cases:list', () => new Promise<Case[]>((resolve) => (answer = resolve)));
    useVault.setState({ status: 'unlocked' });
    const loading = useCases.getState().load();
    await useVault.getState().lock();
    answer([secret]);
    await loading;
    expect(fake.calls.map((c) => c.channel)).toContain('cases:list');
    expectNothingLeft();
  });
});

describe("main's lock reason", () => {
  it('survives the reload main does after a lock, until the next unlock', async () => {
    let state = 'unlocked';
    const fake = await openWorkspace({
      'vault:status': () => ({ state }),
      'vault:unlock': () => ({ state: (state = 'unlocked') }),
      'vault:lock': () => ({ state: (state = 'locked') }),
    });
    state = 'locked';
    fake.emit('vault:locked', { reason: 'idle' });
    resetAllStores(); // what a reload leaves: nothing
    await useVault.getState().refresh();
    expect(useVault.getState()).toMatchObject({ status: 'locked', lockReason: 'idle' });

    await useVault.getState().unlock('passphrase');
    await useVault.getState().lock();
    expect(useVault.getState()).toMatchObject({ status: 'locked', lockReason: 'user' });
  });
});

describe('resetAllStores', () => {
  it('puts every store back to its first state and keeps the actions working', () => {
    useCases.getState().setFilters({ kind: 'doxxing' });
    useRoute.getState().go({ name: 'new-case' });
    resetAllStores();
    expect(useCases.getState().filters).toEqual(defaultFilters);
    expect(useRoute.getState().route).toEqual({ name: 'cases' });
    useRoute.getState().go({ name: 'new-case' });
    expect(useRoute.getState().route).toEqual({ name: 'new-case' });
  });
});
