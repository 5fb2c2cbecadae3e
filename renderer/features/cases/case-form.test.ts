import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import {
  caseFormFrom,
  emptyAccount,
  emptyCaseForm,
  emptyIncident,
  emptyIp,
  parseLanguages,
  parseRefs,
  toggleLanguage,
  validateCaseForm,
} from './case-form.ts';

const intl = createIntl({ locale: 'en' });
describe('case form', () => {
  it('reads languages separated by commas, Arabic commas or spaces, without duplicates', () => {
    expect(parseLanguages('ar, fa،ru  EN ar')).toEqual(['ar', 'fa', 'ru', 'en']);
    expect(parseLanguages('  ')).toEqual([]);
  });

  it('toggles a language in and out of the list', () => {
    expect(toggleLanguage('ar, fa', 'ru')).toBe('ar, fa, ru');
    expect(toggleLanguage('ar, fa, ru', 'fa')).toBe('ar, ru');
  });

  it('takes one reference per line, trimmed, without blanks or repeats', () => {
    expect(parseRefs(' TICKET-1 \r\n\n@user\nTICKET-1\n')).toEqual(['TICKET-1', '@user']);
  });

  it('turns valid values into the contract fields', () => {
    const result = validateCaseForm(intl, {
      title: '  تهديد بالعنف  ',
      kind: 'threat-of-violence',
      emergency: true,
      languages: 'ar, fa',
      externalRefs: 'TICKET-4471\n@user_x',
      notes: 'Пользователь угрожал.',
      reportedAccounts: [],
      incidents: [{ kind: 'chat', value: 'Telegram @x', at: '2026-02-01T10:00:00Z' }],
      incidentAt: ' 2026-02-01T09:30:00+03:00 ',
    });
    expect(result).toEqual({
      ok: true,
      fields: {
        title: 'تهديد بالعنف',
        kind: 'threat-of-violence',
        emergency: true,
        languages: ['ar', 'fa'],
        externalRefs: ['TICKET-4471', '@user_x'],
        notes: 'Пользователь угрожал.',
        reportedAccounts: [],
        incidents: [{ kind: 'chat', value: 'Telegram @x', at: '2026-02-01T10:00:00Z' }],
        incidentAt: '2026-02-01T09:30:00+03:00',
      },
    });
  });

  it('names each field that is wrong, in words a person can act on', () => {
    const result = validateCaseForm(intl, {
      ...emptyCaseForm(),
      title: '   ',
      languages: 'ar, farsi!',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.title).toBe('A case needs a title.');
    expect(result.errors.kind).toBe('Choose the kind of case.');
    expect(result.errors.languages).toContain('language codes');
    expect(result.errors.notes).toBeUndefined();
  });

  it('fills the form from a case and back without change', () => {
    const values = caseFormFrom({
      id: 'c_aaaaaaaaaaaaaaaa',
      title: 'Doxxing',
      kind: 'doxxing',
      emergency: false,
      status: 'open',
      languages: ['ru', 'uk'],
      externalRefs: ['a', 'b'],
      notes: 'line 1\nline 2',
      reportedAccounts: [{ screenName: 'doxer', ipCaptures: [{ ipAddress: '192.0.2.7' }] }],
      incidents: [],
      incidentAt: null,
      itemCount: 0,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      closedAt: null,
    });
    expect(values.languages).toBe('ru, uk');
    const result = validateCaseForm(intl, values);
    expect(result.ok && result.fields.externalRefs).toEqual(['a', 'b']);
    // The structured fields ride along untouched, so saving the form never erases them.
    expect(result.ok && result.fields.reportedAccounts).toEqual([
      { screenName: 'doxer', ipCaptures: [{ ipAddress: '192.0.2.7' }] },
    ]);
    expect(result.ok && result.fields.incidentAt).toBeNull();
    expect(result.ok && result.fields.notes).toBe('line 1\nline 2');
  });

  it('sends typed rows as the contract wants them: trimmed, empty inputs left out', () => {
    const result = validateCaseForm(intl, {
      ...emptyCaseForm(),
      title: 'Grooming',
      kind: 'child-safety',
      reportedAccounts: [
        {
          ...emptyAccount(),
          screenName: ' groomer_1 ',
          profileUrl: 'https://social.example/u/groomer_1',
          ipCaptures: [{ ...emptyIp(), ipAddress: ' 2001:db8::7 ', eventName: 'Login', at: '' }],
        },
      ],
      incidents: [{ ...emptyIncident(), value: ' https://chat.example/room/4 ' }],
    });
    expect(result.ok && result.fields.reportedAccounts).toEqual([
      {
        screenName: 'groomer_1',
        profileUrl: 'https://social.example/u/groomer_1',
        ipCaptures: [{ ipAddress: '2001:db8::7', eventName: 'Login' }],
      },
    ]);
    expect(result.ok && result.fields.incidents).toEqual([
      { kind: 'web-page', value: 'https://chat.example/room/4' },
    ]);
  });

  it('names the wrong input of each row by its path, in words a person can act on', () => {
    const result = validateCaseForm(intl, {
      ...emptyCaseForm(),
      title: 'Rows',
      kind: 'harassment',
      reportedAccounts: [
        emptyAccount(),
        {
          ...emptyAccount(),
          displayName: 'Ok',
          profileUrl: 'social.example/u/x',
          ipCaptures: [{ ...emptyIp(), ipAddress: '300.1.1.1', at: 'yesterday' }],
        },
      ],
      incidents: [{ ...emptyIncident(), value: '  ', at: '2026-02-30 10:00' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      'reportedAccounts.0': 'Give at least a screen name, display name, profile URL or service id.',
      'reportedAccounts.1.profileUrl':
        'Give a full address starting with https://, or leave it empty.',
      'reportedAccounts.1.ipCaptures.0.ipAddress':
        'Give an IPv4 or IPv6 address, such as 192.0.2.7.',
      'reportedAccounts.1.ipCaptures.0.at':
        'Give the time as 2026-03-01T14:30:00Z, or leave it empty.',
      'incidents.0.value': 'Fill this in, or remove the row.',
      'incidents.0.at': 'Give the time as 2026-03-01T14:30:00Z, or leave it empty.',
    });
  });

  it('keeps what only the command line sets (an IP capture’s port and proxy flag) when saved', () => {
    const values = caseFormFrom({
      id: 'c_aaaaaaaaaaaaaaaa',
      title: 'Ports',
      kind: 'other',
      emergency: false,
      status: 'open',
      languages: [],
      externalRefs: [],
      notes: '',
      reportedAccounts: [
        {
          espIdentifier: '991',
          ipCaptures: [
            { ipAddress: '192.0.2.9', port: 443, possibleProxy: true, at: '2026-01-02T03:04:05Z' },
          ],
        },
      ],
      incidents: [{ kind: 'email', value: 'x@example.org' }],
      incidentAt: '2026-01-02T03:00:00Z',
      itemCount: 0,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      closedAt: null,
    });
    const result = validateCaseForm(intl, values);
    expect(result.ok && result.fields.reportedAccounts).toEqual([
      {
        espIdentifier: '991',
        ipCaptures: [
          { ipAddress: '192.0.2.9', port: 443, possibleProxy: true, at: '2026-01-02T03:04:05Z' },
        ],
      },
    ]);
    expect(result.ok && result.fields.incidents).toEqual([
      { kind: 'email', value: 'x@example.org' },
    ]);
  });
});
