/**
 * Charts of the Word deliverables, drawn in Node as SVG from the same shared analysis as the screens
 * (so the CLI exports them too), placed through main/exports/graphics.
 */
export { meReportFigures, planFigures, type DocumentFigures } from './figures';
