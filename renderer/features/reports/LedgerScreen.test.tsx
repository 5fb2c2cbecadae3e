// @vitest-environment happy-dom
// The Reports screen: every export listed with its recipient and files, "was this file reported?"
// answered by hash, and the reference recorded through the contract.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeCustody } from '../../../tests/helpers/fake-custody.ts';
import { render, type Rendered } from '../../../tests/helpers/react-render.ts';
import { resetAllStores } from '../../base/store.ts';
import type { ReportRecord } from '../../../shared/domain/ledger.ts';
import { LedgerScreen } from './LedgerScreen.tsx';

const file = {
  itemId: 'i_aaaaaaaaaaaaaaaa',
  md5: 'a'.repeat(32),
  sha1: 'b'.repeat(40),
  sha256: 'c'.repeat(64),
  pdq: null,
  fileRef: null,
};
const draft: ReportRecord = {
  id: '3f0c2a1e-1111-4222-8333-444455556666',
  kind: 'ncmec',
  caseId: 'c_aaaaaaaaaaaaaaaa',
  recipient: 'NCMEC CyberTipline',
  createdAt: '2026-03-01T10:00:00.000Z',
  actor: 'app:ana',
  out: '/home/ana/draft',
  outputs: [],
  reference: null,
  referencedAt: null,
  files: [file],
};

let shown: Rendered | undefined;
beforeEach(() => resetAllStores());
afterEach(async () => {
  await shown?.unmount();
  shown = undefined;
});
const q = (id: string) => shown!.container.querySelector<HTMLElement>(`[data-testid="${id}"]`);

/** Types into a controlled input the way React notices: the native setter, then an input event. */
function type(input: HTMLInputElement, value: string) {
  const descriptor = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  descriptor?.set?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
const inAct = (work: () => void) =>
  act(() => {
    work();
    return Promise.resolve();
  });

describe('the Reports screen', () => {
  it('lists exports, finds one by hash and records its reference', async () => {
    const core = fakeCustody({
      'reports:list': () => [draft],
      'reports:find': () => [{ hashType: 'md5', report: { ...draft, files: undefined }, file }],
      'reports:set-reference': ({ reference }) => ({
        ...draft,
        reference,
        referencedAt: '2026-03-02T10:00:00.000Z',
      }),
    });
    shown = await render(<LedgerScreen />);
    await act(() => Promise.resolve());
    const row = q(`report-${draft.id}`);
    expect(row?.textContent).toContain('NCMEC CyberTipline draft');
    expect(row?.textContent).toContain('1 file');
    // The record's id, to match with what the recipient answers; its files with every hash.
    expect(q(`report-id-${draft.id}`)?.textContent).toBe(draft.id);
    expect(q(`report-files-${draft.id}`)).toBeNull();
    await inAct(() => q(`report-files-toggle-${draft.id}`)?.click());
    const files = q(`report-file-${draft.id}-${file.itemId}`)?.textContent ?? '';
    for (const hash of [file.itemId, file.md5, file.sha1, file.sha256])
      expect(files).toContain(hash);

    await inAct(() => type(q('find-hash') as HTMLInputElement, file.md5));
    await inAct(() => q('find-hash-submit')?.click());
    expect(core.calls.at(-1)).toEqual({ channel: 'reports:find', args: { hash: file.md5 } });
    expect(q('find-result')?.textContent).toContain(
      'NCMEC CyberTipline draft to NCMEC CyberTipline',
    );
    expect(q(`find-match-${draft.id}`)?.textContent).toContain(
      `(record ${draft.id}, item ${file.itemId})`,
    );

    await inAct(() => type(q(`reference-input-${draft.id}`) as HTMLInputElement, '123456789'));
    await inAct(() => q(`record-reference-${draft.id}`)?.click());
    expect(core.calls.at(-1)).toEqual({
      channel: 'reports:set-reference',
      args: { id: draft.id, reference: '123456789' },
    });
    expect(q(`reference-${draft.id}`)?.textContent).toBe('123456789');
  });
});
