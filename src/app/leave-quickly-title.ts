/** The safety advice page's heading and title: the build names the page with it too (src/boot/prerender.tsx). */
export const LEAVE_QUICKLY_TITLE = 'Leaving this site quickly';
