import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { readPrerenderedBody, readPrerenderedContent, sourceOf } from '../../src/article';
import { canonicalUrl, paths } from '../../src/config/paths';
import { SITE_URL } from '../support/seed';
import { embeddedFeed, embeddedRoutes, FEED_URL, memoryStorage, ORIGIN, renderApp, SEED, SITE } from '../support/render-app';

function feedWith(items: unknown[], extra: Record<string, unknown> = {}) {
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Test newsroom', items, ...extra });
}

describe('The seed release', () => {
  it('shows every part of the release faithfully', async () => {
    renderApp({ path: SEED.path });
    const h1 = await screen.findByRole('heading', { level: 1, name: SEED.title });
    expect(h1).toBeInTheDocument();
    // The title is set in an effect once the feed is in: waited for, not read at once.
    await waitFor(() => expect(document.title).toBe(`${SEED.title} | ${SITE}`));
    // The content under the heading is a chunk of its own (src/article/ReleaseContent.tsx).
    expect(await screen.findByText(/^Posted on/)).toHaveTextContent(SEED.posted);
    expect(screen.queryByText(/^Updated on/)).not.toBeInTheDocument();

    // The quoted section: figure > blockquote + figcaption naming the speaker.
    const figure = await screen.findByRole('figure');
    expect(within(figure).getByText(/I am delighted that Her Majesty’s Inspectorate/)).toBeInTheDocument();
    expect(figure.querySelector('blockquote')).not.toBeNull();
    expect(figure.querySelector('figcaption')).toHaveTextContent(SEED.quoteBy);

    // The findings list follows its lead-in.
    const leadIn = screen.getByText('In addition, HMICFRS concluded that since its last inspection in 2016, the Force:');
    const list = leadIn.nextElementSibling as HTMLElement;
    expect(list.tagName).toBe('UL');
    expect(within(list).getAllByRole('listitem')).toHaveLength(8);
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent(SEED.firstFinding);

    expect(screen.getByText('Powered by Bulletin')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Share this' })).toBeInTheDocument();
  });

  it('ends, for print, with when it was published and its canonical address on the site file’s url', async () => {
    renderApp({ path: SEED.path });
    const address = await screen.findByText(`This page: ${canonicalUrl(SEED.path, SITE_URL)}`);
    const footer = address.closest('footer');
    expect(footer).toHaveClass('print-only');
    expect(within(footer as HTMLElement).getByText(/^Published on/)).toHaveTextContent(SEED.printedDate);
    expect(footer?.querySelector('time')?.getAttribute('datetime')).toBe(new Date(SEED.published).toISOString());
    expect(footer?.nextElementSibling, 'nothing of the release after it').toBeNull();
  });

  it('links the footnote marker and the note both ways, moving focus to each target', async () => {
    const { user } = renderApp({ path: SEED.path });
    const marker = await screen.findByRole('link', { name: SEED.footnote.marker });
    const note = document.getElementById(marker.getAttribute('href')?.slice(1) ?? '');
    expect(note).toHaveTextContent(SEED.footnote.note);
    expect(note?.tagName).toBe('ASIDE');
    await user.click(marker);
    expect(note).toHaveFocus();
    const back = within(note as HTMLElement).getByRole('link', { name: 'Back to the text at footnote *' });
    expect(back.getAttribute('href')).toBe(`#${marker.id}`);
    back.focus();
    await user.keyboard('{Enter}');
    expect(marker).toHaveFocus();
  });

  it('namespaces ids from the feed so they cannot clobber the page', async () => {
    renderApp({ path: SEED.path });
    const marker = await screen.findByRole('link', { name: SEED.footnote.marker });
    expect(marker.id).toBe('content-note-1-ref');
    expect(document.getElementById('note-1')).toBeNull();
  });
});

describe('A release prerendered at build time', () => {
  const seedHtml = (JSON.parse(embeddedFeed.page1) as { items: { content_html?: string }[] }).items[0]?.content_html ?? '';
  /** A page as the build leaves it: the body, sanitised then, marked with what it was made from. */
  function prerenderedPage(source: string, body: string): HTMLElement {
    const root = document.createElement('div');
    root.innerHTML = `<main><div class="prose" data-source="${source}">${body}</div></main>`;
    return root;
  }
  it('finds no prerendered body on a page without one', () => {
    expect(readPrerenderedBody(document.createElement('div'))).toBeNull();
  });

  it('keeps its body as it stands while the live feed has the same content_html', async () => {
    const prerendered = readPrerenderedBody(prerenderedPage(sourceOf(seedHtml), '<p>The body as the build sanitised it.</p>'));
    expect(prerendered).toEqual({ source: sourceOf(seedHtml), html: '<p>The body as the build sanitised it.</p>' });
    renderApp({ path: SEED.path, body: { prerendered } });
    await screen.findByRole('heading', { level: 1, name: SEED.title });
    expect(screen.getByText('The body as the build sanitised it.')).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });

  it('sanitises the live content_html when the feed has changed since the build', async () => {
    const prerendered = readPrerenderedBody(prerenderedPage(sourceOf(`${seedHtml}<p>An older version.</p>`), '<p>The body as the build sanitised it.</p>'));
    renderApp({ path: SEED.path, body: { prerendered } });
    const figure = await screen.findByRole('figure');
    expect(figure.querySelector('figcaption')).toHaveTextContent('Barry Coppinger');
    expect(screen.queryByText('The body as the build sanitised it.')).not.toBeInTheDocument();
  });

  it('never adopts hostile markup from the feed: only the page’s own body, and only for the same source', async () => {
    const hostile = '<p>Hi</p><img src=x onerror="alert(1)"><script>alert(2)</script>';
    const routes = embeddedRoutes();
    routes[FEED_URL] = feedWith([{ id: 'x', title: 'Hostile', content_html: hostile, date_published: '2026-11-20T10:00:00Z' }]);
    const prerendered = readPrerenderedBody(prerenderedPage('0000000-0', '<p>Unrelated.</p>'));
    const { user } = renderApp({ path: paths.news.href(), routes, body: { prerendered } });
    await user.click(await screen.findByRole('link', { name: 'Hostile' }));
    const body = (await screen.findByText('Hi')).closest('.prose') as HTMLElement;
    expect(body.innerHTML).not.toMatch(/onerror|<script/);
    expect(body.dataset.source).toBe(sourceOf(hostile));
    expect(screen.queryByText('Unrelated.')).not.toBeInTheDocument();
  });
});

describe('A release’s content prerendered at build time', () => {
  /** The seed release's content as rendered (the build renders it the same way), read as the start-up path reads it. */
  async function contentAsBuilt(routes = embeddedRoutes()) {
    const { container, unmount } = renderApp({ path: SEED.path, routes });
    await screen.findByRole('figure');
    const content = readPrerenderedContent(container);
    unmount();
    if (!content) throw new Error('The release has no content marked with what it was made from');
    return content;
  }
  const MARKER = '<p>The content as the build wrote it.</p>';

  it('is adopted as it stands while the feed has what it was made from', async () => {
    const built = await contentAsBuilt();
    expect(built.slug).toBe(SEED.path.split('/')[2]);
    renderApp({ path: SEED.path, body: { content: { ...built, html: MARKER } } });
    expect(await screen.findByText('The content as the build wrote it.')).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
    expect(screen.queryByText(/^Posted on/)).not.toBeInTheDocument();
  });

  it('is rendered from the feed once the feed has changed since the build, a date as much as the body', async () => {
    const built = await contentAsBuilt();
    const routes = embeddedRoutes();
    const feed = JSON.parse(embeddedFeed.page1) as { items: Record<string, unknown>[] };
    const seed = feed.items[0] as Record<string, unknown>;
    seed.date_modified = '2026-11-20T10:00:00Z';
    routes[FEED_URL] = JSON.stringify(feed);
    renderApp({ path: SEED.path, routes, body: { content: { ...built, html: MARKER } } });
    expect(await screen.findByText(/^Updated on/)).toHaveTextContent('Updated on Friday 20th November 2026');
    expect(screen.getByRole('figure')).toBeInTheDocument();
    expect(screen.queryByText('The content as the build wrote it.')).not.toBeInTheDocument();
  });

  it('is never adopted for another release, nor from markup the build did not mark', async () => {
    const built = await contentAsBuilt();
    const { user } = renderApp({ path: paths.news.href(), body: { content: { ...built, slug: 'another-1234567', html: MARKER } } });
    await user.click(await screen.findByRole('link', { name: SEED.title }));
    expect(await screen.findByRole('figure')).toBeInTheDocument();
    expect(screen.queryByText('The content as the build wrote it.')).not.toBeInTheDocument();
    const unmarked = document.createElement('div');
    unmarked.innerHTML = `<div class="article__content" data-slug="${built.slug}">${MARKER}</div>`;
    expect(readPrerenderedContent(unmarked)).toBeNull();
  });

  it('follows a footnote in adopted content as in rendered content: focus moves to the note and back', async () => {
    const built = await contentAsBuilt();
    const { user } = renderApp({ path: SEED.path, body: { content: built } });
    const marker = await screen.findByRole('link', { name: SEED.footnote.marker });
    await user.click(marker);
    const note = document.getElementById(marker.getAttribute('href')?.slice(1) ?? '');
    expect(note).not.toBeNull();
    expect(note).toHaveFocus();
  });
});

describe('Sharing', () => {
  // The site file gives the site's address: a release shares its canonical address, not the one it was opened at.
  const SHARED = canonicalUrl(SEED.path, SITE_URL);

  it('copies the link and says so', async () => {
    const { user } = renderApp({ path: SEED.path });
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(await screen.findByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(SHARED);
    expect(SHARED.startsWith(ORIGIN)).toBe(false);
    expect(await screen.findByText('Link copied')).toBeVisible();
    expect(screen.getByText('Link copied').closest('[role="status"]')).not.toBeNull();
  });

  it('offers plain share links with the canonical address and no Share button without the Web Share API', async () => {
    renderApp({ path: SEED.path });
    await screen.findByRole('heading', { name: 'Share this' });
    const encoded = encodeURIComponent(SHARED);
    for (const name of ['Share on X', 'Share on Facebook', 'Share on LinkedIn', 'Share on WhatsApp', 'Share by email']) {
      const link = screen.getByRole('link', { name });
      expect(link.getAttribute('href')).toContain(encoded);
    }
    expect(screen.getByRole('link', { name: 'Share by email' }).getAttribute('href')).toMatch(/^mailto:/);
    expect(screen.queryByRole('button', { name: /^Share/ })).not.toBeInTheDocument();
  });

  it('uses the Web Share API where the browser has it', async () => {
    const share = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    try {
      const { user } = renderApp({ path: SEED.path });
      await user.click(await screen.findByRole('button', { name: 'Share this release' }));
      expect(share).toHaveBeenCalledWith({ title: SEED.title, url: SHARED });
    } finally {
      Reflect.deleteProperty(navigator, 'share');
    }
  });
});

describe('Finding a release by its address', () => {
  it('fetches older pages to find an item that lives on a later page', async () => {
    const page2 = JSON.parse(embeddedFeed.page2) as { items: { id: string; title: string }[] };
    const item = page2.items.find((i) => i.id === '2017-06-06-port-clarence-neighbourhood-watch');
    expect(item).toBeDefined();
    // Find its address the way a reader would: from the list after "Older news".
    const first = renderApp();
    await first.user.click(await screen.findByRole('button', { name: 'Older news' }));
    const href = (await screen.findByRole('link', { name: item?.title ?? '' })).getAttribute('href') ?? '';
    first.unmount();

    const { network } = renderApp({ path: href });
    expect(await screen.findByRole('heading', { level: 1, name: item?.title ?? '' })).toBeInTheDocument();
    expect(network.calls).toEqual([FEED_URL, `${ORIGIN}/feed-2.json`]);
  });

  it('redirects an address whose headline words changed to the item’s current address', async () => {
    renderApp({ path: paths.release.href('an-old-headline-0fnz0wq') });
    expect(await screen.findByRole('heading', { level: 1, name: SEED.title })).toBeInTheDocument();
  });

  it('shows a not-found page for an unknown item after reading every page', async () => {
    const { network } = renderApp({ path: paths.release.href('nothing-here-zzzzzzz') });
    expect(await screen.findByRole('heading', { level: 1, name: 'We can’t find that release' })).toBeInTheDocument();
    expect(network.calls).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Go to the latest news' })).toHaveAttribute('href', paths.news.href());
  });

  it('shows a not-found page for an unknown address', async () => {
    renderApp({ path: '/no/such/page' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });

  it('stops following a next_url loop', async () => {
    const routes = {
      [FEED_URL]: feedWith([{ id: 'a', title: 'A', content_text: 'a' }], { next_url: 'feed-b.json' }),
      [`${ORIGIN}/feed-b.json`]: feedWith([{ id: 'b', title: 'B', content_text: 'b' }], { next_url: '/feed.json' }),
    };
    const { network } = renderApp({ path: paths.release.href('missing-zzzzzzz'), routes });
    expect(await screen.findByRole('heading', { level: 1, name: 'We can’t find that release' })).toBeInTheDocument();
    expect(network.calls).toEqual([FEED_URL, `${ORIGIN}/feed-b.json`]);
  });
});

describe('Article details', () => {
  const item = {
    id: 'x1',
    title: 'Summer patrols',
    content_text: 'First paragraph.\n\nSecond paragraph,\nwith a line break.',
    date_published: '2018-07-14T23:30:00Z',
    date_modified: '2018-07-20T09:00:00+01:00',
    image: 'https://images.example/p.jpg',
    _bulletin: { kind: 'news', areas: ['hartlepool'] },
  };
  const areas = { _bulletin: { areas: [{ id: 'hartlepool', name: 'Hartlepool', postcodes: ['TS24'] }] } };

  it('renders content_text as paragraphs and says when it was updated', async () => {
    const list = renderApp({ routes: { [FEED_URL]: feedWith([item], areas) } });
    await list.user.click(await screen.findByRole('link', { name: 'Summer patrols' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Summer patrols' })).toBeInTheDocument();
    expect(screen.getByText(/^Posted on/)).toHaveTextContent('Posted on Sunday 15th July 2018');
    expect(screen.getByText(/^Updated on/)).toHaveTextContent('Updated on Friday 20th July 2018');
    expect(screen.getByText('First paragraph.').closest('p')?.textContent).toBe('First paragraph.');
    expect(screen.getByText(/Second paragraph,/).closest('p')?.querySelector('br')).not.toBeNull();
    expect(screen.getByText('Hartlepool')).toBeInTheDocument();
    expect(document.querySelector('img')?.getAttribute('alt')).toBe('');
  });

  it('says a date is unknown rather than showing a wrong one', async () => {
    const bad = { ...item, id: 'x2', title: 'Bad date', date_published: 'Fri, 31 May 2019 12:17:58 -0700', date_modified: undefined };
    const list = renderApp({ routes: { [FEED_URL]: feedWith([bad]) } });
    await list.user.click(await screen.findByRole('link', { name: 'Bad date' }));
    expect(await screen.findByText(/^Posted on/)).toHaveTextContent('Posted on an unknown date');
  });

  it('removes script, handlers and javascript: links from hostile content_html', async () => {
    const hostile = {
      id: 'h1',
      title: 'Hostile',
      content_html:
        '<p id="main">Safe text<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"><a href="javascript:alert(1)">bad link</a><a href="https://elsewhere.example/">out</a></p><iframe src="https://evil.example"></iframe><form><input name="q"></form>',
    };
    const list = renderApp({ routes: { [FEED_URL]: feedWith([hostile]) } });
    await list.user.click(await screen.findByRole('link', { name: 'Hostile' }));
    const text = await screen.findByText(/Safe text/);
    const prose = text.closest('.prose') as HTMLElement;
    expect(prose.querySelector('script, iframe, form, input')).toBeNull();
    expect(prose.innerHTML).not.toMatch(/onerror|javascript:/i);
    expect(within(prose).getByText('bad link').getAttribute('href')).toBeNull();
    expect(within(prose).getByRole('link', { name: 'out' })).toHaveAttribute('rel', 'noopener noreferrer');
    expect(text.id).toBe('content-main');
    expect(document.getElementById('main')?.tagName).toBe('MAIN');
  });

  it('lists more from the reader’s area', async () => {
    const storage = memoryStorage({
      'bulletin:preferences': JSON.stringify({ version: 1, textSize: 'default', textOnly: false, postcode: 'TS24 8AY' }),
    });
    renderApp({ path: SEED.path, storage, routes: embeddedRoutes() });
    const more = await screen.findByRole('complementary', { name: 'More from Hartlepool' });
    expect(within(more).getByRole('link', { name: 'Hartlepool community safety survey: what residents told us' })).toBeInTheDocument();
  });
});

describe('An event', () => {
  it('shows when and where', async () => {
    const { user } = renderApp({ path: paths.events.href(), now: '2026-11-26T12:00:00Z' });
    await user.click(await screen.findByRole('link', { name: 'Commissioner’s community surgery in Hartlepool' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/Hartlepool/));
    expect(screen.getByText('When').nextElementSibling).toHaveTextContent('Thursday 14th January 2027, 2pm to 4pm');
    expect(screen.getByText('Where').nextElementSibling).toHaveTextContent('TS24 8AY');
  });

  it('has an "Add to calendar" link: a download of its own .ics file', async () => {
    const { user } = renderApp({ path: paths.events.href(), now: '2026-11-26T12:00:00Z' });
    const listed = await screen.findByRole('link', { name: 'Commissioner’s community surgery in Hartlepool' });
    const slug = (listed.getAttribute('href') ?? '').split('/').filter(Boolean).at(-1) ?? '';
    await user.click(listed);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/Hartlepool/));
    const link = screen.getByRole('link', { name: 'Add to calendar' });
    expect(link).toHaveAttribute('href', paths.eventCalendar.href(slug));
    expect(link).toHaveAttribute('download', `${slug}.ics`);
  });

  it('a release has none', async () => {
    renderApp({ path: SEED.path });
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('link', { name: /Add to calendar/ })).toBeNull();
  });
});
