// The packaging form, pure: where the packet goes by default, how the recipient is checked, and
// what the recipient runs to verify it.
import type { IntlShape } from 'react-intl';
import type { Request } from '../../../shared/contract/index.ts';
import type { PathGrant } from '../../../shared/domain/path-grant.ts';
import { withEncryptionSuffix } from '../../../shared/domain/packet-name.ts';

export { withEncryptionSuffix };

export type Encryption = 'none' | 'recipient' | 'passphrase';
export type ItemSource = 'selection' | 'filter' | 'case';

export interface PacketFormValues {
  source: ItemSource;
  agency: string;
  reference: string;
  includeOriginals: boolean;
  includeThumbnails: boolean;
  includeNotes: boolean;
  /** Add the archive or e-mail each chosen child item came out of. */
  includeParents: boolean;
  encryption: Encryption;
  recipient: string;
  passphrase: string;
  passphraseAgain: string;
  /** Where the packet goes, as shown: the prefilled name, or the path the save dialog chose. */
  out: string;
  /** The save dialog's choice; until there is one, building opens the dialog on `out`'s name. */
  target: PathGrant | null;
}

export type PacketField = keyof PacketFormValues;
export type PacketErrors = Partial<Record<PacketField, string>>;

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A bare file name that says nothing about the case (a title on disk would leak it). The save
 * dialog opens on it in the default folder, the user's Documents.
 */
export function defaultOut(now: Date, encrypted: boolean): string {
  const stamp = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}`;
  return `custody-packet-${stamp}.zip${encrypted ? '.age' : ''}`;
}

/** The file name of a path, for the save dialog to suggest; the default name when there is none. */
export function fileNameOf(out: string, fallback: string): string {
  const name = (out.trim().split(/[\\/]/).pop() ?? '').slice(0, 255);
  return name || fallback;
}

// age's X25519 recipients: "age1" and 58 bech32 characters.
const AGE_RECIPIENT = /^age1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{58}$/;

export function validatePacketForm(
  intl: IntlShape,
  v: PacketFormValues,
): { ok: true } | { ok: false; errors: PacketErrors } {
  const t = intl.formatMessage;
  const errors: PacketErrors = {};
  const atMost = () =>
    t({ id: 'packets.error.atMost', defaultMessage: 'At most {max} characters.' }, { max: 300 });
  if (v.agency.length > 300) errors.agency = atMost();
  if (v.reference.length > 300) errors.reference = atMost();
  if (v.encryption === 'recipient' && !AGE_RECIPIENT.test(v.recipient.trim())) {
    errors.recipient = t({
      id: 'packets.error.recipient',
      defaultMessage: 'An age recipient: “age1” followed by 58 letters and digits.',
    });
  }
  if (v.encryption === 'passphrase') {
    if ([...v.passphrase].length < 12)
      errors.passphrase = t(
        { id: 'packets.error.passphraseShort', defaultMessage: 'At least {min} characters.' },
        { min: 12 },
      );
    else if (v.passphrase !== v.passphraseAgain)
      errors.passphraseAgain = t({
        id: 'packets.error.passphraseMismatch',
        defaultMessage: 'The two are not the same.',
      });
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true };
}

type BuildRequest = Request<'packets:build'>;

/** The request for `target`, the save dialog's choice (v.target, or one just made). */
export function buildRequest(
  v: PacketFormValues,
  caseId: string,
  itemIds: string[] | undefined,
  target: PathGrant,
): BuildRequest {
  const request: BuildRequest = {
    caseId,
    out: target.handle,
    includeOriginals: v.includeOriginals,
    includeThumbnails: v.includeThumbnails,
    includeNotes: v.includeNotes,
    includeParents: v.includeParents,
  };
  if (itemIds) request.itemIds = itemIds;
  if (v.agency.trim()) request.agency = v.agency.trim();
  if (v.reference.trim()) request.reference = v.reference.trim();
  if (v.encryption === 'recipient') request.recipient = { ageRecipient: v.recipient.trim() };
  if (v.encryption === 'passphrase') request.recipient = { passphrase: v.passphrase };
  return request;
}

/** "ab12 cd34 …": easier to read aloud and compare over the phone. */
export function groupFingerprint(hex: string): string {
  return hex.match(/.{1,4}/g)?.join(' ') ?? hex;
}

const quote = (p: string) => (/^[\w./:\\-]+$/.test(p) ? p : `"${p.replace(/(["\\$`])/g, '\\$1')}"`);

/** What the recipient runs to check the packet and its signer. */
export function verifyCommand(out: string, fingerprint: string, encryption: Encryption): string {
  const extra =
    encryption === 'recipient'
      ? ' --identity AGE_KEY_FILE'
      : encryption === 'passphrase'
        ? ' --packet-passphrase-file PASSPHRASE_FILE'
        : '';
  const name = out.split(/[\\/]/).pop() ?? out;
  return `custody verify ${quote(name)} --key ${fingerprint}${extra}`;
}
