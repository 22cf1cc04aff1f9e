import { ServiceError } from '../../shared/result';

/** A boundary file that cannot be loaded: one plain sentence about the file, nothing written. */
export function geoFileProblem(message: string): ServiceError {
  return new ServiceError({ code: 'invalid_input', message, field: 'file', problems: [{ field: 'file', message }] });
}

/** Feature 3 ("Burat"): how a message names a feature of the file. */
export const featureName = (index: number, label: string) => `Feature ${index + 1}${label ? ` (“${label}”)` : ''}`;
