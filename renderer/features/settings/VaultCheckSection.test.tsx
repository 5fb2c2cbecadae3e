// @vitest-environment happy-dom
// The vault check runs once at a time, says it is running, and shows a healthy vault in one line
// and a damaged one file by file (names through SafeText) with the advice to keep the vault.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeCustody, Refusal } from '../../../tests/helpers/fake-custody.ts';
import { render, type Rendered } from '../../../tests/helpers/react-render.ts';
import { resetAllStores } from '../../base/store.ts';
import type { VaultCheck } from '../../../shared/domain/vault.ts';
import { VaultCheckSection } from './VaultCheckSection.tsx';

const healthy: VaultCheck = {
  healthy: true,
  database: { healthy: true, problems: [] },
  blobs: { checked: 1204, damaged: [] },
};
const damaged: VaultCheck = {
  healthy: false,
  database: { healthy: false, problems: ['row 12 of items: page checksum mismatch'] },
  blobs: {
    checked: 3,
    damaged: [
      {
        blobId: 'b_aaaaaaaaaaaaaaaa',
        itemId: 'i_aaaaaaaaaaaaaaaa',
        caseId: 'c_aaaaaaaaaaaaaaaa',
        fileName: 'photo\u202Egpj.exe',
        reason: 'authentication failed',
      },
    ],
  },
};

/** A vault:check answer the test releases when it likes. */
function held() {
  let release: (value: VaultCheck) => void = () => {};
  const answer = new Promise<VaultCheck>((resolve) => (release = resolve));
  return { answer: () => answer, release };
}

let shown: Rendered | undefined;
beforeEach(() => resetAllStores());
afterEach(async () => {
  await shown?.unmount();
  shown = undefined;
});

const button = () =>
  shown!.container.querySelector<HTMLButtonElement>('[data-testid="run-vault-check"]')!;
const press = () => act(() => Promise.resolve(button().click()));
const text = (id: string) =>
  shown!.container.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;

describe('check the vault', () => {
  it('shows progress with the button disabled, runs once, then says it is healthy', async () => {
    const check = held();
    const core = fakeCustody({ 'vault:check': check.answer });
    shown = await render(<VaultCheckSection />);
    await press();
    expect(button().disabled).toBe(true);
    expect(text('vault-check-running')).toContain('Checking');
    await press();
    await act(() => Promise.resolve(check.release(healthy)));
    expect(core.calls.filter((c) => c.channel === 'vault:check')).toHaveLength(1);
    expect(button().disabled).toBe(false);
    expect(text('vault-check-running')).toBeNull();
    expect(text('vault-check-result')).toBe('Healthy: database and 1,204 files checked.');
  });

  it('lists damaged files and database problems, with the advice to keep the vault', async () => {
    fakeCustody({ 'vault:check': () => damaged });
    shown = await render(<VaultCheckSection />);
    await press();
    const result = text('vault-check-result') ?? '';
    expect(result).toContain('Keep the vault as it is and contact support');
    expect(text('vault-check-database')).toContain('page checksum mismatch');
    const file = shown.container.querySelector('[data-testid="vault-check-damaged"] li');
    expect(file?.textContent).toContain('i_aaaaaaaaaaaaaaaa');
    expect(file?.textContent).toContain('c_aaaaaaaaaaaaaaaa');
    expect(file?.textContent).toContain('authentication failed');
    // The bidi override is shown as a visible mark by SafeText, never applied.
    expect(file?.textContent).not.toContain('\u202E');
  });

  it('says so when the check cannot run', async () => {
    fakeCustody({
      'vault:check': () => {
        throw new Refusal('INTERNAL', 'The vault could not be read.');
      },
    });
    shown = await render(<VaultCheckSection />);
    await press();
    expect(shown.container.querySelector('[role="alert"]')?.textContent).toContain(
      'The check could not run',
    );
    expect(button().disabled).toBe(false);
  });
});
