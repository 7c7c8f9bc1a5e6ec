/** One release at its own address. */
export { ArticlePage, loadArticleBody } from './ArticlePage';
