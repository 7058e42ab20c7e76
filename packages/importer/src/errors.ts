/** An input the importer cannot turn into a plan; the message is for the person uploading. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
