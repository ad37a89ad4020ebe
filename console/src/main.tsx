import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { prefetchInbox } from './inbox/prefetch';
import './styles.css';

// The inbox is where agents land: its chunk and data load beside the session check.
prefetchInbox(window.location, () => import('./pages/inbox-page'));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
