// Commands contributed by other domains (e.g. the importer), keyed by name.
export const extraCommands: Record<string, (args: string[]) => Promise<number>> = {};
