/** Pages about the site itself (its accessibility statement): a chunk of their own, loaded when one is visited. */
export { AccessibilityPage } from './AccessibilityPage';
