// Presentation scoring: rules, records, arithmetic and exports. Import as a namespace:
//   import * as scoring from '$lib/server/scoring';  scoring.submit({ … })
export { aggregate, points, rankBy, round, workshopTotals, type GroupResult, type WorkshopResult } from './aggregate';
export { boardState, boardStateBase64 } from './boards';
export { resultsCsv, toCsv, type CsvLabels } from './csv';
export type { Result, ScoringError } from './errors';
export { activityBoard, leaderboard, type ActivityBoard, type Leaderboard } from './leaderboard';
export { scoresBy, scoresOfActivity, scoresOfWorkshop } from './queries';
export { pick, report, type ChangeView, type Report, type ScoreView } from './report';
export { hasPeerScoring, rubricOf, rubricOfActivity } from './rubric';
export { control, ownedActivity, type ScoringAction } from './state';
export { submit, type Scorer, type Submission } from './submit';
export { validateMarks, MAX_COMMENT, MAX_CRITERION_COMMENT } from './validate';
export { errorMessage, errorStatus } from './messages';
export { scoringView, type ScoringView } from './view';
