/* global window, location, history, EventSource */
// The harness's stand-in for the preload: one frozen window.custody (the CustodyClient of
// shared/contract/client.ts) over loopback. Calls go by fetch to /ipc, events come by
// Server-Sent Events from /events. Loaded by the page before the app bundle.
(() => {
  const KEY = 'custody-harness-token';
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    // Keep the token for this tab, and out of the address bar.
    sessionStorage.setItem(KEY, fromUrl);
    params.delete('token');
    const query = params.toString();
    history.replaceState(null, '', location.pathname + (query ? `?${query}` : '') + location.hash);
  }
  const token = sessionStorage.getItem(KEY) ?? '';

  const refused = (message) => ({ ok: false, error: { code: 'INTERNAL', message } });

  async function invoke(channel, args) {
    let response;
    try {
      response = await fetch('/ipc', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-custody-token': token },
        body: JSON.stringify({ channel, args }),
        cache: 'no-store',
        credentials: 'same-origin',
      });
    } catch {
      return refused('The harness is not reachable.');
    }
    if (response.status === 403) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'The harness refused the token.' } };
    }
    if (!response.ok) return refused(`The harness answered ${response.status}.`);
    return response.json();
  }

  // One stream for all events, opened on the first listener. The cookie set with the page carries
  // the token (EventSource cannot send headers).
  let source = null;
  function on(event, listener) {
    source ??= new EventSource('/events');
    const handler = (message) => {
      let payload;
      try {
        payload = JSON.parse(message.data);
      } catch {
        return;
      }
      listener(payload);
    };
    source.addEventListener(event, handler);
    return () => source.removeEventListener(event, handler);
  }

  const client = Object.freeze({ invoke, on, previewBase: `${location.origin}/preview/` });
  Object.defineProperty(window, 'custody', { value: client, enumerable: true });
})();
