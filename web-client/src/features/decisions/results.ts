/**
 * Shapes of the figures and counts inside a decision's results. The api documents them as open maps (they differ by
 * method), so they are named here; see docs/decisions.md, "Methods" and "Results".
 */
export interface ScoreFigure { mean?: number | null; distribution?: number[] }
export interface Figures {
  approvals?: Record<string, number>;
  abstentions?: number;
  scores?: Record<string, ScoreFigure>;
  positions?: Record<string, number>;
  firstPreferences?: Record<string, number>;
  points?: Record<string, number>;
}

/** One round of RCTab's detailed report. */
export interface Round {
  round: number;
  tally: Record<string, number>;
  threshold: number;
  tallyResults: { elected?: string; eliminated?: string; transfers?: Record<string, number> }[];
  inactiveBallots: { overvotes: number; skippedRankings: number; exhaustedChoices: number; repeatedRankings: number };
}

export interface Stance { who?: string | null; position: string; reason?: string | null }

/** The count stored at close: RCTab's report for instant runoff, each method's result otherwise. */
export interface Count {
  results?: Round[];
  summary?: { totalNumBallots?: number; undervotes?: number };
  tiebreak?: { mode?: string; randomSeed?: number | null; ties?: { round: number; tied: string[]; chosen: string; reason: string }[] };
  blocks?: Stance[];
  disagreements?: Stance[];
}

export const INACTIVE_CAUSES = ['overvotes', 'skippedRankings', 'exhaustedChoices', 'repeatedRankings'] as const;
