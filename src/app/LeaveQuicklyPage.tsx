/**
 * Safety advice for "Leave this site": what it does and does not erase, how to clear the
 * browser's history, and a control that clears this site's own data from the device. A chunk of
 * its own (./leave-quickly.tsx), so no other page pays for it.
 */
import { useState } from 'react';
import { clearSiteData } from './clear-site-data';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function ClearData({ isClient }: { isClient: boolean }) {
  const [state, setState] = useState<'idle' | 'clearing' | 'done' | 'partial'>('idle');
  if (!isClient) {
    return <p>Clearing needs JavaScript. Your browser’s own “Clear browsing data” removes this site’s data too.</p>;
  }
  const clear = () => {
    setState('clearing');
    void clearSiteData().then(({ complete }) => setState(complete ? 'done' : 'partial'));
  };
  return (
    <>
      <button type="button" className="button" onClick={clear} aria-disabled={state === 'clearing' ? 'true' : undefined}>
        Clear this site’s data from this device
      </button>
      <p role="status">
        {state === 'done'
          ? 'Done. This site’s settings, postcode and offline copies have been removed from this device.'
          : state === 'partial'
            ? 'Some of this site’s data could not be removed. Use your browser’s “Clear browsing data” as well.'
            : ''}
      </p>
    </>
  );
}

/**
 * The page below its heading (./leave-quickly.tsx gives the heading and the title). It imports only
 * React and its own module: what it shares with the rest of the app comes as props, so that the
 * bundler leaves the entry chunk whole rather than splitting a common chunk off it.
 */
export function LeaveQuicklyPage({ url, isClient }: { url: string | null; isClient: boolean }) {
  return (
    <>
      <p>
        If someone might see what you are reading, press <strong>Leave this site</strong> at the top of any page, or press the
        Shift key three times. This page is hidden at once and replaced by {url ? hostOf(url) : 'another website'}.
      </p>
      <h2 className="heading-m">What it does not erase</h2>
      <p>
        Leaving quickly does not erase your browser history. Someone using this device could still see that you visited this
        site, in the history, in the address bar’s suggestions, or by holding down the Back button.
      </p>
      <h2 className="heading-m">How to clear your history</h2>
      <ul>
        <li>Chrome, Edge and Firefox on a computer: press Ctrl, Shift and Delete together (Command, Shift and Delete on a Mac) and choose what to clear.</li>
        <li>Safari on an iPhone or iPad: Settings, Apps, Safari, then Clear History and Website Data.</li>
        <li>Chrome on Android: the three dots menu, Delete browsing data.</li>
        <li>A private window (Incognito, InPrivate or Private Browsing) keeps no history once it is closed.</li>
      </ul>
      <h2 className="heading-m">Clear this site’s data</h2>
      <p>
        This site keeps your text size, text only and postcode choices on this device, and copies of the news for reading
        offline. This removes all of them. It does not remove your browser history.
      </p>
      <ClearData isClient={isClient} />
      <h2 className="heading-m">If you are in danger</h2>
      <p>
        Call 999. If you cannot speak, call 999 from a mobile, listen to the questions, then press 55 when asked: the police will
        know it is a real emergency.
      </p>
    </>
  );
}
