import { useEffect, useState } from 'react';
import { parseRoute, type Route } from './route.ts';

/** The current screen, updated when the hash changes (links, Back, Forward). */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() =>
    parseRoute(window.location.hash),
  );

  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);

    return () => window.removeEventListener('hashchange', onChange);
  }, []);

  return route;
}
