// The schemes the reviewer works in, through the dispatcher as the settings screen sets them: the
// order is kept (the first is primary: the number keys label in it), the choice outlives a lock,
// and a scheme no label is assigned in (legacy CAT-0..5, COPINE) is refused with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dispatcherCall,
  freshCore,
  PASSPHRASE,
  type Call,
  type FreshCore,
} from '../../../tests/helpers/vault.ts';
import { allEntries } from '../custody/custody-log.ts';
import { jurisdictionOf } from '../../../shared/domain/category-schemes.ts';

let v: FreshCore;
let call: Call;
const chosen = async () => (await call('hashlists:schemes', {})).schemes;

beforeAll(async () => {
  v = await freshCore();
  call = dispatcherCall(v.core);
});
afterAll(() => v.cleanup());

describe('the schemes a reviewer works in', () => {
  it('starts with the US schemes, Custody primary', async () => {
    expect(await chosen()).toEqual(['custody', 'industry', 'vics-us']);
    expect(jurisdictionOf(await chosen())).toBe('us');
  });

  it('keeps the order given, the primary first, each scheme once, through a lock', async () => {
    expect(
      await call('hashlists:set-schemes', { schemes: ['uk-sc2014', 'custody', 'uk-sc2014'] }),
    ).toEqual({ schemes: ['uk-sc2014', 'custody'] });
    expect(jurisdictionOf(await chosen())).toBe('uk');
    await call('vault:lock', {});
    await call('vault:unlock', { passphrase: PASSPHRASE });
    expect(await chosen()).toEqual(['uk-sc2014', 'custody']);
  });

  it('refuses a scheme no label is assigned in, and changes nothing', async () => {
    await expect(
      call('hashlists:set-schemes', { schemes: ['custody', 'dhs-cat'] }),
    ).rejects.toThrow(
      /INVALID_INPUT: Project VIC \/ DHS legacy CAT-0..5 is only read from hash lists/,
    );
    await expect(call('hashlists:set-schemes', { schemes: ['copine'] })).rejects.toThrow(
      /INVALID_INPUT: COPINE scale \(reference\) is for reference only/,
    );
    await expect(call('hashlists:set-schemes', { schemes: [] })).rejects.toThrow(/BAD_REQUEST/);
    expect(await chosen()).toEqual(['uk-sc2014', 'custody']);
  });

  it('is a setting, not a custody entry: the labels it leads to are logged with their scheme', async () => {
    const before = allEntries(v.core.vault().db).length;
    await call('hashlists:set-schemes', { schemes: ['industry', 'custody', 'vics-us'] });
    expect(allEntries(v.core.vault().db)).toHaveLength(before);
    expect(jurisdictionOf(await chosen())).toBe('us');
  });
});
