import { Link } from './Link';
import { paths } from '../config/paths';
import { PageHeading } from './PageHeading';
import { useDocumentTitle } from './useDocumentTitle';

export function NotFoundPage({ what = 'page' }: { what?: 'page' | 'release' }) {
  useDocumentTitle('Page not found', null);
  return (
    <div className="problem">
      <PageHeading>{what === 'release' ? 'We can’t find that release' : 'Page not found'}</PageHeading>
      <p>
        {what === 'release'
          ? 'It may have been removed from the news feed, or the address may be wrong.'
          : 'If you typed the web address, check it is correct. If you pasted it, check you copied all of it.'}
      </p>
      <p>
        <Link to={paths.news.href()}>Go to the latest news</Link>
      </p>
    </div>
  );
}
