import { describe, expect, it } from 'vitest';
import { fillIdentity, webManifest, type Identity } from '../../build/identity';

const fire: Identity = {
  name: 'Example Fire & Rescue "Service"',
  shortName: 'Example Fire',
  description: 'Safety news <and> events.',
  language: 'en-GB',
  themeColour: '#8a1c1c',
};

describe('one identity, from the site file', () => {
  it('fills every marker in index.html, escaped', () => {
    const html = fillIdentity('<html lang="%bulletin:language%"><title>%bulletin:name%</title><meta content="%bulletin:description%">', fire);
    expect(html).toBe('<html lang="en-GB"><title>Example Fire &#38; Rescue &#34;Service&#34;</title><meta content="Safety news &#60;and&#62; events.">');
  });

  it('fails the build on a marker the site file does not give', () => {
    expect(() => fillIdentity('<p>%bulletin:motto%</p>', fire)).toThrow(/%bulletin:motto%/);
  });

  it('names the newsroom in the web manifest', () => {
    expect(webManifest(fire)).toMatchObject({ name: fire.name, short_name: 'Example Fire', lang: 'en-GB', theme_color: '#8a1c1c' });
  });
});
