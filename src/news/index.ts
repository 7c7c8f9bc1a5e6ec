/** The lists: latest news and events. */
export { AreaNewsPage, NewsListPage, OlderNewsPage } from './NewsListPage';
export { EventsPage } from './EventsPage';
export { nextSplitChange } from './group';
