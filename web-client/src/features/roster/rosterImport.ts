/** What the api's roster import answers as JSON lines: progress while it works, then a report or a problem. */
export interface Counts { created?: number; updated?: number; deleted?: number; unchanged?: number }
export interface ImportReport {
  dryRun?: boolean; rows?: number; changes?: Record<string, Counts>; schools?: Record<string, Record<string, Counts>>;
  largeDeletions?: { schoolId?: string; people?: number; deleted?: number }[];
  outdated?: { file?: string; line?: number; sourcedId?: string; dateLastModified?: string; storedDateLastModified?: string }[];
}
export interface RosterProblem { file?: string; line?: number; column?: string; problem?: string; fix?: string }
export interface ImportProblem { type?: string; detail?: string; problemCount?: number; problems?: RosterProblem[]; largeDeletions?: ImportReport['largeDeletions'] }
export type ImportLine = { progress: string } | { report: ImportReport } | { problem: ImportProblem };

/** Reads a response of newline-delimited JSON, calling onLine for each line as it arrives. */
export async function readJsonLines(response: Response, onLine: (line: ImportLine) => void): Promise<void> {
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  for (;;) {
    const { value, done } = await reader.read();
    pending += value ?? '';
    const lines = pending.split('\n');
    pending = done ? '' : lines.pop()!;
    lines.filter((line) => line.trim()).forEach((line) => onLine(JSON.parse(line) as ImportLine));
    if (done) return;
  }
}
