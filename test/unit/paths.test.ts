import { matchPath } from 'react-router';
import { describe, expect, it } from 'vitest';
import { canonicalUrl, feedFiles, isArchiveYear, isItemPath, SEARCH_INDEX_FILE, itemHref, listHref, paths, samePage, shareImageHref } from '../../src/config/paths';

// Addresses are a public contract (README: they keep working, and people share them): they are
// spelled out here, once, so that every other test may build them with src/config/paths.ts.
describe('The reader’s addresses', () => {
  it('are the ones readers have', () => {
    expect(paths.news.href()).toBe('/');
    expect(paths.events.href()).toBe('/events/');
    expect(paths.release.href('force-praised-for-crime-prevention-work-0fnz0wq')).toBe('/news/force-praised-for-crime-prevention-work-0fnz0wq/');
    expect(paths.event.href('pcso-drop-in-1a2b3c4')).toBe('/events/pcso-drop-in-1a2b3c4/');
    expect(itemHref({ kind: 'news', slug: 'a-0000000' })).toBe('/news/a-0000000/');
    expect(itemHref({ kind: 'event', slug: 'a-0000000' })).toBe('/events/a-0000000/');
    expect(listHref('news')).toBe('/');
    expect(paths.newsPage.href(1)).toBe('/');
    expect(paths.newsPage.href(3)).toBe('/news/page/3/');
    expect(paths.area.href('redcar-cleveland')).toBe('/area/redcar-cleveland/');
    expect(listHref('event')).toBe('/events/');
    expect(shareImageHref('.png')).toBe('/share-image.png');
  });

  it('of search and the archive are the ones readers share', () => {
    expect(paths.search.href()).toBe('/search/');
    expect(paths.search.href(new URLSearchParams())).toBe('/search/');
    expect(paths.search.href(new URLSearchParams({ q: 'anti social', kind: 'news', year: '2018' }))).toBe('/search/?q=anti+social&kind=news&year=2018');
    expect(paths.archive.href()).toBe('/archive/');
    expect(paths.archiveYear.href(2018)).toBe('/news/2018/');
    expect(SEARCH_INDEX_FILE).toBe('/search-index.json');
  });

  it('tell a year of the archive from a release at /news/<segment>/', () => {
    expect(isArchiveYear('2018')).toBe(true);
    expect(matchPath(paths.archiveYear.pattern, paths.archiveYear.href(2018))?.params.slug).toBe('2018');
    for (const segment of ['a-0000000', '2018-0000000', '201', '20180', 'page', undefined]) expect(isArchiveYear(segment), String(segment)).toBe(false);
    expect(isItemPath(paths.archiveYear.href(2018))).toBe(false);
    expect(isItemPath(paths.release.href('2018-0a1b2c3'))).toBe(true);
  });

  it('are canonical on the site file’s address, at its root', () => {
    expect(canonicalUrl(paths.release.href('a-0000000'), 'https://www.cleveland.pcc.police.uk/')).toBe('https://www.cleveland.pcc.police.uk/news/a-0000000/');
    expect(canonicalUrl(paths.news.href(), 'https://fire.example.org')).toBe('https://fire.example.org/');
    expect(canonicalUrl(paths.events.href(), 'https://example.org/some/page')).toBe('https://example.org/events/');
  });

  it('name the calendars the build writes', () => {
    expect(paths.eventCalendar.href('pcso-drop-in-1a2b3c4')).toBe('/calendars/events/pcso-drop-in-1a2b3c4.ics');
    expect(paths.upcomingCalendar.href()).toBe('/calendars/upcoming.ics');
    expect(paths.areaCalendar.href('redcar-cleveland')).toBe('/calendars/area/redcar-cleveland.ics');
    expect(paths.leaveQuickly.href()).toBe('/leave-quickly/');
    expect(paths.subscribe.href()).toBe('/subscribe/');
    expect(paths.whatWeKeep.href()).toBe('/what-we-keep/');
  });

  it('of the files for feed readers and search engines are the ones they are told', () => {
    expect(feedFiles.json()).toBe('/feed.json');
    expect(feedFiles.atom()).toBe('/feed.atom');
    expect(feedFiles.json('redcar-cleveland')).toBe('/feeds/area/redcar-cleveland.json');
    expect(feedFiles.atom('redcar-cleveland')).toBe('/feeds/area/redcar-cleveland.atom');
    expect(feedFiles.sitemap()).toBe('/sitemap.xml');
  });

  it('are each matched by their own route’s pattern, and by no other', () => {
    const built = {
      news: paths.news.href(),
      events: paths.events.href(),
      release: paths.release.href('a-0000000'),
      event: paths.event.href('a-0000000'),
      newsPage: paths.newsPage.href(2),
      area: paths.area.href('stockton'),
      leaveQuickly: paths.leaveQuickly.href(),
      subscribe: paths.subscribe.href(),
      accessibility: paths.accessibility.href(),
      whatWeKeep: paths.whatWeKeep.href(),
      search: paths.search.href(),
      archive: paths.archive.href(),
    };
    for (const [name, href] of Object.entries(built)) {
      for (const other of Object.keys(built) as (keyof typeof built)[]) {
        expect(matchPath(paths[other].pattern, href) !== null, `${href} against ${other}`).toBe(other === name);
      }
    }
    expect(matchPath(paths.release.pattern, paths.release.href('a-0000000'))?.params.slug).toBe('a-0000000');
  });

  it('name the same page with or without the trailing slash, and only the same page', () => {
    expect(samePage('/news/a-0000000/', '/news/a-0000000')).toBe(true);
    expect(samePage('/events', '/events/')).toBe(true);
    expect(samePage('/', '/')).toBe(true);
    expect(samePage('/news/a-0000000/', '/news/a-0000001/')).toBe(false);
    expect(samePage('/events/', '/')).toBe(false);
  });

  it('tell an item’s page from every other page', () => {
    expect(isItemPath(paths.release.href('a-0000000'))).toBe(true);
    expect(isItemPath(paths.event.href('a-0000000'))).toBe(true);
    expect(isItemPath('/news/a-0000000')).toBe(true);
    for (const path of [paths.news.href(), paths.events.href(), '/news', '/news/', '/news/a/b', '/about/a-0000000']) {
      expect(isItemPath(path), path).toBe(false);
    }
  });
});
