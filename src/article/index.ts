/** One release at its own address; its content is a chunk the build loads before it renders. */
export { ArticlePage, releaseContent } from './ArticlePage';
/** A prerendered release's content and body: adopted as they stand while the live feed has what they were made from (./supply.ts). */
export { BodySupplyProvider, loadSanitiser, readPrerenderedBody, readPrerenderedContent, sourceOf, type BodySupply, type Sanitiser } from './supply';
export type { DomWindow } from './sanitise';
/** "Share this", an island: the build loads its chunk before it renders. */
export { shareIsland } from './Share';
