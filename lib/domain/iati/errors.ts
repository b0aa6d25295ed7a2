/** One thing that stops a programme from becoming a valid IATI activity. */
export type IatiProblem = {
  /** The programme code, or null for a problem with the whole document. */
  readonly programme: string | null;
  /** The IATI element or setting at fault, e.g. "reporting-org/@ref". */
  readonly field: string;
  readonly message: string;
};

/** The export refuses rather than emit XML the IATI schema would reject; every problem is listed. */
export class IatiExportError extends Error {
  override name = 'IatiExportError';
  constructor(public readonly problems: readonly IatiProblem[]) {
    super(`IATI export refused: ${problems.map(formatProblem).join('; ')}`);
  }
}

export function formatProblem(problem: IatiProblem): string {
  return problem.programme ? `${problem.programme}: ${problem.message}` : problem.message;
}
