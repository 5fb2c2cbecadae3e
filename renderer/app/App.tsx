// The shell: a top bar, and either the vault gate (create, unlock) or the workspace. While the vault
// is not unlocked, the workspace is not rendered at all.
import { useEffect, useState } from 'react';
import { useVault, listenForLock } from '../features/vault/vault.store.ts';
import { VaultGate } from '../features/vault/VaultGate.tsx';
import { TopBar } from './TopBar.tsx';
import { Workspace } from './Workspace.tsx';
import { ShortcutsOverlay } from './ShortcutsOverlay.tsx';
import { useShortcut } from '../base/use-shortcut.ts';
import { useRoute } from '../base/route.store.ts';

export function App() {
  const status = useVault((s) => s.status);
  const [helpOpen, setHelpOpen] = useState(false);

  useEffect(() => {
    const unsubscribe = listenForLock();
    void useVault.getState().refresh();
    return unsubscribe;
  }, []);

  useShortcut('lock', () => void useVault.getState().lock(), status === 'unlocked');
  useShortcut('help', () => setHelpOpen(true));
  const openSettings = () => {
    if (useRoute.getState().route.name !== 'settings') useRoute.getState().go({ name: 'settings' });
  };
  useShortcut('settings', openSettings, status === 'unlocked');

  return (
    <div className="app">
      <TopBar status={status} onHelp={() => setHelpOpen(true)} onSettings={openSettings} />
      <main className="main" id="main">
        {status === 'unlocked' ? <Workspace /> : <VaultGate status={status} />}
      </main>
      {helpOpen && <ShortcutsOverlay onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
