/** One release at its own address. */
export { ArticlePage } from './ArticlePage';
/** A prerendered release's body: adopted as it stands while the live feed has the content it was made from (bodySource). */
export { BodySupplyProvider, bodySource, loadSanitiser, readPrerenderedBody, type BodySupply, type Sanitiser } from './body-html';
export type { DomWindow } from './sanitise';
/** "Share this", an island: the build loads its chunk before it renders. */
export { shareIsland } from './Share';
