/** The lists: latest news and events. */
export { NewsListPage } from './NewsListPage';
export { EventsPage } from './EventsPage';
export { nextSplitChange } from './group';
