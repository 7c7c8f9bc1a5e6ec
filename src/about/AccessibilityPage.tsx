/**
 * The accessibility statement (`/accessibility/`), in the structure of GOV.UK's model statement for
 * public sector websites (Public Sector Bodies Accessibility Regulations 2018): how accessible the
 * site is, what to do about a problem (the site file's `contact`), the enforcement procedure,
 * technical information, how it was tested, and when it was last reviewed (the build's day).
 * Honest about what has not been tested.
 */
import { site, type SiteInfo } from '../config/site';
import { formatShortDate } from '../lib/dates';
import { PageHeading } from '../ui/PageHeading';
import { useDocumentTitle } from '../ui/useDocumentTitle';

function Contact({ info }: { info: SiteInfo }) {
  const { contact } = info;
  if (!contact) {
    return (
      <p>
        Contact {info.name}
        {info.url ? (
          <>
            {' '}
            through its main website, <a href={info.url}>{info.url}</a>
          </>
        ) : null}
        .
      </p>
    );
  }
  return (
    <ul className="list">
      {contact.email && (
        <li>
          email: <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </li>
      )}
      {contact.phone && (
        <li>
          call: <a href={`tel:${contact.phone.replace(/\s+/g, '')}`}>{contact.phone}</a>
        </li>
      )}
      {contact.address && <li>write to: {contact.address}</li>}
    </ul>
  );
}

export function AccessibilityPage({ info = site }: { info?: SiteInfo }) {
  useDocumentTitle('Accessibility statement', info.name);
  // A day, not an instant: read at noon UTC and written in UTC, it is the same day everywhere.
  const reviewed = formatShortDate(new Date(`${info.builtOn}T12:00:00Z`), 'UTC');
  return (
    <article className="prose">
      <PageHeading>Accessibility statement</PageHeading>
      <p className="lede">For the news and events of {info.name}.</p>
      <p>
        This statement applies to the news and events pages of {info.name}
        {info.url ? (
          <>
            {' '}
            at <a href={info.url}>{info.url}</a>
          </>
        ) : null}
        . We want as many people as possible to be able to use them. For example, you should be able to:
      </p>
      <ul className="list">
        <li>make the text larger with the Large and Largest text options, or zoom in up to 400% without the text spilling off the screen</li>
        <li>switch to Text only, which hides images and decoration</li>
        <li>move through every page using just a keyboard, starting with Skip to content</li>
        <li>read every page with a screen reader, and every release and event without JavaScript</li>
        <li>use the site with your own colours, fonts and text spacing</li>
      </ul>

      <h2>How accessible this website is</h2>
      <p>We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. We know that some things may still fall short:</p>
      <ul className="list">
        <li>
          releases come from the newsroom’s publishing system, so their images’ text alternatives and the documents they link to
          (such as PDFs) are only as accessible as they were written
        </li>
        <li>we have not yet tested the site with people who use screen readers, screen magnifiers, voice control or switch access</li>
      </ul>

      <h2>Feedback and contact information</h2>
      <p>If you need information on this website in a different format, or you find a problem with it, contact us:</p>
      <Contact info={info} />

      <h2>Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the accessibility regulations. If you’re not
        happy with how we respond to your complaint, contact the{' '}
        <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>. In Northern Ireland,
        contact the <a href="https://www.equalityni.org/">Equality Commission for Northern Ireland</a>.
      </p>

      <h2>Technical information about this website’s accessibility</h2>
      <p>
        {info.name} is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and Mobile
        Applications) (No. 2) Accessibility Regulations 2018.
      </p>
      <h3>Compliance status</h3>
      <p>
        This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard: our own tests find
        no failures, but the testing described below does not yet cover everything the standard asks for, so we cannot claim full
        compliance.
      </p>

      <h2>How we tested this website</h2>
      <p>Every change to the website is tested before it is published:</p>
      <ul className="list">
        <li>
          automated checks with axe on every kind of page (news, an area’s news, older news, events, a release, the page not found), at
          every text size, with and without Text only and with and without a postcode
        </li>
        <li>pages at 320 pixels wide and at the largest text size, for reflow and text spacing</li>
        <li>journeys by keyboard alone: Skip to content, the options, setting a postcode, opening a release and coming back</li>
        <li>where focus goes after each step, and what is announced to screen readers, checked in the page’s accessibility tree</li>
      </ul>
      <p>
        These tests run in one browser engine (Chromium). We have not yet tested with Firefox or Safari, or with real assistive
        technology.
      </p>

      <h2>Preparation of this accessibility statement</h2>
      <p>
        This statement was prepared on <time dateTime={info.builtOn}>{reviewed}</time>. It was last reviewed on{' '}
        <time dateTime={info.builtOn}>{reviewed}</time>, when this version of the website was built.
      </p>
    </article>
  );
}
