// The Frictionless validators ship no types; the tests use this much of them.
declare module 'datapackage' {
  export interface Resource {
    name: string;
    tabular: boolean;
    descriptor: Record<string, unknown>;
    read(options?: { keyed?: boolean; relations?: boolean; cast?: boolean }): Promise<unknown[]>;
  }
  export class Package {
    static load(descriptor: string | Record<string, unknown>, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    valid: boolean;
    errors: Error[];
    resources: Resource[];
    descriptor: Record<string, unknown>;
  }
}
declare module 'tableschema' {
  export class Table {
    static load(source: string, options?: { schema?: Record<string, unknown>; delimiter?: string }): Promise<Table>;
    read(options?: { keyed?: boolean; cast?: boolean }): Promise<unknown[]>;
  }
  export class Schema {
    static load(descriptor: Record<string, unknown>, options?: { strict?: boolean }): Promise<Schema>;
    valid: boolean;
    errors: Error[];
  }
}
