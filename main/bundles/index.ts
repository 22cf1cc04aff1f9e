/** Partner bundles (issue 7): the entry points the transport handlers and the CLI use. */
export { applyBundle, previewBundle, type ApplyResult, type PreviewResult } from './apply';
export { exportBundle, type ExportedBundle } from './export';
export { listImports, undoLastImport } from './history';
export { keysInfo, trustSender } from './trust';
export { BundleRefusal } from './refusal';
