export declare function kitModule(path: string): string;
export declare const fromSource: boolean;
export declare const kitRequire: NodeJS.Require;
export declare function importModule(specifier: string): Promise<unknown>;
