import { renderAsync } from '@resvg/resvg-js';
import { AlignmentType, ImageRun, LineRuleType, Paragraph, TextRun } from 'docx';
import { rasterFonts } from './fonts';

/**
 * SVG drawings (charts, ward maps) as pictures in a Word document, sharp on paper.
 *
 * The picture carries the SVG itself, which Word 2016 and later draw as vectors, and a PNG of it at
 * print resolution (300 dpi), which LibreOffice 7 and older Word print instead: LibreOffice reads
 * only the fallback of an SVG picture in a .docx. The PNG is rendered off the main thread
 * (resvg's thread pool), so several figures rasterise while the rest of the document is built.
 *
 * Use:
 *   const picture = await svgPicture(svg, { widthMm: 160, heightMm: 90, title: 'Risk heat map' });
 *   children.push(...figureParagraphs(picture, 'Figure 2: Open risks by likelihood and impact'));
 */

/** Dots per inch of the PNG fallback: what printers print at. */
export const PRINT_DPI = 300;

const MM_PER_INCH = 25.4;
/** docx sizes pictures in pixels at 96 to the inch. */
const DOCX_PX_PER_INCH = 96;

export interface PictureSize {
  /** Printed width and height in millimetres. The SVG's own aspect ratio should match. */
  widthMm: number;
  heightMm: number;
}

export interface PictureOptions extends PictureSize {
  /** Alternative text: what a screen reader says, and the picture's name in Word. */
  title: string;
  description?: string;
}

/** The PNG of an SVG `widthMm` wide at `dpi` (300 by default). */
export async function rasterise(svg: string, widthMm: number, dpi = PRINT_DPI): Promise<Buffer> {
  const fonts = rasterFonts();
  const rendered = await renderAsync(svg, {
    fitTo: { mode: 'width', value: Math.round((widthMm / MM_PER_INCH) * dpi) },
    font: fonts,
    background: '#ffffff',
    shapeRendering: 2,
    textRendering: 1,
  });
  return rendered.asPng();
}

/** An inline picture of the SVG at the given printed size, with its PNG fallback (see above). */
export async function svgPicture(svg: string, options: PictureOptions): Promise<ImageRun> {
  const png = await rasterise(svg, options.widthMm);
  const px = (mm: number) => Math.round((mm / MM_PER_INCH) * DOCX_PX_PER_INCH);
  const transformation = { width: px(options.widthMm), height: px(options.heightMm) };
  return new ImageRun({
    type: 'svg',
    data: Buffer.from(svg, 'utf8'),
    fallback: { type: 'png', data: png },
    transformation,
    altText: { name: options.title, title: options.title, description: options.description ?? options.title },
  });
}

/**
 * A figure as a document shows it: the picture centred, kept on the page of its caption, and the
 * caption under it ("Figure 2: …") in the table text's size. The picture's line spacing is set
 * explicitly to "auto": a document default of `line` without a rule makes LibreOffice hold the line
 * to one text line's height and crop the picture to a sliver.
 */
export function figureParagraphs(picture: ImageRun, caption: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      keepLines: true,
      spacing: { before: 120, after: 60, line: 240, lineRule: LineRuleType.AUTO },
      children: [picture],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: caption, italics: true, size: 17 })] }),
  ];
}
