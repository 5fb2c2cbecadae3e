// Tests only: makes a child_process child look like an Electron utility process to the module it
// runs (argv[2]). It gets `process.parentPort`, messages arrive as { data } events, replies go
// back through postMessage, and `process.send` is gone. Both directions are structured-cloned, so
// Buffers arrive as plain Uint8Arrays, as they do in Electron.
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

const toHost = process.send?.bind(process);
const modulePath = process.argv[2];
if (!toHost || modulePath === undefined) process.exit(2);

class ParentPort extends EventEmitter {
  postMessage(message: unknown): void {
    toHost?.(structuredClone(message));
  }
}
const port = new ParentPort();
process.on('message', (message) => port.emit('message', { data: structuredClone(message) }));
// Chromium ends a utility process whose app is gone; this stands in for that.
process.on('disconnect', () => process.exit(0));
Reflect.deleteProperty(process, 'send');
Object.defineProperty(process, 'parentPort', { value: port });

await import(pathToFileURL(modulePath).href);
