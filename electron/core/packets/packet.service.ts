// `core.packets`: builds packets from the unlocked vault and checks packets from anywhere (a
// recipient's check needs no vault). Build progress goes out as 'packet:progress'.
import type { EventEmitter } from 'node:events';
import type { UnlockedVault } from '../vault/vault.ts';
import type { CoreEvents } from '../events.ts';
import { buildPacket, type BuildOptions, type BuiltPacket } from './build.ts';
import { verifyPacket, type VerifyOptions } from './verify.ts';
import type { Verdict } from './verdict.ts';
import type { RenderPdf } from './render-pdf.ts';

export interface PacketServiceOptions {
  vault: () => UnlockedVault;
  events: EventEmitter<CoreEvents>;
  /** HTML → PDF: Electron's printToPDF in the app; Chromium via playwright-core elsewhere. */
  renderPdf?: RenderPdf | undefined;
}

export type PacketRequest = Omit<BuildOptions, 'onProgress' | 'renderPdf' | 'tool'>;

export class PacketService {
  readonly #o: PacketServiceOptions;
  constructor(options: PacketServiceOptions) {
    this.#o = options;
  }

  build(request: PacketRequest): Promise<BuiltPacket> {
    const { events, renderPdf } = this.#o;
    return buildPacket(this.#o.vault(), {
      ...request,
      ...(renderPdf ? { renderPdf } : {}),
      onProgress: (p) => events.emit('packet:progress', p),
    });
  }

  verify(path: string, options: VerifyOptions): Promise<Verdict> {
    return verifyPacket(path, options);
  }
}
