/**
 * Why a scoring request was refused. Codes, not sentences: the routes turn them into the
 * reader's language, and the tests can name them.
 */
export type ScoringError =
	| { code: 'invalid' } // the request is not shaped like a score
	| { code: 'not_found' } // no such activity for this scorer
	| { code: 'no_rubric' } // the activity's stored exercise has no usable rubric
	| { code: 'no_group' } // a participant who is in no group cannot score
	| { code: 'group_not_in_workshop' }
	| { code: 'self_score' } // a group never scores itself
	| { code: 'peer_disabled' } // the rubric gives peers no weight
	| { code: 'not_open' } // peers may score only once the facilitator opens scoring
	| { code: 'closed' } // the facilitator closed scoring (or the workshop ended)
	| { code: 'already_scored' } // a second new score for the same presentation
	| { code: 'unknown_criterion'; criterion: string }
	| { code: 'missing_criterion'; criterion: string }
	| { code: 'out_of_scale'; criterion: string; min: number; max: number }
	| { code: 'comment_too_long'; max: number };

/** The outcome of an operation that may be refused. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ScoringError };

/** A refusal. */
export function refuse<T>(error: ScoringError): Result<T> {
	return { ok: false, error };
}
