import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sanitiseHtml } from '../../src/article/sanitise';
import { readingOrder, speakerOf } from '../../src/listen/reading';

const sample = JSON.parse(readFileSync('sample/feed.json', 'utf8')) as { items: { content_html: string }[] };
const seedHtml = sample.items[0]?.content_html ?? '';

/** A release as the page renders it: headline, date line, then the sanitised body. */
function page(bodyHtml: string) {
  const article = document.createElement('article');
  article.innerHTML = `<h1>Force praised for crime prevention work</h1><div class="article__dates"><p>Posted on <time>Thursday 22nd March 2018</time></p></div><div class="prose"></div>`;
  const body = article.querySelector('.prose') as HTMLElement;
  body.innerHTML = bodyHtml;
  return { headline: article.querySelector('h1'), posted: article.querySelector('.article__dates p'), body };
}

const texts = (html: string) => readingOrder(page(html)).map((u) => u.text);

describe('What "Listen" reads', () => {
  it('reads the seed release in order: headline, date, paragraphs, the quote after its speaker, the findings; no footnote', () => {
    const parts = page(sanitiseHtml(seedHtml, { base: 'https://example.org/feed.json', origin: 'https://example.org' }));
    const read = readingOrder(parts);
    const said = read.map((u) => u.text);
    expect(said.slice(0, 5)).toEqual([
      'Force praised for crime prevention work',
      'Posted on Thursday 22nd March 2018',
      expect.stringMatching(/^Her Majesty’s Inspectorate of Policing has highlighted/),
      expect.stringMatching(/^The force was given an overall “Good” grading/),
      'Police and Crime Commissioner for Cleveland, Barry Coppinger, said:',
    ]);
    // The quote's first paragraph, introduced by its speaker; the footnote marker is not read.
    expect(said[5]).toBe(
      'Barry Coppinger said: I am delighted that Her Majesty’s Inspectorate has chosen to highlight Cleveland Police in recognition of the investment made in neighbourhood policing and our intervention strategy within local schools and neighbourhoods to prevent future crime.',
    );
    expect(said[12]).toMatch(/^I would call on anyone who has the best interests of Cleveland/);
    expect(said[13]).toBe('In addition, HMICFRS concluded that since its last inspection in 2016, the Force:');
    expect(said.slice(14)).toHaveLength(8);
    expect(said[14]).toBe('Has made progress in all areas inspected.');
    expect(said).toHaveLength(22);
    // The caption is said once, as the introduction; the footnote is left out.
    expect(said.filter((t) => t.includes('Police and Crime Commissioner for Cleveland')).length).toBe(1);
    expect(said.some((t) => /P36 national overview|Good forces tend/.test(t))).toBe(false);
    // Each utterance is the block it marks: the quote's first paragraph, a finding.
    expect(read[5]?.element.tagName).toBe('P');
    expect(read[5]?.element.closest('blockquote')).not.toBeNull();
    expect(read[14]?.element.tagName).toBe('LI');
    expect(read[0]?.element.tagName).toBe('H1');
  });

  it('names the speaker from a caption before its first comma, after any dash, or from a cite', () => {
    const el = (html: string) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      return div.firstElementChild as Element;
    };
    expect(speakerOf(el('<figure class="quote"><blockquote><p>x</p></blockquote><figcaption>— Jane Doe, Chief Constable</figcaption></figure>'))).toBe('Jane Doe');
    expect(speakerOf(el('<blockquote><p>x</p><cite>Sam Roe</cite></blockquote>'))).toBe('Sam Roe');
    expect(speakerOf(el('<blockquote><p>x</p></blockquote>'))).toBeNull();
  });

  it('introduces a bare blockquote by its cite, or as a quote, and reads nested lists, headings and bare text', () => {
    expect(texts('<h2>Background</h2><blockquote><p>We will act.</p><p>Soon.</p><cite>Sam Roe</cite></blockquote>')).toEqual([
      'Force praised for crime prevention work',
      'Posted on Thursday 22nd March 2018',
      'Background',
      'Sam Roe said: We will act.',
      'Soon.',
    ]);
    expect(texts('<blockquote>Plain words</blockquote>').slice(2)).toEqual(['Quote: Plain words']);
    expect(texts('<ul><li>One<ul><li>One a</li></ul></li><li>Two<br>lines</li></ul>').slice(2)).toEqual(['One', 'One a', 'Two lines']);
    expect(texts('Just text, no blocks').slice(2)).toEqual(['Just text, no blocks']);
    expect(texts('<p>Seen</p><p hidden>Hidden</p><p><img alt="a picture">  </p>').slice(2)).toEqual(['Seen']);
  });

  it('leaves out what is missing', () => {
    expect(readingOrder({ headline: null, posted: null, body: null })).toEqual([]);
  });
});
