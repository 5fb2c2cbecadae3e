// Applies security.ts to Chromium: what may load, which headers every document gets, which
// permissions exist (none), and that nothing resolves a hostname or lands in a download folder.
import type { CommandLine, Session } from 'electron';
import {
  contentSecurityPolicy,
  denyPermissionCheck,
  denyPermissionRequest,
  hostResolverRules,
  isAllowedRequest,
  withContentSecurityPolicy,
  type AppPolicy,
} from './security.ts';
import { log } from './log.ts';

/** Before `ready`: switches Chromium reads once at startup. */
export function applyCommandLineSwitches(commandLine: CommandLine, policy: AppPolicy): void {
  // Restricts, not loosens: every name resolves to NOTFOUND (electronegativity-justifications.md).
  commandLine.appendSwitch('host-resolver-rules', hostResolverRules(policy));
  // Crash dumps may hold decrypted evidence; the reporter is never started, and stays off here too.
  commandLine.appendSwitch('disable-crash-reporter');
}

export async function hardenSession(ses: Session, policy: AppPolicy): Promise<void> {
  const csp = contentSecurityPolicy(policy);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, policy);
    if (!allowed) log.warn('request.blocked', { resourceType: details.resourceType });
    callback({ cancel: !allowed });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, csp) });
  });
  // No eng-disable here: hidden from Electronegativity, it reports the handler as missing.
  ses.setPermissionRequestHandler(denyPermissionRequest);
  ses.setPermissionCheckHandler(denyPermissionCheck);
  ses.setDevicePermissionHandler(denyPermissionCheck);
  ses.setSpellCheckerEnabled(false);
  // A download would write renderer-held bytes (a preview) to the user's disk.
  ses.on('will-download', (event) => {
    event.preventDefault();
    log.warn('download.blocked');
  });
  // No proxy auto-discovery (WPAD/PAC fetches); the resolver rules refuse any lookup anyway.
  await ses.setProxy({ mode: 'direct' });
}
