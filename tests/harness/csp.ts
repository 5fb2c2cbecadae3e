// The harness serves the app's own Content-Security-Policy (electron/main/security.ts, as a packaged
// app sends it), changed only so the page may talk to the harness itself: connect-src 'self', for
// the IPC fetches and the event stream.
import { APP_ENTRY_URL, contentSecurityPolicy } from '../../electron/main/security.ts';

export function appPolicy(): string {
  return contentSecurityPolicy({ devTools: false, devServer: null, entryUrl: APP_ENTRY_URL });
}

export function harnessPolicy(policy: string = appPolicy()): string {
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !d.startsWith('connect-src '));
  return [...directives, "connect-src 'self'"].join('; ');
}

/** The page as the harness serves it: the harness client loads before the app bundle. */
export function harnessPage(html: string): string {
  if (/http-equiv="Content-Security-Policy"/i.test(html)) {
    // A meta policy would still apply beside the header and block the harness's connections.
    throw new Error('The renderer index.html carries its own CSP; the harness expects none.');
  }
  const at = html.search(/<script\b/i);
  if (at < 0) throw new Error('The renderer index.html loads no script.');
  return `${html.slice(0, at)}<script src="./harness-client.js"></script>\n    ${html.slice(at)}`;
}
