import { Route, Routes } from 'react-router';
import { ArticlePage } from '../article';
import { paths } from '../config/paths';
import { NotFoundPage } from '../ui/NotFoundPage';
import { Layout } from './Layout';
import { LeaveQuicklyRoute } from './leave-quickly';
import { quickExitUrl } from '../lib/quick-exit';
import { AboutRoute, ListRoute } from './lists';
import { ArchiveRoute, ReleaseOrYear, SearchRoute } from './search';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path={paths.news.pattern} element={<ListRoute page="NewsListPage" heading="Latest news" />} />
        <Route path={paths.newsPage.pattern} element={<ListRoute page="OlderNewsPage" heading="Latest news" />} />
        <Route path={paths.area.pattern} element={<ListRoute page="AreaNewsPage" heading="Latest news" />} />
        <Route path={paths.events.pattern} element={<ListRoute page="EventsPage" heading="Events" />} />
        <Route path={paths.release.pattern} element={<ReleaseOrYear />} />
        <Route path={paths.event.pattern} element={<ArticlePage />} />
        <Route path={paths.search.pattern} element={<SearchRoute />} />
        <Route path={paths.archive.pattern} element={<ArchiveRoute />} />
        <Route path={paths.subscribe.pattern} element={<ListRoute page="SubscribePage" heading="Subscribe" />} />
        <Route path={paths.accessibility.pattern} element={<AboutRoute page="AccessibilityPage" heading="Accessibility statement" />} />
        <Route path={paths.whatWeKeep.pattern} element={<AboutRoute page="StoragePage" heading="What this site keeps on your device" />} />
        {quickExitUrl() ? <Route path={paths.leaveQuickly.pattern} element={<LeaveQuicklyRoute />} /> : null}
        <Route path={paths.notFound.pattern} element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
