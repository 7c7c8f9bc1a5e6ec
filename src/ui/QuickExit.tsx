/**
 * "Leave this site", straight after the skip link on every page, with a link to the safety advice
 * beside it. A plain link to the exit address (the site file's quickExit.url, given to the build
 * as a define), so it works without script; with script the boot script (src/boot/quick-exit.ts)
 * handles it before React has started: the page is emptied at once and this history entry
 * replaced. Nothing at all when the site file turns it off. Part of every page's chrome
 * (src/app/SiteChrome.tsx, kept as the build wrote it: src/app/chrome.tsx).
 */
import { Link } from './Link';
import { paths } from '../config/paths';
import { QUICK_EXIT_ATTRIBUTE, quickExitUrl } from '../lib/quick-exit';

export function QuickExit() {
  const url = quickExitUrl();
  if (!url) return null;
  return (
    <div className="quick-exit">
      <div className="container quick-exit__inner">
        <a href={url} className="quick-exit__button" rel="noreferrer nofollow" {...{ [QUICK_EXIT_ATTRIBUTE]: '' }}>
          Leave this site
        </a>
        <Link to={paths.leaveQuickly.href()} className="quick-exit__advice">
          Safety advice<span className="visually-hidden">: leaving this site quickly</span>
        </Link>
      </div>
    </div>
  );
}
