// The application menu: Lock (CmdOrCtrl+L) is the on-demand lock of DESIGN §1.
import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  lock(): void;
}

export function installMenu(actions: MenuActions, devTools: boolean): void {
  const mac = process.platform === 'darwin';
  const vault: MenuItemConstructorOptions[] = [
    { id: 'lock', label: 'Lock', accelerator: 'CmdOrCtrl+L', click: () => actions.lock() },
  ];
  if (!mac) vault.push({ type: 'separator' }, { role: 'quit' });
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ role: 'appMenu' });
  // Copy and paste in text fields need the edit roles on macOS.
  template.push({ label: 'Vault', submenu: vault }, { role: 'editMenu' });
  if (devTools) {
    template.push({ label: 'Develop', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] });
  }
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
