/**
 * "Share this": the Web Share API where the browser has it; always a copy-link button and plain
 * share links (email, X, Facebook, LinkedIn, WhatsApp). No third-party script is ever loaded.
 */
import { useCopy } from '../lib/useCopy';

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

export function ShareThis({ title, url }: { title: string; url: string }) {
  const { copied, copy } = useCopy();
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';

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
        <button type="button" className="button button--secondary" onClick={() => void copy(url)}>
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
