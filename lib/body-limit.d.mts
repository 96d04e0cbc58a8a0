export declare const actionBodyLimit: string;
export declare const actionBodyLimitBytes: number;
