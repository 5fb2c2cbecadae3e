// The address of a recording's media stream, which the core serves only during a play session.
import { previewUrl } from '../../ipc/client.ts';

export const mediaStream = (itemId: string): string => previewUrl(`${itemId}/stream`);
