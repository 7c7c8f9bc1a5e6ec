/**
 * "Listen to this release" (docs/listen.md): a chunk of its own, loaded on a release page once
 * the app has started, where the browser has speech synthesis.
 */
export { Listen, RATES, loadStyles, type ListenProps } from './Listen';
export { READING_ATTRIBUTE } from './reader';
export { readingOrder, speakerOf, type ReadableParts, type Utterance } from './reading';
