import { Route, Routes } from 'react-router';
import { ArticlePage } from '../article';
import { EventsPage, NewsListPage } from '../news';
import { NotFoundPage } from '../ui/NotFoundPage';
import { Layout } from './Layout';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<NewsListPage />} />
        <Route path="events" element={<EventsPage />} />
        <Route path="news/:slug" element={<ArticlePage />} />
        <Route path="events/:slug" element={<ArticlePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
