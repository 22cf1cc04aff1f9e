import { ServiceError } from '../../../shared/result';
import { unpackZip, ZipProblem } from './zip-inflation';

export type WorkbookKind = 'partner template' | 'cycle workbook';

const MAX_FILE_BYTES = 15 * 1024 * 1024;

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

export function fileProblem(message: string): ServiceError {
  return new ServiceError({ code: 'invalid_input', message, field: 'file', problems: [{ field: 'file', message }] });
}

/**
 * Checks a returned workbook's bytes, or says plainly why it cannot be opened: not a workbook at
 * all, an old .xls, password-protected, cut short in transit, damaged, or a "zip bomb" (measured by
 * unpacking, stopped at the first lie or limit: zip-inflation.ts). Returns the unpacked entries
 * `keep` names.
 */
export function unpackWorkbook(buffer: Buffer, fileName: string, what: WorkbookKind, keep: (entryName: string) => boolean): Map<string, Buffer> {
  const name = `"${fileName}"`;
  if (buffer.length === 0) throw fileProblem(`${name} is empty (0 bytes). Ask for the file again.`);
  if (buffer.length > MAX_FILE_BYTES)
    throw fileProblem(`${name} is ${(buffer.length / 1024 / 1024).toFixed(0)} MB, larger than any ${what} (the limit is 15 MB).`);
  if (buffer.subarray(0, 8).equals(OLE_SIGNATURE)) {
    // Excel keeps a password-protected .xlsx inside an OLE container holding these streams.
    const encrypted = buffer.includes(Buffer.from('EncryptionInfo', 'utf16le')) || buffer.includes(Buffer.from('EncryptedPackage', 'utf16le'));
    throw fileProblem(
      encrypted
        ? `${name} is protected with a password, so Pamoja JWP cannot read it. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, then clear the password), save it and import it again.`
        : `${name} is an old Excel 97–2003 workbook (.xls). Open it in Excel or LibreOffice, save it as an Excel Workbook (.xlsx) and import that.`,
    );
  }
  if (!buffer.subarray(0, 4).equals(ZIP_SIGNATURE) && !buffer.subarray(0, 4).equals(EMPTY_ZIP_SIGNATURE)) {
    const looksLikeText = !buffer.subarray(0, 512).some((byte) => byte === 0);
    throw fileProblem(
      looksLikeText
        ? `${name} is not an Excel workbook: it holds plain text (a CSV or text file?). Import the .xlsx ${what} itself.`
        : `${name} is not an Excel workbook (.xlsx). Import the ${what} Pamoja JWP exported, filled in and saved in Excel or LibreOffice.`,
    );
  }

  let unpacked: ReturnType<typeof unpackZip>;
  try {
    // Counted by unpacking, not by what the file declares: a "zip bomb" lies about its sizes.
    unpacked = unpackZip(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), keep);
  } catch (error) {
    if (!(error instanceof ZipProblem)) throw error;
    if (error.kind === 'damaged') {
      throw fileProblem(
        `${name} is damaged or incomplete: it could not be unpacked (${error.message}; perhaps the download or e-mail attachment was cut short). Ask for the file again.`,
      );
    }
    throw fileProblem(`${name} was refused unopened: ${error.message}. No ${what} does that; Pamoja JWP will not open it.`);
  }
  const names = new Set(unpacked.sizes.map((entry) => entry.name));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('word/document.xml')) throw fileProblem(`${name} is a Word document, not an Excel workbook.`);
    if (names.has('ppt/presentation.xml')) throw fileProblem(`${name} is a PowerPoint presentation, not an Excel workbook.`);
    if (names.has('content.xml') && names.has('mimetype'))
      throw fileProblem(`${name} is an OpenDocument spreadsheet (.ods). Save it as an Excel Workbook (.xlsx) in LibreOffice and import that.`);
    throw fileProblem(`${name} is a zip file but not an Excel workbook (it has no workbook inside).`);
  }
  return unpacked.kept;
}
