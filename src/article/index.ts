/** One release at its own address. */
export { ArticlePage } from './ArticlePage';
export { adoptPrerenderedBody, loadSanitiser } from './body-html';
