import { describe, expect, it } from 'vitest';
import { intlFor, languageFor } from './main-intl.ts';
import { menuLabels } from './menu-labels.ts';
import { dialogTitles } from './dialog-titles.ts';

describe("main's language", () => {
  it('follows the choice, else the system languages', () => {
    expect(languageFor('ar', ['ru-RU'])).toBe('ar');
    expect(languageFor('system', ['ru-RU', 'en'])).toBe('ru');
    expect(languageFor(null, ['de'])).toBe('en');
  });

  it('labels the menu and titles the dialogs from the shared catalogs', () => {
    expect(menuLabels(intlFor('en'))).toEqual({ vault: 'Vault', lock: 'Lock', develop: 'Develop' });
    expect(menuLabels(intlFor('ru'))).toEqual({
      vault: 'Хранилище',
      lock: 'Заблокировать',
      develop: 'Разработка',
    });
    expect(menuLabels(intlFor('ar')).lock).toBe('قفل');
    expect(dialogTitles(intlFor('fa')).addEvidence).toBe('افزودن شواهد');
    expect(dialogTitles(intlFor('en')).savePacket).toBe('Save packet');
  });
});
