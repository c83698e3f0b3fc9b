/// <reference types="vite/client" />

/** Results computed by the build (vite.config.ts). */
declare module 'virtual:balloon-stored-app' {
  export const storedApp: {
    /** SHA-256 of the scenario file and the core's sources they were computed from. */
    key: string;
    scenario: string;
    seeds: number[];
    hashes: string[];
    twinHashes: string[] | null;
    bytes: number;
    /** The binary results (viz/stored/codec.ts). */
    url: string;
  };
}
declare module 'virtual:balloon-stored-workshop' {
  import type { Digest } from '../sim/workshop/digest';
  import type { Fidelity } from '../sim/workshop/fidelity';
  export const storedWorkshop: { key: string; scenario: string; seed: number; digests: Record<Fidelity, Digest> };
}
