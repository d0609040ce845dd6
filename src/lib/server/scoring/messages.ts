import * as m from '../../paraglide/messages';
import type { ScoringError } from './errors';

/**
 * The sentence for a refusal, in the request's language. `criterionTitle` turns a criterion
 * key into the name the scorer sees on the rubric.
 */
export function errorMessage(e: ScoringError, criterionTitle: (key: string) => string = (k) => k): string {
	switch (e.code) {
		case 'invalid':
			return m.scoring_error_invalid();
		case 'not_found':
			return m.scoring_error_not_found();
		case 'no_rubric':
			return m.scoring_error_no_rubric();
		case 'no_group':
			return m.scoring_error_no_group();
		case 'group_not_in_workshop':
			return m.scoring_error_group_not_in_workshop();
		case 'self_score':
			return m.scoring_error_self_score();
		case 'peer_disabled':
			return m.scoring_error_peer_disabled();
		case 'not_open':
			return m.scoring_error_not_open();
		case 'closed':
			return m.scoring_error_closed();
		case 'already_scored':
			return m.scoring_error_already_scored();
		case 'unknown_criterion':
			return m.scoring_error_unknown_criterion({ criterion: e.criterion });
		case 'missing_criterion':
			return m.scoring_error_missing_criterion({ criterion: criterionTitle(e.criterion) });
		case 'out_of_scale':
			return m.scoring_error_out_of_scale({ criterion: criterionTitle(e.criterion), min: e.min, max: e.max });
		case 'comment_too_long':
			return m.scoring_error_comment_too_long({ max: e.max });
	}
}

/** The HTTP status that goes with a refusal. */
export function errorStatus(e: ScoringError): number {
	if (e.code === 'not_found') return 404;
	if (e.code === 'already_scored' || e.code === 'closed' || e.code === 'not_open') return 409;
	if (e.code === 'self_score' || e.code === 'peer_disabled' || e.code === 'no_group') return 403;
	return 400;
}
