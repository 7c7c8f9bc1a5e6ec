import { render, screen } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { chunk, useChunk } from '../../src/lib/chunk';

class Boundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? <p>Failed</p> : this.props.children;
  }
}

function Show({ of, needed = true }: { of: ReturnType<typeof chunk<{ word: string }>>; needed?: boolean }) {
  const m = useChunk(of, needed);
  return <p>{m ? m.word : 'Loading'}</p>;
}

describe('a chunk loaded when first needed', () => {
  it('loads once however often it is asked for, and renders at once when already in', async () => {
    const importer = vi.fn(async () => ({ word: 'Hello' }));
    const c = chunk(importer);
    expect(c.loaded()).toBeNull();
    await Promise.all([c.load(), c.load()]);
    expect(importer).toHaveBeenCalledTimes(1);
    render(<Show of={c} />);
    expect(screen.getByText('Hello')).toBeInTheDocument();
  });

  it('is not loaded until needed', async () => {
    const importer = vi.fn(async () => ({ word: 'Hello' }));
    const view = render(<Show of={chunk(importer)} needed={false} />);
    expect(screen.getByText('Loading')).toBeInTheDocument();
    expect(importer).not.toHaveBeenCalled();
    view.unmount();
  });

  it('tries again after a failure, and a failure reaches the error boundary', async () => {
    let fail = true;
    const c = chunk(async () => {
      if (fail) throw new Error('offline');
      return { word: 'Back' };
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <Boundary>
        <Show of={c} />
      </Boundary>,
    );
    expect(await screen.findByText('Failed')).toBeInTheDocument();
    fail = false;
    await expect(c.load()).resolves.toEqual({ word: 'Back' });
  });
});
