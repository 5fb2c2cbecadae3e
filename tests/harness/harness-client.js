// @ts-check
/* global window, location, history, EventSource */
// The harness's stand-in for the preload: one frozen window.custody (the CustodyClient of
// shared/contract/client.ts) over loopback. Calls go by fetch to /ipc, events come by
// Server-Sent Events from /events. Loaded by the page before the app bundle, as a plain script,
// so it stays JavaScript; tsconfig.e2e.json type-checks it against CustodyClient.
/** @typedef {import('../../shared/contract/client.ts').CustodyClient} CustodyClient */
/** @typedef {import('../../shared/contract/index.ts').ChannelName} ChannelName */
/** @template {ChannelName} C @typedef {import('../../shared/contract/index.ts').Request<C>} ChannelRequest */
/** @template {ChannelName} C @typedef {import('../../shared/contract/index.ts').Response<C>} ChannelResponse */
/** @template T @typedef {import('../../shared/contract/index.ts').IpcResult<T>} ChannelResult */
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

  /** @param {string} message @returns {{ ok: false, error: { code: 'INTERNAL', message: string } }} */
  const refused = (message) => ({ ok: false, error: { code: 'INTERNAL', message } });

  /**
   * @template {ChannelName} C
   * @param {C} channel
   * @param {ChannelRequest<C>} args
   * @returns {Promise<ChannelResult<ChannelResponse<C>>>}
   */
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
    // The dispatcher's envelope, already checked against the contract on the harness's side.
    return /** @type {ChannelResult<ChannelResponse<C>>} */ (await response.json());
  }

  // One stream for all events, opened on the first listener. The cookie set with the page carries
  // the token (EventSource cannot send headers).
  /** @type {EventSource | null} */
  let source = null;
  /** @type {CustodyClient['on']} */
  function on(event, listener) {
    const events = (source ??= new EventSource('/events'));
    /** @param {MessageEvent<string>} message */
    const handler = (message) => {
      let payload;
      try {
        payload = JSON.parse(message.data);
      } catch {
        return;
      }
      listener(payload);
    };
    events.addEventListener(event, handler);
    return () => events.removeEventListener(event, handler);
  }

  /** @type {CustodyClient} */
  const client = Object.freeze({ invoke, on, previewBase: `${location.origin}/preview/` });
  Object.defineProperty(window, 'custody', { value: client, enumerable: true });
})();
