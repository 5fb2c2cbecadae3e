import { StrictMode } from 'react';
import { IntlProvider } from 'react-intl';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/App.tsx';
import './app/theme.css';
import './app/layout.css';

// The CSP forbids eval: tell zod not to probe for it (the probe itself is a CSP violation).
z.config({ jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    {/* English from the messages' own defaults until the catalogs land (issue 16). */}
    <IntlProvider locale="en" defaultLocale="en">
      <App />
    </IntlProvider>
  </StrictMode>,
);
