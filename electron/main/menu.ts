// The application menu: Lock (CmdOrCtrl+L) is the on-demand lock of DESIGN §1.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { mainIntl } from './main-intl.ts';
import { menuLabels } from './menu-labels.ts';

export interface MenuActions {
  lock(): void;
}

export function installMenu(actions: MenuActions, devTools: boolean): void {
  const mac = process.platform === 'darwin';
  const words = menuLabels(mainIntl());
  const vault: MenuItemConstructorOptions[] = [
    { id: 'lock', label: words.lock, accelerator: 'CmdOrCtrl+L', click: () => actions.lock() },
  ];
  if (!mac) vault.push({ type: 'separator' }, { role: 'quit' });
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ role: 'appMenu' });
  // Copy and paste in text fields need the edit roles on macOS.
  template.push({ label: words.vault, submenu: vault }, { role: 'editMenu' });
  if (devTools) {
    template.push({
      label: words.develop,
      submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }],
    });
  }
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
