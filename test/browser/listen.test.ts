/**
 * "Listen to this release" in Chromium, with a stand-in speechSynthesis installed before the
 * page's scripts (page.addInitScript): it records each utterance (text, language, rate, voice)
 * and fires `start`, and `end` when the test says (or at once, in "auto"); cancel() fires `error`
 * a moment later, as Chrome does. Real: layout, scrolling, focus, axe, print, the chunk loading.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkEveryCombination } from './matrix';
import { axe, expectFocused, expectInView, newPage, type NewPageOptions, openOptions, ready, SEED, type Session, tabTo, textSizeButton, visit, withBrowser } from './support';

withBrowser();

const SHOTS = '/tmp/listen-shots/';
mkdirSync(SHOTS, { recursive: true });

interface StandIn {
  /** null: no speech synthesis at all; []: one with no voices (yet). */
  voices: { name: string; lang: string; localService: boolean }[] | null;
  /** End each utterance by itself after this many ms; null: only when the test says. */
  auto: number | null;
}
interface Spoken {
  text: string;
  lang: string;
  rate: number;
  voice: string | null;
}

/** The stand-in, run in the page before any of its scripts. */
function installStandIn({ voices, auto }: StandIn): void {
  const w = window as unknown as Record<string, unknown>;
  if (voices === null) {
    delete (Window.prototype as unknown as Record<string, unknown>).speechSynthesis;
    delete w.speechSynthesis;
    return;
  }
  const log: { text: string; lang: string; rate: number; voice: string | null }[] = [];
  const calls: string[] = [];
  // The page's own utterances: Chromium's would take only its own voices, and there are none here.
  class Utterance extends EventTarget {
    text: string;
    lang = '';
    rate = 1;
    voice: { name: string } | null = null;
    constructor(text = '') {
      super();
      this.text = text;
    }
  }
  const speechEvent = (type: string, error?: string) => Object.assign(new Event(type), error ? { error } : {});
  let current: Utterance | null = null;
  let list = voices.map((v) => ({ ...v, default: false, voiceURI: v.name }));
  const synth = new EventTarget() as EventTarget & Record<string, unknown>;
  const finish = () => {
    const u = current;
    if (!u) return false;
    current = null;
    u.dispatchEvent(speechEvent('end'));
    return true;
  };
  Object.assign(synth, {
    pending: false,
    paused: false,
    getVoices: () => list,
    speak(u: Utterance) {
      calls.push('speak');
      log.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice?.name ?? null });
      current = u;
      setTimeout(() => u.dispatchEvent(speechEvent('start')), 0);
      if (auto !== null) {
        setTimeout(() => {
          if (current === u) finish();
        }, auto);
      }
    },
    cancel() {
      calls.push('cancel');
      const u = current;
      current = null;
      if (u) setTimeout(() => u.dispatchEvent(speechEvent('error', 'canceled')), 0);
    },
    pause: () => calls.push('pause'),
    resume: () => calls.push('resume'),
  });
  Object.defineProperty(synth, 'speaking', { get: () => current !== null });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true, writable: true });
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  w.__speech = {
    log,
    calls,
    finish,
    setVoices(next: typeof voices) {
      list = (next ?? []).map((v) => ({ ...v, default: false, voiceURI: v.name }));
      synth.dispatchEvent(new Event('voiceschanged'));
    },
  };
}

const VOICES = [
  { name: 'English (America)', lang: 'en-US', localService: true },
  { name: 'English (Britain), online', lang: 'en-GB', localService: false },
  { name: 'English (Britain)', lang: 'en-GB', localService: true },
];

async function withStandIn(session: Session, standIn: Partial<StandIn> = {}): Promise<void> {
  await session.context.addInitScript(installStandIn, { voices: VOICES, auto: null, ...standIn });
}

async function open(standIn: Partial<StandIn> = {}, options: NewPageOptions = {}) {
  const session = await newPage(options);
  await withStandIn(session, standIn);
  await visit(session.page, SEED.path);
  return session;
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { log: Spoken[] } }).__speech.log);
const calls = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { calls: string[] } }).__speech.calls);
const finish = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { finish: () => boolean } }).__speech.finish());
const region = (page: Page) => page.getByRole('region', { name: 'Listen to this release' });
const markedText = (page: Page) => page.evaluate(() => [...document.querySelectorAll('[data-listen-reading]')].map((el) => (el.textContent ?? '').trim().slice(0, 40)));

