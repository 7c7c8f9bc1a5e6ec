import { Route, Routes } from 'react-router';
import { ArticlePage } from '../article';
import { paths } from '../config/paths';
import { AreaNewsPage, EventsPage, NewsListPage, OlderNewsPage } from '../news';
import { NotFoundPage } from '../ui/NotFoundPage';
import { Layout } from './Layout';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path={paths.news.pattern} element={<NewsListPage />} />
        <Route path={paths.newsPage.pattern} element={<OlderNewsPage />} />
        <Route path={paths.area.pattern} element={<AreaNewsPage />} />
        <Route path={paths.events.pattern} element={<EventsPage />} />
        <Route path={paths.release.pattern} element={<ArticlePage />} />
        <Route path={paths.event.pattern} element={<ArticlePage />} />
        <Route path={paths.notFound.pattern} element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
