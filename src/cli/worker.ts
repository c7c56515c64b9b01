/** Worker thread entry for batches (--jobs): extract and contextualise documents off the main thread. */
export {};
