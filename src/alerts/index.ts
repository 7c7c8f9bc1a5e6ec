/**
 * The alerts feature's public face: the banner, loaded as a chunk of its own only when the feed
 * has alerts (src/app/alerts.tsx), so a feed without them costs the first load nothing.
 */
export { AlertBanner, type AlertBannerProps } from './AlertBanner';
