/**
 * The one message the main process sends the page unasked: "open this bundle file" (the user
 * opened a .jwpb from Explorer). No imports, so the sandboxed preload can share it.
 */
export const OPEN_BUNDLE_CHANNEL = 'pamoja:open-bundle';
