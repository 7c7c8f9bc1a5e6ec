import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSources } from '../../build/sources/index.ts';
import { CORPUS, fakeFetch, siteFor } from './sources-support.ts';

describe('RSS 2.0 from WordPress', () => {
  it('keeps CDATA HTML as content_html, decodes entities in titles and links, reads RFC 822 dates and dc:creator', async () => {
    const { feed, problems } = await readSources(siteFor(join(CORPUS, 'wordpress-appsemble-rss.xml')));
    expect(feed.items.map((i) => i.id)).toEqual(['https://appsemble.com/?p=1190', 'https://appsemble.com/?p=1147']);
    const [first, second] = feed.items;
    expect(first?.content_html).toBe('<h2><strong>Wat is low-code?</strong></h2>');
    // description is the summary, as text, when content:encoded holds the body
    expect(first?.summary).toBe('Wat is low-code?');
    expect(first?.date_published).toBe('2019-07-05T11:15:23+01:00');
    expect(first?.authors).toEqual([{ name: 'Appsemble' }]);
    expect(first?.url).toBe('https://appsemble.com/low-code/?utm_source=rss&utm_medium=rss&utm_campaign=low-code');
    expect(first?.tags).toEqual(['Informatie']);
    expect(second?.title).toBe('Laatste nieuws – Juni');
    expect(problems).toEqual([]);
  });

  it('uses description as content_html when there is no content:encoded, and entities decode in titles', async () => {
    const { feed } = await readSources(siteFor(join(CORPUS, 'wordpress-dieworkwear-rss.xml')));
    expect(feed.items[0]?.title).toBe('The Best of This Season’s Sales');
    expect(feed.items[0]?.summary).toBeUndefined();
    expect(feed.items[0]?.content_html).toContain('<p>I envy people who aren&#8217;t interested');
    expect(feed.items[1]?.content_html).toContain('Free &#38; Easy');
    expect(feed.items[0]?.date_published).toBe('2023-07-01T02:21:44+01:00');
  });

  it('resolves relative links against the page and maps categories to areas (trimmed, any case); enclosures become the image', async () => {
    const rss = `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
      <item><title>One</title><link>/news/one</link><guid isPermaLink="false">1</guid><pubDate>Tue, 13 Nov 2018 14:00:00 GMT</pubDate>
      <category> middlesbrough </category><category>Hartlepool</category><category>Crime</category>
      <enclosure url="/img/one.jpg" type="image/jpeg" length="100"/><enclosure url="/a.mp3" type="audio/mpeg" length="2000"/></item>
      <item><title>Two</title><guid>2</guid><media:content url="https://cdn.example.org/two.png" type="image/png"/></item></channel></rss>`;
    const { fetch } = fakeFetch({ 'https://news.example.org/feed/': rss });
    const { feed } = await readSources(siteFor('https://news.example.org/feed/'), { fetch });
    const one = feed.items.find((i) => i.id === '1');
    expect(one?.url).toBe('https://news.example.org/news/one');
    expect(one?._bulletin?.areas).toEqual(['middlesbrough', 'hartlepool']);
    expect(one?.tags).toEqual(['Crime']);
    expect(one?.image).toBe('https://news.example.org/img/one.jpg');
    expect(one?.attachments).toEqual([{ url: 'https://news.example.org/a.mp3', mime_type: 'audio/mpeg', size_in_bytes: 2000 }]);
    expect(feed.items.find((i) => i.id === '2')?.image).toBe('https://cdn.example.org/two.png');
  });

  it('reads a date without a zone in the site zone and says so; an unreadable date is dropped with a fix', async () => {
    const rss = `<rss version="2.0"><channel><title>T</title>
      <item><title>Summer</title><guid>s</guid><pubDate>29 May 2027 14:00:00</pubDate></item>
      <item><title>Bad</title><guid>b</guid><pubDate>yesterday</pubDate></item></channel></rss>`;
    const { fetch } = fakeFetch({ 'https://x.example/rss': rss });
    const { feed, problems } = await readSources(siteFor('https://x.example/rss'), { fetch });
    expect(feed.items.find((i) => i.id === 's')?.date_published).toBe('2027-05-29T14:00:00+01:00');
    expect(Date.parse(feed.items.find((i) => i.id === 's')?.date_published ?? '')).toBe(Date.UTC(2027, 4, 29, 13));
    expect(feed.items.find((i) => i.id === 'b')?.date_published).toBeUndefined();
    expect(problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ item: 'Summer', field: 'pubDate', message: expect.stringContaining('no time zone') }),
      expect.objectContaining({ item: 'Bad', field: 'pubDate', message: expect.stringContaining('"yesterday" is not a date'), fix: expect.stringContaining('2018-03-22T10:00:00Z') }),
    ]));
  });

  it('skips an item with no guid and no link, and one with no title and no content, saying why', async () => {
    const rss = `<rss version="2.0"><channel><title>T</title><item><title>No id</title></item><item><guid>e</guid></item><item><title>Fine</title><guid>f</guid></item></channel></rss>`;
    const { fetch } = fakeFetch({ 'https://x.example/rss': rss });
    const { feed, problems, stats } = await readSources(siteFor('https://x.example/rss'), { fetch });
    expect(feed.items.map((i) => i.id)).toEqual(['f']);
    expect(stats).toMatchObject({ read: 1, skipped: 2 });
    expect(problems.filter((p) => p.level === 'error').map((p) => p.item)).toEqual(['No id', 'e']);
  });

  it('reads RSS 1.0 (RDF)', async () => {
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://r.example/"><title>R</title><link>https://r.example/</link><description>d</description></channel>
      <item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link><description>Body</description><dc:date>2018-03-22T10:00:00Z</dc:date></item></rdf:RDF>`;
    const { fetch } = fakeFetch({ 'https://r.example/rss': rdf });
    const { feed } = await readSources(siteFor('https://r.example/rss'), { fetch });
    expect(feed.items).toEqual([expect.objectContaining({ id: 'https://r.example/1', title: 'One', date_published: '2018-03-22T10:00:00+00:00' })]);
  });
});

describe('Atom 1.0', () => {
  it('resolves links with xml:base (feed, entry and relative), reduces html titles to text, keeps xhtml content as HTML', async () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example.org/blog/">
      <title type="html">News &amp;lt;b&amp;gt;here&amp;lt;/b&amp;gt;</title><link rel="alternate" href="./"/>
      <entry xml:base="2018/"><id>tag:news.example.org,2018:1</id><title type="html">A &amp;amp; B &lt;em&gt;now&lt;/em&gt;</title>
        <link rel="alternate" type="text/html" href="one.html"/><link rel="enclosure" type="image/jpeg" href="/img/one.jpg"/>
        <summary>Short</summary><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <a href="../about.html?a=1&amp;b=2">about</a> <a href="#note-1">*</a> <img src='/img/x.png' alt=""/> <a href="https://elsewhere.example/">x</a></p></div></content>
        <published>2018-11-13T14:00:00Z</published><updated>2018-11-14T09:00:00+00:00</updated>
        <author><name>Press office</name><uri>/press</uri></author>
        <category term="middlesbrough" label="Middlesbrough"/><category term="crime" label="Crime"/></entry>
      <entry><id>2</id><title>Plain</title><content type="text">Text &amp; more</content><updated>2018-11-12T09:00:00Z</updated></entry></feed>`;
    const { fetch } = fakeFetch({ 'https://news.example.org/atom.xml': atom });
    const { feed } = await readSources(siteFor('https://news.example.org/atom.xml'), { fetch });
    const [one, two] = feed.items;
    expect(one).toMatchObject({
      id: 'tag:news.example.org,2018:1', title: 'A & B now', url: 'https://news.example.org/blog/2018/one.html',
      image: 'https://news.example.org/img/one.jpg', summary: 'Short',
      content_html: '<p>Hi <a href="https://news.example.org/blog/about.html?a=1&amp;b=2">about</a> <a href="#note-1">*</a> <img src="https://news.example.org/img/x.png" alt=""/> <a href="https://elsewhere.example/">x</a></p>',
      date_published: '2018-11-13T14:00:00+00:00', date_modified: '2018-11-14T09:00:00+00:00',
      authors: [{ name: 'Press office', url: 'https://news.example.org/press' }], tags: ['Crime'],
      _bulletin: { kind: 'news', areas: ['middlesbrough'] },
    });
    expect(two).toMatchObject({ id: '2', content_text: 'Text & more', date_published: '2018-11-12T09:00:00+00:00' });
  });

  it('reads a real Movable Type Atom feed with xml:base on its content', async () => {
    const { feed, stats } = await readSources(siteFor(join(CORPUS, 'feedparser-movabletype-atom-xml-base.xml')));
    expect(stats.read).toBeGreaterThan(5);
    expect(feed.items[0]?.url).toMatch(/^http:\/\/touchnokia\.ru\/2009\//);
    expect(feed.items[0]?.content_html).toContain('<h2>');
    expect(feed.items.every((i) => !i.title?.includes('<'))).toBe(true);
  });

  it('resolves RSS relative links with xml:base (a real gofeed fixture), and reports an Atom entry with no id', async () => {
    const rss = await readSources(siteFor(join(CORPUS, 'gofeed-rss-xml-base.xml')));
    expect(rss.feed.items).toEqual([expect.objectContaining({ id: 'http://example.org/feeds/post/1', url: 'http://example.org/feeds/post/1', title: 'i' })]);
    const atom = await readSources(siteFor(join(CORPUS, 'gofeed-atom-author-uri-base.xml')));
    expect(atom.stats.skipped).toBe(1);
    expect(atom.problems[0]).toMatchObject({ level: 'error', field: 'id', message: expect.stringContaining('no id'), fix: 'write <id>a-unique-id</id>' });
  });
});
