import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installUnsavedGuard } from './components/unsaved-changes';
import './styles.css';
import './styles/registers.css';
import './styles/charts.css';
import './styles/screens.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

installUnsavedGuard();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
