/**
 * Graphics for the Word deliverables: SVG written as text (shared/svg.ts, pure, so the ward map in
 * shared/geo writes its SVG with it too), placed in a .docx as a picture that prints sharp
 * (picture.ts), with the documents' typeface (fonts.ts). Charts live in main/exports/charts; ward
 * maps (issue 20) use the same functions.
 */
export { escapeXml, el, svgDocument, text } from '../../../shared/svg';
export { CHART_FONT_FAMILY, rasterFonts } from './fonts';
export { PRINT_DPI, allDrawn, drawPicture, figureParagraphs, rasterise, svgPicture, type Picture, type PictureOptions, type PictureSize } from './picture';
