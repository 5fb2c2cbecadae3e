// Server-Sent Events: the harness's stand-in for webContents.send. Main's own forwarding
// (electron/main/core-events.ts) maps core events to contract events and checks them against their
// schemas; the harness hands it a "window" whose send writes to every open event stream.
import type { ServerResponse } from 'node:http';
import { IPC_EVENT_PREFIX } from '../../shared/contract/client.ts';
import type { EventWindow } from '../../electron/main/core-events.ts';

export class EventHub {
  #clients = new Set<ServerResponse>();
  #keepAlive: NodeJS.Timeout;

  constructor() {
    // A comment line now and then keeps idle connections from being dropped.
    this.#keepAlive = setInterval(() => this.#write(': keep-alive\n\n'), 15_000);
    this.#keepAlive.unref();
  }

  attach(res: ServerResponse, headers: Record<string, string>): void {
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    });
    res.write('retry: 1000\n\n');
    this.#clients.add(res);
    res.on('close', () => this.#clients.delete(res));
  }

  /** What forwardCoreEvents sends to: channel `custody:event:<name>` becomes SSE event `<name>`. */
  readonly window: EventWindow = {
    isDestroyed: () => false,
    send: (channel: string, payload: unknown) => {
      if (!channel.startsWith(IPC_EVENT_PREFIX)) return;
      const name = channel.slice(IPC_EVENT_PREFIX.length);
      this.#write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    },
  };

  close(): void {
    clearInterval(this.#keepAlive);
    for (const res of this.#clients) res.end();
    this.#clients.clear();
  }

  #write(chunk: string): void {
    for (const res of this.#clients) res.write(chunk);
  }
}
