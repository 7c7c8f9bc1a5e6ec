/**
 * "Share this": the Web Share API where the browser has it; always a copy-link button and plain
 * share links (email, X, Facebook, LinkedIn, WhatsApp). No third-party script is ever loaded.
 * An island's chunk (./Share.tsx): the links are in the prerendered page and work without script.
 */
import type { useCopy } from '../lib/useCopy';
import { useIsClient } from '../lib/useIsClient';
import { canWebShare } from './Share';

function shareLinks(title: string, url: string): { name: string; href: string }[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return [
    { name: 'Email', href: `mailto:?subject=${t}&body=${encodeURIComponent(`${title}\n\n${url}`)}` },
    { name: 'X', href: `https://x.com/intent/post?text=${t}&url=${u}` },
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { name: 'WhatsApp', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
  ];
}

/** What the copy-link button did last, and how to copy: the app's (./Share.tsx), as Subscribe's copies are. */
type Copying = ReturnType<typeof useCopy>;

export function ShareThis({ title, url, copying: { copied, copy } }: { title: string; url: string; copying: Copying }) {
  // Not while hydrating: the page was rendered without it (./Share.tsx loads this at once where the browser has it).
  const canShare = useIsClient() && canWebShare();

  return (
    <section className="share" aria-labelledby="share-heading">
      <h2 className="heading-m" id="share-heading">
        Share this
      </h2>
      <div className="share__actions">
        {canShare && (
          <button
            type="button"
            className="button"
            aria-label="Share this release"
            onClick={() => {
              navigator.share({ title, url }).catch(() => undefined);
            }}
          >
            Share
          </button>
        )}
        <button type="button" className="button button--secondary share__copy" onClick={() => void copy(url)}>
          Copy link
        </button>
        <span className="share__status" role="status">
          {copied?.state === 'copied' && 'Link copied'}
          {copied?.state === 'failed' && 'Could not copy the link. Copy it from the address bar.'}
        </span>
      </div>
      <ul className="share__links">
        {shareLinks(title, url).map((link) => (
          <li key={link.name}>
            <a href={link.href} rel="noopener noreferrer">
              {link.name === 'Email' ? 'Share by email' : `Share on ${link.name}`}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
