/** The lists: latest news and events; and Subscribe, the feeds of them. */
export { AreaNewsPage, NewsListPage, OlderNewsPage } from './NewsListPage';
export { EventsPage } from './EventsPage';
export { nextSplitChange } from './group';
export { SubscribePage } from './SubscribePage';
