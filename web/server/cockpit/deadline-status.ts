/**
 * Where a case stands against its statutory assessment completion limit
 * (`assessmentCompletionDue`): the assessment counts as done when the conclusion form has set
 * `needsMultiAgencyWork`, at the moment that variable was created.
 */
export type DeadlineStatus = "on-track" | "due-soon" | "overdue" | "done-in-time" | "done-late" | "no-deadline";

export const DUE_SOON_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DeadlineFacts {
  due?: Date;
  /** when the assessment was concluded, if it was */
  doneAt?: Date;
}

export function deadlineStatus({ due, doneAt }: DeadlineFacts, now: Date): DeadlineStatus {
  if (!due) return "no-deadline";
  if (doneAt) return doneAt.getTime() <= due.getTime() ? "done-in-time" : "done-late";
  if (now.getTime() > due.getTime()) return "overdue";
  return due.getTime() - now.getTime() <= DUE_SOON_DAYS * DAY_MS ? "due-soon" : "on-track";
}
