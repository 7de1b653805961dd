// Types for scripts/build.mjs, for the TypeScript that imports it (the benchmark).
export function sources(): { files: string[]; newest: number };
export function stampOf(found: { files: string[]; newest: number }): string;
export const STAMP: string;
export function compile(): Promise<void>;
