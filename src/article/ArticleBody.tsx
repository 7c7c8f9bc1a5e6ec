/**
 * The release body: sanitised content_html (or content_text as paragraphs). Footnote markers
 * and notes are linked both ways; following one moves focus and scroll to its target (the
 * release's content does that, in ./ArticlePage.tsx, for a body the page already had too).
 * The sanitising is body-html.ts's; this only shows the result.
 */
import type { Item } from '../feed';
import { Loading } from '../ui/Loading';
import { useBodyHtml } from './body-html';

function textParagraphs(text: string): string[][] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map((line) => line.trim()))
    .filter((lines) => lines.some((l) => l !== ''));
}

export function ArticleBody({ item, source }: { item: Item; source: string | null }) {
  const body = useBodyHtml(item, source);
  if (body === undefined) return <Loading label="Loading the release…" lines={8} />;
  if (body !== null) {
    return <div className="prose" dir="auto" data-source={body.source} dangerouslySetInnerHTML={{ __html: body.html }} />;
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
