// Builds the renderer once per run, so the tests drive the code as it is now.
import { buildRenderer } from '../harness/build-renderer.ts';
import { e2eRendererDir } from './support.ts';

export default async function setup(): Promise<void> {
  await buildRenderer(e2eRendererDir);
}
