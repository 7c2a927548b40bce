// env-ci ships no types; this is the part of its result contract-kit reads.
declare module 'env-ci' {
  interface CiEnvironment {
    isCi: boolean;
    service?: string;
    name?: string;
    commit?: string;
    branch?: string;
    prBranch?: string;
    isPr?: boolean;
    build?: string;
    buildUrl?: string;
  }
  export default function envCi(options?: { env?: NodeJS.ProcessEnv; cwd?: string }): CiEnvironment;
}
