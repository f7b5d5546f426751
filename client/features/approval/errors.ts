/** Called after a workflow step succeeded, with what to tell the user. */
export type OnDone = (message: string) => void;
