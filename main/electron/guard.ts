import { app, dialog, session, shell, type WebContents } from 'electron';
import { APP_NAME } from '../app-data';
import { navigationDecision } from './trusted-url';

/**
 * One guard for every web contents the app ever creates (the window, a devtools or print
 * preview, anything a future feature opens), installed before any of them exists: no new windows,
 * no navigation away from the app's own page, no <webview>, no permission (camera, location,
 * notifications…) for any page. A web link goes to the system browser only after the user says so.
 */
export function guardEveryWebContents(options: { isPackaged: boolean }): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (navigationDecision(url) === 'offer-external') offerInBrowser(contents, url);
      return { action: 'deny' };
    });
    const onNavigate = (event: { preventDefault(): void; url: string }) => {
      const decision = navigationDecision(event.url);
      if (decision === 'stay') return;
      event.preventDefault();
      if (decision === 'offer-external') offerInBrowser(contents, event.url);
    };
    contents.on('will-navigate', onNavigate);
    contents.on('will-redirect', onNavigate);
    contents.on('will-frame-navigate', (event) => {
      if (navigationDecision(event.url) !== 'stay') event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // Belt and braces with `devTools: false`: nothing opens them in a packaged app.
    if (options.isPackaged) contents.on('devtools-opened', () => contents.closeDevTools());
  });
}

/** Asks before handing a web link to the system browser; anything but http(s) never gets here. */
function offerInBrowser(contents: WebContents, url: string): void {
  dialog
    .showMessageBox({
      type: 'question',
      title: APP_NAME,
      message: 'Open this link in your web browser?',
      detail: url,
      buttons: ['Open in browser', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
    })
    .then(({ response }) => (response === 0 && !contents.isDestroyed() ? shell.openExternal(url) : undefined))
    .catch((error: unknown) => console.error(`Could not open ${url}: ${String(error)}`));
}
