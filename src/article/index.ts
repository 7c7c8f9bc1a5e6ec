/** One release at its own address. */
export { ArticlePage } from './ArticlePage';
export { BodySupplyProvider, loadSanitiser, readPrerenderedBody, type BodySupply } from './body-html';
export type { DomWindow } from './sanitise';
