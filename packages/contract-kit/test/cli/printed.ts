import { vi } from 'vitest';

/** Captures what the command under test prints with `console.log`; restore with `vi.restoreAllMocks()`. */
export function printed(): string[] {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
  return lines;
}
