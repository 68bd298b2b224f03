import { useEffect, useState } from 'react';
import { conversationAppHash } from '@/utils/shared/open-app-page';

/** A section of the full-page app, read from the URL hash. */
export type Route =
  | { page: 'archive'; conversationId?: string }
  | { page: 'prompts' }
  | { page: 'health' }
  | { page: 'settings' };

/** One top-level section. */
export type Section = Route['page'];

/** Reads a route from a hash such as `#archive/abc-123`; anything unknown is the archive. */
export function parseRoute(hash: string): Route {
  const [section = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  switch (section) {
    case 'prompts':
    case 'health':
    case 'settings':
      return { page: section };
    default: {
      const id = section === 'archive' ? rest.join('/') : '';
      if (id === '') return { page: 'archive' };
      try {
        return { page: 'archive', conversationId: decodeURIComponent(id) };
      } catch {
        return { page: 'archive' };
      }
    }
  }
}

/** The hash of a conversation's detail view. */
export function conversationHash(id: string): `#archive/${string}` {
  return `#${conversationAppHash(id)}`;
}

/** The current route, updated on every `hashchange` (links, back and forward). */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
