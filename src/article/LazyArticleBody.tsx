/**
 * The article body and its sanitiser live in a chunk of their own: the list never loads it.
 * Unlike React.lazy, a chunk that has already arrived renders at once, without a loading state,
 * which lets a prerendered release be taken over without a flash (src/main.tsx loads it first).
 */
import { useEffect, useState } from 'react';
import type { Item } from '../feed/types';
import { Loading } from '../ui/Loading';

type BodyModule = typeof import('./ArticleBody');
let loaded: BodyModule | null = null;
let loading: Promise<BodyModule> | null = null;

export function loadArticleBody(): Promise<BodyModule> {
  loading ??= import('./ArticleBody').then((m) => (loaded = m));
  return loading;
}

export function LazyArticleBody({ item }: { item: Item }) {
  const [body, setBody] = useState<BodyModule | null>(loaded);
  useEffect(() => {
    let live = true;
    if (!body) void loadArticleBody().then((m) => live && setBody(m));
    return () => {
      live = false;
    };
  }, [body]);
  if (!body) return <Loading label="Loading the release…" lines={8} />;
  const ArticleBody = body.default;
  return <ArticleBody item={item} />;
}
