/**
 * Registers the service worker (production builds only) and reports a new version that is
 * waiting. The page is never reloaded under the reader: `apply()` is called only when they
 * press "Reload", and only then does the new worker take over and the page reload.
 */
import { SERVICE_WORKER_FILE } from '../config/paths';

export type ApplyUpdate = () => void;

export function registerServiceWorker(onUpdateReady: (apply: ApplyUpdate) => void): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  let asked = false;
  const offer = (worker: ServiceWorker) =>
    onUpdateReady(() => {
      asked = true;
      worker.postMessage({ type: 'SKIP_WAITING' });
    });

  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (asked) window.location.reload();
  });

  const start = async () => {
    try {
      const registration = await navigator.serviceWorker.register(`${import.meta.env.BASE_URL}${SERVICE_WORKER_FILE}`, {
        scope: import.meta.env.BASE_URL,
      });
      if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          // "installed" with a controller present means an older version is running: a real update.
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
        });
      });
      // Look for a new version when the reader comes back to the tab.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') registration.update().catch(() => undefined);
      });
    } catch {
      // No offline reading in this browser (private mode, blocked): the reader works as before.
    }
  };
  if (document.readyState === 'complete') void start();
  else window.addEventListener('load', () => void start(), { once: true });
}
