declare module 'seedrandom/lib/alea' {
  export interface AleaState { c: number; s0: number; s1: number; s2: number }
  export interface AleaPrng {
    (): number;
    double(): number;
    int32(): number;
    state(): AleaState;
  }
  export default function alea(seed: string, options: { state: true | AleaState }): AleaPrng;
}
