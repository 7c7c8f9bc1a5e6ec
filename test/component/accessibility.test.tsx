/** The accessibility statement: GOV.UK's model structure, from the site file, honest about its gaps. */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AccessibilityPage } from '../../src/about';
import type { SiteInfo } from '../../src/config/site';
import { paths } from '../../src/config/paths';
import { renderApp } from '../support/render-app';

const FIRE: SiteInfo = {
  name: 'Example Fire and Rescue Service',
  url: 'https://fire.example.org/',
  contact: { email: 'access@fire.example.org', phone: '01632 960000', address: '1 Station Road, Exampleton, EX1 1AA' },
  privacyUrl: null,
  builtOn: '2026-03-01',
};

describe('the accessibility statement', () => {
  it('has the model statement’s sections, in order', () => {
    render(<AccessibilityPage info={FIRE} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Accessibility statement');
    expect(screen.getByText('For the news and events of Example Fire and Rescue Service.')).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'How accessible this website is',
      'Feedback and contact information',
      'Enforcement procedure',
      'Technical information about this website’s accessibility',
      'How we tested this website',
      'Preparation of this accessibility statement',
    ]);
  });

  it('gives the newsroom’s own contact from the site file, as links', () => {
    render(<AccessibilityPage info={FIRE} />);
    expect(screen.getByRole('link', { name: 'access@fire.example.org' })).toHaveAttribute('href', 'mailto:access@fire.example.org');
    expect(screen.getByRole('link', { name: '01632 960000' })).toHaveAttribute('href', 'tel:01632960000');
    expect(screen.getByText(/write to: 1 Station Road, Exampleton, EX1 1AA/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Equality Advisory and Support Service/ })).toHaveAttribute('href', 'https://www.equalityadvisoryservice.com/');
  });

  it('without a contact, points to the newsroom’s main website', () => {
    render(<AccessibilityPage info={{ ...FIRE, contact: null }} />);
    const section = screen.getByText(/^Contact Example Fire and Rescue Service/);
    expect(within(section).getByRole('link', { name: 'https://fire.example.org/' })).toBeInTheDocument();
  });

  it('dates its last review by the build, the same day in every time zone', () => {
    render(<AccessibilityPage info={FIRE} />);
    const times = screen.getAllByText('1 March 2026');
    expect(times).toHaveLength(2);
    expect(times[0]).toHaveAttribute('datetime', '2026-03-01');
  });

  it('says plainly what has not been tested', () => {
    render(<AccessibilityPage info={FIRE} />);
    expect(screen.getByText(/not yet tested the site with people who use screen readers/)).toBeInTheDocument();
    expect(screen.getByText(/We have not yet tested with Firefox or Safari, or with real assistive technology/)).toBeInTheDocument();
  });

  it('is linked from every page’s footer and has its own address', async () => {
    const { user } = renderApp();
    const footer = screen.getByRole('contentinfo');
    const link = within(footer).getByRole('link', { name: 'Accessibility statement' });
    expect(link).toHaveAttribute('href', paths.accessibility.href());
    await user.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: 'Accessibility statement' })).toBeInTheDocument();
  });
});
