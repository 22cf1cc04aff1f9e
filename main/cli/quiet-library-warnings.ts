/**
 * exceljs writes workbooks through archiver-utils 2, which still calls `new Buffer(text)`. Node's
 * warning about that (DEP0005) is addressed to that library's developers; printed under every
 * workbook export, it only tells a county officer that something might be wrong. Every other
 * warning is printed as before.
 */
export function quietLibraryWarnings(): void {
  const emitWarning = process.emitWarning;
  process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
    if (isBufferConstructorWarning(warning, rest)) return;
    Reflect.apply(emitWarning, process, [warning, ...rest]);
  };
}

function isBufferConstructorWarning(warning: string | Error, rest: unknown[]): boolean {
  if (warning instanceof Error) return 'code' in warning && warning.code === 'DEP0005';
  return rest.includes('DEP0005') || rest.some((option) => typeof option === 'object' && option !== null && 'code' in option && option.code === 'DEP0005');
}
