export function rendererStampFile(root: string): string;
export function rendererBuildIsCurrent(root: string): boolean;
