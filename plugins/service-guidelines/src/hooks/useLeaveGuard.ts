import { useContext, useEffect } from 'react';
import { UNSAFE_NavigationContext } from 'react-router-dom';

/**
 * While `active`, asks before the person leaves the page: closing or reloading the tab (the
 * browser's own question), and following a link or any other navigation inside the portal (a
 * confirm dialog with `message`).
 *
 * Backstage apps run a `BrowserRouter`, not a data router, so react-router's `useBlocker` is not
 * available; the router's navigator is wrapped instead, which is what `useBlocker` does for the
 * navigations that go through the app. The browser's back button is not caught by this.
 */
export function useLeaveGuard(active: boolean, message: string) {
  const { navigator } = useContext(UNSAFE_NavigationContext);

  useEffect(() => {
    if (!active) return undefined;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = message;
    };
    window.addEventListener('beforeunload', warn);

    const { push, replace } = navigator;
    const confirmed =
      <A extends unknown[]>(go: (...args: A) => void) =>
      (...args: A) => {
        // eslint-disable-next-line no-alert -- the native dialog is keyboard and screen-reader ready and blocks as it must
        if (window.confirm(message)) go(...args);
      };
    navigator.push = confirmed(push);
    navigator.replace = confirmed(replace);
    return () => {
      window.removeEventListener('beforeunload', warn);
      navigator.push = push;
      navigator.replace = replace;
    };
  }, [active, message, navigator]);
}
