/**
 * Graphics for the Word deliverables: SVG written as text (svg.ts), placed in a .docx as a picture
 * that prints sharp (picture.ts), with the documents' typeface (fonts.ts). Charts live in
 * main/exports/charts; ward maps (issue 20) use the same functions.
 */
export { escapeXml, el, svgDocument, text } from './svg';
export { CHART_FONT_FAMILY, rasterFonts } from './fonts';
export { PRINT_DPI, figureParagraphs, rasterise, svgPicture, type PictureOptions, type PictureSize } from './picture';
