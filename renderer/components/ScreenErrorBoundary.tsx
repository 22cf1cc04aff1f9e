import { Button } from './ui/Button';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Changes when the user moves to another screen, which gets a fresh start. */
  screenKey: string;
  children: ReactNode;
}

interface State {
  failedKey: string | null;
}

/**
 * If drawing a screen fails, the user sees a plain message and a way on, never a stack trace or a
 * blank window; the details go to the console for whoever supports the app. React offers this
 * only to class components, hence the one class in the renderer.
 */
export class ScreenErrorBoundary extends Component<Props, State> {
  override state: State = { failedKey: null };

  static getDerivedStateFromError(): Partial<State> {
    return { failedKey: '' };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.setState({ failedKey: this.props.screenKey });
    console.warn('A screen failed to draw:', error.message, info.componentStack);
  }

  override render(): ReactNode {
    const { failedKey } = this.state;
    if (failedKey === null || (failedKey !== '' && failedKey !== this.props.screenKey)) return this.props.children;
    return (
      <main className="page">
        <div className="error-panel" role="alert">
          <p className="error-panel__title">This screen could not be shown.</p>
          <p>Nothing you saved is lost. Reload the window, or go to another screen and come back.</p>
          <Button onClick={() => window.location.reload()}>Reload</Button>
        </div>
      </main>
    );
  }
}
