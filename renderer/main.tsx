import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installUnsavedGuard } from './components/unsaved-changes';
import { listenForOpenedBundles } from './features/bundles/opened-bundle';
import './styles.css';
import './styles/registers.css';
import './styles/charts.css';
import './styles/screens.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

installUnsavedGuard();
// Before the first render: a .jwpb the desktop app was started with is waiting in the preload.
listenForOpenedBundles(Reflect.get(window, 'pamoja'));
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