describe('Listen to this release', () => {
  it('reads the seed release in order, by keyboard alone, in the site’s language with a voice on the device', async () => {
    const session = await open({ auto: 20 });
    const { page } = session;
    const play = region(page).getByRole('button', { name: 'Play' });
    await tabTo(play, 'Play');
    await page.keyboard.press('Enter');
    await expect.poll(() => region(page).getByRole('status').textContent(), { timeout: 10_000 }).toBe('Finished');
    const log = await spoken(page);
    expect(log.map((u) => u.text).slice(0, 5)).toEqual([
      SEED.title,
      SEED.posted,
      expect.stringMatching(/^Her Majesty’s Inspectorate of Policing has highlighted/),
      expect.stringMatching(/^The force was given an overall “Good” grading/),
      'Police and Crime Commissioner for Cleveland, Barry Coppinger, said:',
    ]);
    expect(log[5]?.text).toMatch(/^Barry Coppinger said: I am delighted that .* to prevent future crime\.$/);
    expect(log[13]?.text).toBe(SEED.findingsLeadIn);
    expect(log[14]?.text).toBe(SEED.firstFinding);
    expect(log).toHaveLength(14 + SEED.findings);
    expect(log.some((u) => /P36 national overview|Share this/.test(u.text))).toBe(false);
    expect(new Set(log.map((u) => `${u.lang} ${u.voice} ${u.rate}`))).toEqual(new Set(['en-GB English (Britain) 1']));
    await expectFocused(region(page).getByRole('button', { name: 'Play' }), 'Play, after finishing');
    expect(await markedText(page)).toEqual([]);
    session.expectNoProblems();
  });

  it('marks the block being read and keeps it in view without moving focus; pause, resume, speed and stop', async () => {
    const session = await open({}, { viewport: { width: 375, height: 700 } });
    const { page } = session;
    const toggle = region(page).getByRole('button', { name: /^(Play|Pause|Resume)$/ });
    const stop = region(page).getByRole('button', { name: 'Stop' });
    const status = region(page).getByRole('status');
    await expect(stop.getAttribute('aria-disabled')).resolves.toBe('true');
    await tabTo(toggle, 'Play');
    await page.keyboard.press('Enter');
    await expect.poll(() => markedText(page)).toEqual([SEED.title]);
    await expectInView(page.getByRole('heading', { level: 1 }), 'the headline being read');
    await expect(toggle.textContent()).resolves.toBe('Pause');
    await expect(stop.getAttribute('aria-disabled')).resolves.toBe('false');
    await expect(status.textContent()).resolves.toBe('Reading aloud');
    await expectFocused(toggle, 'the Pause button, while the headline is read');

    // On to the first finding, far down the page: it is scrolled to; focus stays on the button.
    for (let i = 0; i < 14; i += 1) expect(await finish(page)).toBe(true);
    const finding = page.getByRole('listitem').filter({ hasText: SEED.firstFinding });
    await expect.poll(() => markedText(page)).toEqual([SEED.firstFinding.slice(0, 40)]);
    await expectInView(finding, 'the finding being read');
    await expectFocused(toggle, 'the Pause button, while a finding is read');
    await expect(region(page).getByText('Reading part 15 of 22').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${SHOTS}reading-375.png`, animations: 'disabled' });

    await page.keyboard.press('Enter');
    await expect(toggle.textContent()).resolves.toBe('Resume');
    await expect.poll(() => status.textContent()).toBe('Paused at part 15 of 22');
    expect((await calls(page)).at(-1)).toBe('cancel');
    await page.waitForTimeout(50);
    expect(await spoken(page)).toHaveLength(15);
    expect(await markedText(page), 'the mark stays while paused').toEqual([SEED.firstFinding.slice(0, 40)]);

    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toBe('Reading aloud from part 15 of 22');
    expect((await spoken(page)).slice(14).map((u) => u.text)).toEqual([SEED.firstFinding, SEED.firstFinding]);

    // The speed, by keyboard: the block being read starts again at it.
    const speed = region(page).getByRole('combobox', { name: 'Speed' });
    await tabTo(speed, 'Speed');
    await speed.selectOption({ label: '1.5 times' });
    await expect.poll(async () => (await spoken(page)).at(-1)).toMatchObject({ text: SEED.firstFinding, rate: 1.5 });
    expect(await finish(page)).toBe(true);
    await expect.poll(async () => (await spoken(page)).at(-1)?.rate).toBe(1.5);

    await tabTo(stop, 'Stop', { key: 'Shift+Tab' });
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toBe('Stopped');
    await expect(toggle.textContent()).resolves.toBe('Play');
    await expect(stop.getAttribute('aria-disabled')).resolves.toBe('true');
    await expectFocused(stop, 'Stop, once pressed');
    expect(await markedText(page)).toEqual([]);
    const count = (await spoken(page)).length;
    await page.waitForTimeout(50);
    expect(await spoken(page), 'nothing more is said').toHaveLength(count);
    session.expectNoProblems();
  });

  it('is axe clean idle and while reading, in light, dark and forced colours; the marked block is visible in each; not printed', async () => {
    const session = await open();
    const { page } = session;
    await region(page).getByRole('button', { name: 'Play' }).click();
    for (let i = 0; i < 5; i += 1) await finish(page);
    await expect.poll(() => markedText(page)).toEqual(['I am delighted that Her Majesty’s Inspec']);
    const marked = page.locator('[data-listen-reading]');
    for (const [scheme, forced] of [['light', 'none'], ['dark', 'none'], ['light', 'active']] as const) {
      await page.emulateMedia({ colorScheme: scheme, forcedColors: forced });
      const { summary } = await axe(page);
      expect(summary, `axe while reading, ${scheme}, forced colours ${forced}`).toBe('');
      const style = await marked.evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
      expect(style, `the mark's outline, ${scheme}, forced ${forced}`).toMatch(/^solid [1-9]/);
      const b = await marked.boundingBox();
      if (b) await page.screenshot({ path: `${SHOTS}mark-${scheme}-${forced}.png`, animations: 'disabled', clip: { x: b.x - 12, y: b.y - 12, width: b.width + 24, height: b.height + 24 } });
    }
    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none', media: 'print' });
    await expect(region(page).isVisible()).resolves.toBe(false);
    await expect(marked.evaluate((el) => getComputedStyle(el).outlineStyle)).resolves.toBe('none');
    await page.emulateMedia({ media: 'screen' });
    await region(page).getByRole('button', { name: 'Stop' }).click();
    const { summary } = await axe(page);
    expect(summary, 'axe, stopped').toBe('');
    session.expectNoProblems();
  });

  it('is not there where there is no speech synthesis, or no voice; it appears when a voice arrives, shifting nothing above the body', async () => {
    const absent = await open({ voices: null });
    await absent.page.getByRole('heading', { name: 'Share this' }).waitFor();
    await absent.page.waitForTimeout(300);
    await expect(region(absent.page).count()).resolves.toBe(0);
    // (The service worker precaches every chunk: what counts is what the page itself loaded.)
    const loaded = await absent.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(loaded.filter((url) => /\/listen-[^/]*\.js$/.test(url)), 'its chunk is not even loaded').toEqual([]);
    absent.expectNoProblems();
    await absent.close();

    const session = await open({ voices: [] });
    const { page } = session;
    await page.getByRole('heading', { name: 'Share this' }).waitFor();
    await page.waitForTimeout(300);
    await expect(region(page).count()).resolves.toBe(0);
    const listenChunks = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((url) => /\/listen-[^/]*\.js$/.test(url)));
    expect(await listenChunks(), 'its chunk is not loaded until there is a voice').toEqual([]);
    const where = () => page.evaluate(() => ['h1', '.article__dates', '.prose'].map((s) => document.querySelector(s)?.getBoundingClientRect().top));
    const before = await where();
    await page.evaluate((v) => (window as unknown as { __speech: { setVoices: (x: unknown) => void } }).__speech.setVoices(v), VOICES);
    await region(page).waitFor();
    expect(await listenChunks()).toHaveLength(1);
    expect(await where(), 'the headline, date and body stay where they were').toEqual(before);
    session.expectNoProblems();
  });

  it('is not in the page without JavaScript', async () => {
    const session = await newPage({ javaScriptEnabled: false });
    await session.page.goto(SEED.path);
    await expect(session.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(SEED.title);
    await expect(region(session.page).count()).resolves.toBe(0);
    await expect(session.page.getByText('Listen to this release').count()).resolves.toBe(0);
    await session.page.setViewportSize({ width: 375, height: 900 });
    await session.page.locator('.prose').evaluate((el) => el.lastElementChild?.scrollIntoView({ block: 'start' }));
    await session.page.screenshot({ path: `${SHOTS}no-js-375.png`, animations: 'disabled' });
  });

  it('stops when the reader goes to another page of the app', async () => {
    const session = await open();
    const { page } = session;
    await region(page).getByRole('button', { name: 'Play' }).click();
    await finish(page);
    await page.getByRole('link', { name: 'All news' }).click();
    await ready(page);
    await expect.poll(async () => (await calls(page)).at(-1)).toBe('cancel');
    expect(await markedText(page)).toEqual([]);
    session.expectNoProblems();
  });

  it('screenshots at 375 px and 1280 px, and at Largest text', async () => {
    const session = await open();
    const { page } = session;
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await region(page).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}controls-${width}.png`, animations: 'disabled' });
    }
    await page.setViewportSize({ width: 375, height: 900 });
    await openOptions(page);
    await textSizeButton(page, 'largest').click();
    await region(page).getByRole('button', { name: 'Play' }).click();
    await finish(page);
    await finish(page);
    await finish(page);
    await expect.poll(() => markedText(page)).toEqual([expect.stringMatching(/^The force was given/)]);
    await expectInView(page.locator('[data-listen-reading]'), 'the paragraph being read, at Largest text');
    await page.screenshot({ path: `${SHOTS}reading-largest-375.png`, animations: 'disabled' });
    await region(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}controls-largest-375.png`, animations: 'disabled' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await openOptions(page);
    await textSizeButton(page, 'default').click();
    await region(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}controls-dark-1280.png`, animations: 'disabled' });
    session.expectNoProblems();
  });
});

describe('Listen in the options matrix', () => {
  it('the seed release with the controls shown: axe clean in every combination, no sideways scrolling at 320 px', () =>
    checkEveryCombination(SEED.path, {
      before: (session) => withStandIn(session),
      shown: (page) => region(page).getByRole('button', { name: 'Play' }).waitFor(),
    }));
});
