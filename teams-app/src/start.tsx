import { createRoot } from 'react-dom/client';
import { connectTeams, notifyLoaded } from './host/teams.ts';
import { TabApp, type TabPage } from './TabApp.tsx';

/** Connects to Teams (or finds no host), then draws the page. */
export function start(page: TabPage): void {
  void connectTeams().then((host) => {
    createRoot(document.getElementById('root') as HTMLElement).render(
      <TabApp host={host} page={page} />,
    );
    notifyLoaded();
  });
}
