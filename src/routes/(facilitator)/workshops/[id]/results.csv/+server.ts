import { attachment } from '$lib/server/attachment';
import * as guard from '$lib/server/guard';
import { knownTimeZone } from '$lib/server/time-zone';
import * as scoring from '$lib/server/scoring';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/** Every score and comment of the workshop as CSV (UTF-8 with BOM, so Excel reads Chinese). */
export const GET: RequestHandler = ({ locals, url, params }) => {
	const { workshop } = guard.ownedWorkshop(locals, url, params.id);
	const locale = getLocale();
	// The page asks in the facilitator's own time zone; without it, the server's.
	const timeZone = knownTimeZone(url.searchParams.get('tz'));
	const csv = scoring.resultsCsv(
		scoring.report(workshop.id),
		{
			header: [
				m.scoring_csv_activity(),
				m.scoring_csv_group(),
				m.scoring_csv_final(),
				m.scoring_csv_rank(),
				m.scoring_csv_scorer(),
				m.scoring_csv_scorer_kind(),
				m.scoring_csv_submitted_by(),
				m.scoring_csv_criterion(),
				m.scoring_csv_weight(),
				m.scoring_csv_mark(),
				m.scoring_csv_criterion_comment(),
				m.scoring_csv_comment(),
				m.scoring_csv_updated_at({ zone: timeZone })
			],
			facilitator: m.scoring_results_facilitator(),
			peer: m.scoring_results_peer()
		},
		locale,
		timeZone
	);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': attachment(`results-${workshop.id}.csv`, `${workshop.title}-${m.scoring_results_link()}.csv`),
			'cache-control': 'no-store'
		}
	});
};
