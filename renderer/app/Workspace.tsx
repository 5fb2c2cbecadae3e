// What an unlocked vault shows, by route. Issue 4's item view slots in here as another route.
import { useRoute } from './route.store.ts';
import '../features/cases/cases.css';
import { CaseList } from '../features/cases/CaseList.tsx';
import { CaseDetail } from '../features/cases/CaseDetail.tsx';
import { CaseForm } from '../features/cases/CaseForm.tsx';

export function Workspace() {
  const route = useRoute((s) => s.route);
  switch (route.name) {
    case 'cases':
      return <CaseList />;
    case 'case':
      return <CaseDetail key={route.id} id={route.id} />;
    case 'new-case':
      return <CaseForm />;
    case 'edit-case':
      return <CaseForm id={route.id} />;
  }
}
