export type ToolName = 'chromium' | 'soffice';
export const TOOLS: Record<ToolName, { env: string; commands: string[]; pkg: string }>;
export function onPath(names: readonly string[], env?: Record<string, string | undefined>): string | undefined;
export function findTool(name: ToolName, env?: Record<string, string | undefined>): string | undefined;
export function requireTool(name: ToolName, env?: Record<string, string | undefined>): string;
export function installCommand(pkgs: readonly string[], root: boolean): string;
export function ensureTools(env?: Record<string, string | undefined>, log?: (line: string) => void): number;
