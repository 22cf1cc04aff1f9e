import { renderAsync } from '@resvg/resvg-js';
import { AlignmentType, FileChild, ImageRun, LineRuleType, Paragraph, TextRun, type IContext, type IXmlableObject } from 'docx';
import { rasterFonts } from './fonts';
import { encodePng } from './png';

/**
 * SVG drawings (charts, ward maps) as pictures in a Word document, sharp on paper.
 *
 * The picture carries the SVG itself, which Word 2016 and later draw as vectors, and a PNG of it at
 * print resolution (300 dpi), which LibreOffice 7 and older Word print instead: LibreOffice reads
 * only the fallback of an SVG picture in a .docx. The PNG is rendered off the JavaScript thread
 * (resvg's thread pool, then zlib's: png.ts), so a picture is placed in the document at once and
 * drawn while the rest of the document is built; the document is packed once every picture is.
 *
 * Use:
 *   const picture = drawPicture(svg, { widthMm: 160, heightMm: 90, title: 'Risk heat map' });
 *   children.push(...figureParagraphs(picture, 'Figure 2: Open risks by likelihood and impact'));
 *   …build the rest…
 *   await picture.drawn; // then pack
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

/**
 * The PNG of an SVG `widthMm` wide at `dpi` (300 by default), on a white background (so every
 * pixel is opaque and resvg's premultiplied pixels are the plain ones a PNG holds).
 */
export async function rasterise(svg: string, widthMm: number, dpi = PRINT_DPI): Promise<Buffer> {
  const fonts = rasterFonts();
  const rendered = await renderAsync(svg, {
    fitTo: { mode: 'width', value: Math.round((widthMm / MM_PER_INCH) * dpi) },
    font: fonts,
    background: '#ffffff',
    shapeRendering: 2,
    textRendering: 1,
  });
  return encodePng(rendered.pixels, rendered.width, rendered.height, dpi);
}

/** A picture placed in a document before its PNG is drawn (see above). */
export interface Picture {
  /** Settles when the PNG is drawn; a document holding the picture is packed after it. */
  readonly drawn: Promise<void>;
  /** The picture as a run of a paragraph: only once drawn. */
  imageRun(): ImageRun;
}

/** Starts drawing the SVG's PNG fallback and returns the picture at once (see above). */
export function drawPicture(svg: string, options: PictureOptions): Picture {
  let png: Buffer | null = null;
  let run: ImageRun | null = null;
  const drawn = handled(rasterise(svg, options.widthMm).then((bytes) => void (png = bytes)));
  const px = (mm: number) => Math.round((mm / MM_PER_INCH) * DOCX_PX_PER_INCH);
  return {
    drawn,
    imageRun() {
      if (png === null) throw new Error(`The picture "${options.title}" was packed before it was drawn.`);
      // Made when the document is written, so pictures are numbered in the order they are printed.
      run ??= new ImageRun({
        type: 'svg',
        data: Buffer.from(svg, 'utf8'),
        fallback: { type: 'png', data: png },
        transformation: { width: px(options.widthMm), height: px(options.heightMm) },
        altText: { name: options.title, title: options.title, description: options.description ?? options.title },
      });
      return run;
    },
  };
}

/**
 * Marks a drawing as handled: when building the document fails first, nobody waits for its
 * pictures, and a rejection nobody handles would end the process. Awaiting it still throws.
 */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Settles when every one of the pictures is drawn; rejects with the first that could not be. */
export const allDrawn = (pictures: readonly { drawn: Promise<void> }[]): Promise<void> =>
  handled(Promise.all(pictures.map((p) => p.drawn)).then(() => undefined));

/** A picture of the SVG at the given printed size, with its PNG fallback, once drawn. */
export async function svgPicture(svg: string, options: PictureOptions): Promise<Picture> {
  const picture = drawPicture(svg, options);
  await picture.drawn;
  return picture;
}

/**
 * The paragraph of a figure's picture: centred, kept on the page of its caption. Its line spacing
 * is set explicitly to "auto": a document default of `line` without a rule makes LibreOffice hold
 * the line to one text line's height and crop the picture to a sliver.
 */
class PictureParagraph extends FileChild {
  private paragraph: Paragraph | null = null;

  constructor(private readonly picture: Picture) {
    super('w:p');
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    this.paragraph ??= new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      keepLines: true,
      spacing: { before: 120, after: 60, line: 240, lineRule: LineRuleType.AUTO },
      children: [this.picture.imageRun()],
    });
    return this.paragraph.prepForXml(context);
  }
}

/** A figure as a document shows it: the picture (see PictureParagraph), and the caption under it ("Figure 2: …") in the table text's size. */
export function figureParagraphs(picture: Picture, caption: string): FileChild[] {
  return [
    new PictureParagraph(picture),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: caption, italics: true, size: 17 })] }),
  ];
}
