// A handoff bundle dropped anywhere on the window but the evidence area (which takes its own drops
// as evidence and marks them handled) is received, as File → Open bundle would.
import { useColleagues } from './colleagues.store.ts';

export const BUNDLE_SUFFIX = '.custody-handoff';

export function receiveDrop(event: DragEvent): void {
  if (
    event.defaultPrevented &&
    event.target instanceof Element &&
    event.target.closest('.evidence')
  )
    return;
  const files = [...(event.dataTransfer?.files ?? [])];
  const [file] = files;
  if (files.length !== 1 || !file?.name.endsWith(BUNDLE_SUFFIX)) return;
  event.preventDefault();
  void useColleagues.getState().receiveDropped(file);
}
