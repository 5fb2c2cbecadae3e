// The words of main's own dialogs (dialogs.ts, the start-up error), in main's language.
import type { IntlShape } from '@formatjs/intl';

export function dialogTitles(intl: IntlShape) {
  const t = intl.formatMessage;
  return {
    addEvidence: t({ id: 'dialog.addEvidence', defaultMessage: 'Add evidence' }),
    savePacket: t({ id: 'dialog.savePacket', defaultMessage: 'Save packet' }),
    packetFiles: t({ id: 'dialog.packetFiles', defaultMessage: 'Custody packet' }),
    verifyPacket: t({ id: 'dialog.verifyPacket', defaultMessage: 'Verify a packet' }),
    ageIdentity: t({
      id: 'dialog.ageIdentity',
      defaultMessage: 'The age identity that opens the packet',
    }),
    vaultBusy: t({ id: 'dialog.vaultBusy', defaultMessage: 'Custody cannot open the vault' }),
  };
}
