/** One release at its own address. */
export { ArticlePage } from './ArticlePage';
export { loadArticleBody } from './LazyArticleBody';
