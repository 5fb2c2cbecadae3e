// @vitest-environment happy-dom
// The language before unlock is the vault's last choice; after, the vault's setting, applied at
// once: the text, <html lang dir>, and Gregorian dates with Latin digits unless asked otherwise.
import { act } from 'react';
import { FormattedDate, FormattedMessage } from 'react-intl';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeCustody } from '../../tests/helpers/fake-custody.ts';
import { render, type Rendered } from '../../tests/helpers/react-render.ts';
import { useLanguage } from '../base/language.store.ts';
import { LanguageRoot } from './LanguageRoot.tsx';

let shown: Rendered | undefined;
afterEach(async () => {
  await shown?.unmount();
  shown = undefined;
  useLanguage.setState({ choice: null, localCalendar: false });
});

const day = new Date('2026-12-01T10:00:00Z');
const view = (
  <LanguageRoot>
    <p id="title">
      <FormattedMessage id="vault.locked.title" defaultMessage="Custody is locked" />
    </p>
    <p id="date">
      <FormattedDate value={day} dateStyle="long" timeZone="UTC" />
    </p>
  </LanguageRoot>
);
const text = (id: string) => shown?.container.querySelector(`#${id}`)?.textContent;
const root = () => ({ lang: document.documentElement.lang, dir: document.documentElement.dir });

describe('LanguageRoot', () => {
  it('speaks the last language chosen before any unlock', async () => {
    fakeCustody({ 'settings:interface-language': () => ({ language: 'ar' }) });
    shown = await render(view);
    await act(() => useLanguage.getState().loadLast());
    expect(text('title')).toBe('Custody مقفل');
    expect(root()).toEqual({ lang: 'ar', dir: 'rtl' });
  });

  it('switches at once when the setting changes, with Gregorian dates unless asked', async () => {
    fakeCustody({ 'settings:interface-language': () => ({ language: null }) });
    shown = await render(view);
    await act(() => Promise.resolve(useLanguage.getState().chosen('fa', false)));
    expect(root()).toEqual({ lang: 'fa', dir: 'rtl' });
    expect(text('title')).toBe('Custody قفل است');
    expect(text('date')).toContain('2026');
    expect(text('date')).not.toMatch(/[۰-۹]/);
    await act(() => Promise.resolve(useLanguage.getState().chosen('fa', true)));
    expect(text('date')).toBe('۱۰ آذر ۱۴۰۵');
    await act(() => Promise.resolve(useLanguage.getState().chosen('ru', false)));
    expect(root()).toEqual({ lang: 'ru', dir: 'ltr' });
    expect(text('title')).toBe('Custody заблокирована');
  });
});
