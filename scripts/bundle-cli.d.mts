/** Types for scripts/bundle-cli.mjs (used from the TypeScript tests). */
import type { BuildOptions, Metafile } from 'esbuild';

export const bundleDir: string;
export const bundleEntries: Record<string, string>;
export const externalPackages: string[];
export function bundleOptions(outdir?: string): BuildOptions & { metafile: true };
export function bundleCli(): Promise<Metafile>;
