/**
 * "Try a demo workshop": a ready-made draft workshop for a facilitator who has just signed up,
 * so the product can be seen working within a minute: four groups, one activity of each kind
 * from the library, and a few sample notes on two groups' PEST boards, so the console's grid
 * and the projector show a board with content as soon as the workshop starts.
 */
import { addNote, type Quadrant } from '../activities/pest/model';
import { boardDoc } from '../docs';
import type { Exercise, ExerciseKind } from '../exercises/schema';
import type { DocChanger } from './reveal';
import * as custom from './custom-exercises';
import type { Workshop } from './db/schema';
import * as files from './exercises';
import * as workshops from './workshops';

type Language = workshops.Language;

/** The agenda, by kind: the exercise preferred for each, else the library's first of that kind. */
const AGENDA: [ExerciseKind, string][] = [
	['pest', 'pest-express-market'],
	['fishbone', 'fishbone-sorting-centre-cost'],
	['spin-roleplay', 'spin-2c-counter'],
	['moments-of-truth', 'mot-contact-tools']
];

const GROUPS = 4;

const TITLE: Record<Language, string> = {
	'zh-CN': '演示工作坊：快递网点经营',
	en: 'Demo workshop: running a delivery depot'
};

type Sample = { quadrant: Quadrant; text: string; author: string; kind?: 'opportunity' | 'threat' };

/** What two groups have already written on the PEST board, as learners would. */
const SAMPLES: Record<Language, Sample[][]> = {
	'zh-CN': [
		[
			{ quadrant: 'P', text: '快递进村政策有补贴', author: '小李', kind: 'opportunity' },
			{ quadrant: 'E', text: '价格战击穿成本', author: '小王', kind: 'threat' },
			{ quadrant: 'S', text: '直播电商带来大量小件', author: '小张', kind: 'opportunity' },
			{ quadrant: 'T', text: '智能快递柜降低派送成本', author: '小李' }
		],
		[
			{ quadrant: 'P', text: '绿色包装新规', author: '小陈', kind: 'threat' },
			{ quadrant: 'S', text: '社区团购改变收件习惯', author: '小赵' },
			{ quadrant: 'T', text: '无人车在园区试运行', author: '小陈', kind: 'opportunity' }
		]
	],
	en: [
		[
			{ quadrant: 'P', text: 'Subsidies for parcels-to-villages routes', author: 'Li', kind: 'opportunity' },
			{ quadrant: 'E', text: 'Price war below cost', author: 'Wang', kind: 'threat' },
			{ quadrant: 'S', text: 'Live-stream shopping brings many small parcels', author: 'Zhang', kind: 'opportunity' },
			{ quadrant: 'T', text: 'Parcel lockers cut delivery cost', author: 'Li' }
		],
		[
			{ quadrant: 'P', text: 'New green-packaging rules', author: 'Chen', kind: 'threat' },
			{ quadrant: 'S', text: 'Community group-buying changes how people receive parcels', author: 'Zhao' },
			{ quadrant: 'T', text: 'Driverless vans on trial in the business park', author: 'Chen', kind: 'opportunity' }
		]
	]
};

function exerciseFor(kind: ExerciseKind, preferred: string): Exercise | undefined {
	const wanted = files.get(preferred);
	return wanted?.kind === kind ? wanted : files.all().find((e) => e.kind === kind);
}

/** Creates the demo workshop for `ownerId` in `language`; its boards are written through `collab`. */
export async function createDemo(collab: DocChanger, ownerId: string, language: Language): Promise<Workshop> {
	const w = workshops.create(ownerId, { title: TITLE[language], language, groupCount: GROUPS });
	for (const [kind, preferred] of AGENDA) {
		const exercise = exerciseFor(kind, preferred);
		// A library without this kind (EXERCISES_DIR is the admin's) just makes a shorter agenda.
		if (exercise) workshops.addActivity(w.id, exercise.id, exercise.kind, { ...custom.definitionOf(exercise), id: exercise.id });
	}
	const pest = workshops.activities(w.id).find((a) => a.kind === 'pest');
	if (pest) {
		const groups = workshops.groups(w.id);
		for (const [i, notes] of SAMPLES[language].entries()) {
			await collab.change(boardDoc(pest.id, groups[i].id), (doc) => {
				for (const note of notes) addNote(doc, note);
			});
		}
	}
	return w;
}
