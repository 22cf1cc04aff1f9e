import { backupMethods } from './methods/backups';
import type { z } from 'zod';
import { foundationMethods } from './methods/foundation';
import { bundleMethods } from './methods/bundles';
import { xlsxMethods } from './methods/xlsx';
import { lifecycleMethods } from './methods/lifecycle';
import { docxExportMethods } from './methods/docx-export';
import { analysisMethods } from './methods/analysis';
import { geoMethods } from './methods/geo';
import { roundMethods } from './methods/rounds';
import { pasteMethods } from './methods/paste';

export type { MethodSpec } from './methods/define';

/**
 * The one API of Pamoja JWP: method name → input and output schemas. Electron serves it over IPC,
 * the web shell over HTTP; both go through the same dispatcher, which validates every input here.
 * Each feature area declares its methods in its own module under methods/.
 */
export const apiContract = {
  ...foundationMethods,
  ...bundleMethods,
  ...xlsxMethods,
  ...lifecycleMethods,
  ...docxExportMethods,
  ...analysisMethods,
  ...geoMethods,
  ...backupMethods,
  ...roundMethods,
  ...pasteMethods,
};

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<ApiContract[M]['output']>;

export const apiMethods: ApiMethod[] = Object.keys(apiContract).filter(isApiMethod);

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(apiContract, name);
}

/** The one IPC channel of the Electron shell and the path prefix of the web shell. */
export const IPC_CHANNEL = 'pamoja:api';
export const HTTP_API_PREFIX = '/api/';
/** The web shell hands its page a per-run token in this meta tag; the page sends it back in this header. */
export const HTTP_TOKEN_HEADER = 'x-pamoja-token';
export const HTTP_TOKEN_META = 'pamoja-token';
