// Addresses of a video's stills: the contact sheet asks only for veiled thumbnails; the stage asks
// for the step the reveal store holds for that still, which only the core grants.
import { previewUrl } from '../../ipc/client.ts';
import type { RevealStep } from '../../../shared/domain/item.ts';

export const veiledFrameThumb = (itemId: string, idx: number): string =>
  previewUrl(`${itemId}/frame/${idx}/thumb/veiled`);

export const frameScreen = (itemId: string, idx: number, step: RevealStep): string =>
  previewUrl(`${itemId}/frame/${idx}/screen/${step}`);
