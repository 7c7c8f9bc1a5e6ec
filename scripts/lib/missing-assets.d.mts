/** See missing-assets.mjs. */
export function missingAssets(dir: string): string[];
