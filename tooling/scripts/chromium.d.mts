export declare const CHROMIUM_ARGS: string[];
export declare function findChromium(): string | null;
export declare function chromiumLaunchOptions(): { executablePath?: string; args: string[] };
export declare const INSTALL_HINT: string;
