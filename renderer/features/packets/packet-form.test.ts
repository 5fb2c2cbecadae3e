import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import {
  buildRequest,
  defaultOut,
  fileNameOf,
  groupFingerprint,
  validatePacketForm,
  verifyCommand,
  withEncryptionSuffix,
  type PacketFormValues,
} from './packet-form.ts';

const at = new Date(2026, 0, 9, 7, 5);
const form: PacketFormValues = {
  source: 'selection',
  agency: 'Polizei Berlin',
  reference: 'AZ 44/2026',
  includeOriginals: true,
  includeThumbnails: false,
  includeNotes: true,
  includeParents: false,
  encryption: 'none',
  recipient: '',
  passphrase: '',
  passphraseAgain: '',
  out: 'custody-packet-2026-01-09-0705.zip',
  target: null,
};
const target = {
  handle: 'Zq3'.repeat(8),
  name: 'custody-packet.zip',
  path: '/home/ana/Documents/custody-packet.zip',
};
const recipient = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';

const intl = createIntl({ locale: 'en' });
describe('packet form', () => {
  it('prefills a bare name without the case, for the save dialog to open on', () => {
    expect(defaultOut(at, false)).toBe('custody-packet-2026-01-09-0705.zip');
    expect(defaultOut(at, true)).toBe('custody-packet-2026-01-09-0705.zip.age');
  });

  it('adds and removes the .age ending with encryption', () => {
    expect(withEncryptionSuffix('/x/p.zip', true)).toBe('/x/p.zip.age');
    expect(withEncryptionSuffix('/x/p.zip.age', false)).toBe('/x/p.zip');
  });

  it('takes the prefilled bare name; wants a real age recipient and a passphrase typed twice', () => {
    // The prefilled name is where the save dialog opens (in Documents), not an error.
    expect(validatePacketForm(intl, form)).toEqual({ ok: true });
    expect(validatePacketForm(intl, { ...form, out: 'packet.zip' })).toEqual({ ok: true });
    const wrongAge = validatePacketForm(intl, {
      ...form,
      encryption: 'recipient',
      recipient: 'age1xyz',
    });
    expect(!wrongAge.ok && wrongAge.errors.recipient).toContain('age1');
    expect(validatePacketForm(intl, { ...form, encryption: 'recipient', recipient })).toEqual({
      ok: true,
    });
    const mismatch = validatePacketForm(intl, {
      ...form,
      encryption: 'passphrase',
      passphrase: 'a long passphrase here',
      passphraseAgain: 'a long passphrase there',
    });
    expect(!mismatch.ok && mismatch.errors.passphraseAgain).toBeTruthy();
  });

  it('builds the contract request, leaving out what was not given', () => {
    expect(
      buildRequest(
        { ...form, agency: ' ', encryption: 'recipient', recipient },
        'c_x',
        ['i_a'],
        target,
      ),
    ).toEqual({
      caseId: 'c_x',
      itemIds: ['i_a'],
      out: target.handle,
      reference: 'AZ 44/2026',
      includeOriginals: true,
      includeThumbnails: false,
      includeNotes: true,
      includeParents: false,
      recipient: { ageRecipient: recipient },
    });
    expect(buildRequest(form, 'c_x', undefined, target).itemIds).toBeUndefined();
  });

  it('shows the fingerprint in blocks and the command the recipient runs', () => {
    const fpr = 'ab'.repeat(32);
    expect(groupFingerprint(fpr).split(' ')).toHaveLength(16);
    expect(verifyCommand('/home/ana/my packet.zip', fpr, 'none')).toBe(
      `custody verify "my packet.zip" --key ${fpr}`,
    );
    expect(verifyCommand('/x/p.zip.age', fpr, 'recipient')).toContain('--identity');
  });
});

describe('fileNameOf', () => {
  it('suggests the last part of a typed path, or the default when the field is empty', () => {
    expect(fileNameOf('/home/ana/p.zip.age', 'd.zip')).toBe('p.zip.age');
    expect(fileNameOf('C:\\Users\\ana\\p.zip', 'd.zip')).toBe('p.zip');
    expect(fileNameOf('  ', 'd.zip')).toBe('d.zip');
    expect(fileNameOf('/home/ana/', 'd.zip')).toBe('d.zip');
  });
});
