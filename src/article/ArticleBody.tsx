/**
 * The release body: sanitised content_html (or content_text as paragraphs). Footnote markers
 * and notes are linked both ways; following one moves focus and scroll to its target.
 * The sanitising is body-html.ts's; this only shows the result.
 */
import type { MouseEvent } from 'react';
import type { Item } from '../feed';
import { Loading } from '../ui/Loading';
import { useBodyHtml } from './body-html';

function textParagraphs(text: string): string[][] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map((line) => line.trim()))
    .filter((lines) => lines.some((l) => l !== ''));
}

/** Moves focus (and scroll) to an in-page target, as a keyboard or screen-reader user needs. */
function followInPageLink(event: MouseEvent<HTMLElement>): void {
  const link = (event.target as Element).closest?.('a[href^="#"]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const id = decodeURIComponent((link.getAttribute('href') ?? '').slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target || !event.currentTarget.contains(target)) return;
  event.preventDefault();
  if (!target.matches('a[href], button, input, select, textarea, [tabindex]')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
}

export function ArticleBody({ item }: { item: Item }) {
  const body = useBodyHtml(item);
  if (body === undefined) return <Loading label="Loading the release…" lines={8} />;
  if (body !== null) {
    return (
      // The click handler only enhances links inside; the links themselves are the controls.
      // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
      <div
        className="prose"
        dir="auto"
        data-source={body.source}
        onClick={followInPageLink}
        dangerouslySetInnerHTML={{ __html: body.html }}
      />
    );
  }
  const text = item.contentText ?? item.summary ?? '';
  return (
    <div className="prose" dir="auto">
      {textParagraphs(text).map((lines, i) => (
        <p key={i}>
          {lines.map((line, j) => (
            <span key={j}>
              {j > 0 && <br />}
              {line}
            </span>
          ))}
        </p>
      ))}
    </div>
  );
}
