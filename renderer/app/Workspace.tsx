// What an unlocked vault shows, by route, and the events it listens to while open: ingest
// progress, and the core's re-veils (with window blur veiling at once).
import { useEffect } from 'react';
import { useRoute } from '../base/route.store.ts';
import '../features/cases/cases.css';
import { CaseList } from '../features/cases/CaseList.tsx';
import { CaseDetail } from '../features/cases/CaseDetail.tsx';
import { CaseForm } from '../features/cases/CaseForm.tsx';
import { ItemView } from '../features/evidence/ItemView.tsx';
import { listenForIngest } from '../features/evidence/ingest.store.ts';
import { PackageScreen } from '../features/packets/PackageScreen.tsx';
import { TimelineScreen } from '../features/timeline/TimelineScreen.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import { LedgerScreen } from '../features/reports/LedgerScreen.tsx';
import { HashListsScreen } from '../features/hashlists/HashListsScreen.tsx';
import { ColleaguesScreen } from '../features/colleagues/ColleaguesScreen.tsx';
import { receiveDrop } from '../features/colleagues/bundle-drop.ts';
import { useSettings } from '../features/settings/settings.store.ts';
import { listenForReveal } from '../features/reveal/reveal.store.ts';

export function Workspace() {
  const route = useRoute((s) => s.route);

  useEffect(() => {
    const stopIngest = listenForIngest();
    const stopReveal = listenForReveal();
    void useSettings.getState().load();
    // A file dropped outside the evidence area must not make the window try to open it.
    const refuseDrop = (event: DragEvent) => event.preventDefault();
    document.addEventListener('dragover', refuseDrop);
    document.addEventListener('drop', refuseDrop);
    document.addEventListener('drop', receiveDrop);
    return () => {
      document.removeEventListener('drop', receiveDrop);
      stopIngest();
      stopReveal();
      document.removeEventListener('dragover', refuseDrop);
      document.removeEventListener('drop', refuseDrop);
    };
  }, []);

  switch (route.name) {
    case 'cases':
      return <CaseList />;
    case 'case':
      return <CaseDetail key={route.id} id={route.id} />;
    case 'new-case':
      return <CaseForm />;
    case 'edit-case':
      return <CaseForm id={route.id} />;
    case 'item':
      return (
        <ItemView
          key={route.caseId}
          caseId={route.caseId}
          itemId={route.itemId}
          line={route.line}
        />
      );
    case 'package':
      return <PackageScreen key={route.caseId} caseId={route.caseId} />;
    case 'timeline':
      return <TimelineScreen key={route.caseId} caseId={route.caseId} />;
    case 'settings':
      return <SettingsScreen />;
    case 'reports':
      return <LedgerScreen />;
    case 'hash-lists':
      return <HashListsScreen />;
    case 'colleagues':
      return <ColleaguesScreen />;
  }
}
