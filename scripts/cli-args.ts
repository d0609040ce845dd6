// The options of a command-line tool, or its usage: printed on --help (exit 0), and after the
// reason on an unknown or malformed option (exit 2), instead of a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The values of `options` (typed as parseArgs types them), once they parsed and --help was not asked. */
export function optionsOrUsage<const O extends Options>(options: O, usage: string) {
	try {
		const { values } = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h' } } });
		if ((values as { help?: boolean }).help) {
			console.log(usage);
			process.exit(0);
		}
		return values as ReturnType<typeof parseArgs<{ options: O }>>['values'];
	} catch (error) {
		console.error(`${(error as Error).message}\n${usage}`);
		process.exit(2);
	}
}
