export function contentSecurityPolicy(scriptSrc: string): string;
