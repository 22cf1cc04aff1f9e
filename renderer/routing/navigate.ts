import { hrefFor, type Route } from './routes';

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

/** Moves without leaving a history entry, for the landing screen chosen at launch. */
export function replaceRoute(route: Route): void {
  window.location.replace(hrefFor(route));
}
