/** An unexpected render error on one page shows a friendly page; the rest of the app keeps working. */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { paths } from '../config/paths';
import { reportProblem } from './report';

interface Props {
  children: ReactNode;
  /** Changing this (the route's address) clears the error. */
  resetKey: string;
}
interface State {
  failedAt: string | null;
}

export class RouteErrorBoundary extends Component<Props, State> {
  state: State = { failedAt: null };

  static getDerivedStateFromError(): Partial<State> {
    return { failedAt: '' };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.setState({ failedAt: this.props.resetKey });
    reportProblem('A page failed to render', error, info.componentStack);
  }

  componentDidUpdate(prev: Props): void {
    if (this.state.failedAt !== null && prev.resetKey !== this.props.resetKey) this.setState({ failedAt: null });
  }

  render() {
    if (this.state.failedAt === null) return this.props.children;
    return (
      <div className="problem">
        <h1 className="heading-xl" tabIndex={-1} data-page-heading="">
          Sorry, something went wrong with this page
        </h1>
        <p>The rest of the site is still working.</p>
        <p>
          <button type="button" className="button" onClick={() => this.setState({ failedAt: null })}>
            Try again
          </button>
        </p>
        <p>
          <a href={paths.news.href()}>Go to the latest news</a>
        </p>
      </div>
    );
  }
}
