import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { Link } from '../../src/ui/Link';

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

function renderLinks(onClick?: (e: React.MouseEvent<HTMLAnchorElement>) => void) {
  render(
    <MemoryRouter initialEntries={['/']}>
      <Routes>
        <Route
          path="*"
          element={
            <>
              <Link to="/news/a-release-abc1234/" className="x" aria-current="page" onClick={onClick}>
                A release
              </Link>
              <Where />
            </>
          }
        />
      </Routes>
    </MemoryRouter>,
  );
  return screen.getByRole('link', { name: 'A release' });
}

describe('Link, the app’s link', () => {
  it('is a real link to the address, with what it was given', () => {
    const link = renderLinks();
    expect(link).toHaveAttribute('href', '/news/a-release-abc1234/');
    expect(link).toHaveClass('x');
    expect(link).toHaveAttribute('aria-current', 'page');
  });

  it('navigates in place on a click, and by Enter', async () => {
    const user = userEvent.setup();
    const link = renderLinks();
    await user.click(link);
    expect(screen.getByTestId('where')).toHaveTextContent('/news/a-release-abc1234/');
    link.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('where')).toHaveTextContent('/news/a-release-abc1234/');
  });

  it('leaves a click with a modifier key, or one its onClick handled, to the browser', () => {
    const onClick = vi.fn();
    const link = renderLinks(onClick);
    for (const modifier of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { altKey: true }]) {
      expect(fireEvent.click(link, modifier), 'not prevented: the browser opens it').toBe(true);
    }
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/$/);
    expect(onClick).toHaveBeenCalledTimes(4);
  });

  it('does not navigate when its own onClick prevented the default', () => {
    const link = renderLinks((e) => e.preventDefault());
    fireEvent.click(link);
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/$/);
  });
});
