// Preview addresses. The grid asks only for the veiled thumbnail; the item view asks for the step
// the reveal store holds, which is only ever a step the core has granted.
import { previewUrl } from '../../ipc/client.ts';
import type { RevealStep } from '../../../shared/domain/item.ts';

export const veiledThumb = (itemId: string): string => previewUrl(`${itemId}/thumb/veiled`);

export const screenPreview = (itemId: string, step: RevealStep): string =>
  previewUrl(`${itemId}/screen/${step}`);
