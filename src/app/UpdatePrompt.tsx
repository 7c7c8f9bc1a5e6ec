import { useEffect, useState } from 'react';
import { registerServiceWorker, type ApplyUpdate } from './service-worker';

/** "A new version is available: Reload" — shown politely; reloads only when asked. */
export function UpdatePrompt() {
  const [apply, setApply] = useState<ApplyUpdate | null>(null);
  useEffect(() => {
    registerServiceWorker((fn) => setApply(() => fn));
  }, []);
  return (
    <div role="status" className={apply ? 'update-prompt' : undefined}>
      {apply && (
        <div className="container update-prompt__inner">
          <p>A new version of this site is available.</p>
          <button type="button" className="button" onClick={apply}>
            Reload
          </button>
        </div>
      )}
    </div>
  );
}
