// Addresses of a video's stills: the contact sheet asks only for veiled thumbnails.
import { previewUrl } from '../../ipc/client.ts';

export const veiledFrameThumb = (itemId: string, idx: number): string =>
  previewUrl(`${itemId}/frame/${idx}/thumb/veiled`);
